import Foundation
import Pipeline
import Testing

/// Paths in a config are relative to the config file, so cron can run a pipeline from anywhere;
/// templates are checked before any input is read.
@Suite(.serialized) struct ConfigPathTests {
    /// A folder holding `pipeline.yaml`, `data/export.csv` and `tpl` (the repository's templates).
    func configFolder(templates: String = "tpl") throws -> String {
        let dir = try PipelineFixtures.scratch("config-paths")
        let data = try ExportFixture.write(ExportFixture(customers: 60).byTime)
        try FileManager.default.createSymbolicLink(atPath: dir + "/data", withDestinationPath: data)
        try FileManager.default.createSymbolicLink(atPath: dir + "/tpl", withDestinationPath: PipelineFixtures.templates)
        let text = try String(contentsOfFile: PipelineFixtures.eventsConfig, encoding: .utf8)
            .replacingOccurrences(of: "  - ../exports", with: "  - data")
            .replacingOccurrences(of: "templates: ../report-templates", with: "templates: \(templates)")
        try text.write(toFile: dir + "/pipeline.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func inputsAndTemplatesAreFoundFromTheConfigsFolder() throws {
        let dir = try configFolder()
        var options = RunOptions(pipeline: dir + "/pipeline.yaml")
        options.output = try PipelineFixtures.scratch("config-paths-out")
        options.history = options.output + ".history.sqlite"
        options.quiet = true
        // the working directory (the package root) holds no `data` or `tpl`
        #expect(!FileManager.default.fileExists(atPath: "data") && !FileManager.default.fileExists(atPath: "tpl"))
        let summary = try ReportPipeline.run(options, environment: [:])
        try PipelineFixtures.checkSchema(output: options.output)
        #expect(summary.period == "2026-W47")
        #expect(FileManager.default.fileExists(atPath: summary.reportPath))
    }

    @Test func aMissingTemplateFolderIsAConfigErrorBeforeAnyInput() throws {
        let dir = try configFolder(templates: "no-such-templates")
        try FileManager.default.removeItem(atPath: dir + "/data")  // reading inputs would fail differently
        var options = RunOptions(pipeline: dir + "/pipeline.yaml")
        options.output = try PipelineFixtures.scratch("config-paths-out")
        options.history = options.output + ".history.sqlite"
        options.quiet = true
        do {
            _ = try ReportPipeline.run(options, environment: [:])
            Issue.record("a missing template folder did not stop the run")
        } catch let error as ConfigError {
            #expect(error.file == dir + "/pipeline.yaml")
            #expect(error.line > 0)
            #expect(error.message.contains("no-such-templates/report.mustache"))
        }
    }
}
