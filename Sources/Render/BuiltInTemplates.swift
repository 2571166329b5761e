/// The templates and stylesheet of `report-templates/` as journeys ships them, so that the binary
/// renders its pages anywhere, without the folder. The build embeds the files themselves
/// (`embedInCode` in Package.swift, through the `report-templates` link in this target's folder):
/// `PackageResources` holds their bytes, and there is no copy to keep equal by hand.
enum BuiltInTemplates {
    /// `report-templates/report.mustache`
    static let report = String(decoding: PackageResources.report_mustache, as: UTF8.self)
    /// `report-templates/index.mustache`
    static let index = String(decoding: PackageResources.index_mustache, as: UTF8.self)
    /// `report-templates/diff.mustache`
    static let diff = String(decoding: PackageResources.diff_mustache, as: UTF8.self)
    /// `report-templates/report.css`
    static let css = String(decoding: PackageResources.report_css, as: UTF8.self)

    /// By template name, as `ReportTemplates.templateNames` names them.
    static let templates: [String: String] = ["report": report, "index": index, "diff": diff]
}
