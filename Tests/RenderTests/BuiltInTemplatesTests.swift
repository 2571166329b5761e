import Foundation
import Testing
@testable import Render
import Sections

/// The binary carries the templates and stylesheet it ships, so that it renders anywhere: the
/// build embeds the files of `report-templates/` (`embedInCode` through the link in
/// `Sources/Render`), and a run without a templates folder renders the same pages as one with it.
@Suite struct BuiltInTemplatesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    /// The link the build embeds through reaches the files users edit, not a copy of them.
    @Test func theBuildEmbedsTheFiles() throws {
        for (name, file) in [("report", "report.mustache"), ("index", "index.mustache"), ("diff", "diff.mustache")] {
            let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
            #expect(BuiltInTemplates.templates[name] == text, "\(file) is not what the build embedded: Sources/Render/report-templates must link to report-templates/")
        }
        for section in SectionList.all where section.section == nil {
            let text = try String(contentsOfFile: Self.folder + "/\(section.partial).mustache", encoding: .utf8)
            #expect(BuiltInTemplates.sections[section.id] == text, "\(section.partial).mustache is not what the build embedded: list it in Package.swift")
        }
        #expect(BuiltInTemplates.css == (try String(contentsOfFile: Self.folder + "/report.css", encoding: .utf8)),
                "report.css is not what the build embedded: Sources/Render/report-templates must link to report-templates/")
    }

    @Test func aRunWithoutTheFolderRendersTheSamePage() throws {
        let data = RenderFixtures.data()
        let fromFiles = ReportRenderer(templates: try ReportTemplates(directory: Self.folder)).report(data)
        let builtIn = ReportRenderer(templates: try ReportTemplates(directory: nil)).report(data)
        #expect(fromFiles == builtIn)
        #expect(builtIn.contains("<html"))
    }

    @Test func aNamedFolderWithoutATemplateIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("journeys-no-templates-\(getpid())").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: RenderError.self) { try ReportTemplates(directory: empty) }
    }
}
