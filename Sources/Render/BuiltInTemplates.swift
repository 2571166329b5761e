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

    /// The sections' partials (`report-templates/sections/<id>.mustache`), by section id.
    static let sections: [String: String] = [
        "headline": PackageResources.headline_mustache,
        "changes": PackageResources.changes_mustache,
        "funnel": PackageResources.funnel_mustache,
        "journey-map": PackageResources.journey_map_mustache,
        "channels": PackageResources.channels_mustache,
        "cohorts": PackageResources.cohorts_mustache,
        "lifecycle": PackageResources.lifecycle_mustache,
        "customer-value": PackageResources.customer_value_mustache,
        "predicted-value": PackageResources.predicted_value_mustache,
        "satisfaction": PackageResources.satisfaction_mustache,
        "support": PackageResources.support_mustache,
        "kpis": PackageResources.kpis_mustache,
        "carts": PackageResources.carts_mustache,
        "segments": PackageResources.segments_mustache,
        "paths": PackageResources.paths_mustache,
        "satisfaction-groups": PackageResources.satisfaction_groups_mustache,
        "logged-values": PackageResources.logged_values_mustache,
        "rules": PackageResources.rules_mustache,
        "data-quality": PackageResources.data_quality_mustache,
        "methods": PackageResources.methods_mustache,
    ].mapValues { String(decoding: $0, as: UTF8.self) }

    /// By template name, as `ReportTemplates.templateNames` names them.
    static let templates: [String: String] = ["report": report, "index": index, "diff": diff]
}
