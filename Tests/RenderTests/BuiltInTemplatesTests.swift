import Foundation
import Testing
@testable import Render

/// The binary carries the templates and stylesheet it ships, so that it renders anywhere: the
/// built-in copies are the files of `report-templates/` to the byte (`scripts/embed_templates.py`
/// writes them), and a run without a templates folder renders the same pages as one with it.
@Suite struct BuiltInTemplatesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report-templates").path

    @Test func theBuiltInCopiesAreTheFiles() throws {
        for (name, file) in [("report", "report.mustache"), ("index", "index.mustache"), ("diff", "diff.mustache")] {
            let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
            #expect(BuiltInTemplates.templates[name] == text, "\(file) differs from its built-in copy: run scripts/embed_templates.py")
        }
        #expect(BuiltInTemplates.css == (try String(contentsOfFile: Self.folder + "/report.css", encoding: .utf8)),
                "report.css differs from its built-in copy: run scripts/embed_templates.py")
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
