import DemoShop
import Foundation
import Pipeline

/// Paths of the repository's own config and templates, and scratch folders for pipeline tests.
enum PipelineFixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let weeklyConfig = repo.appendingPathComponent("pipelines/weekly.yaml").path
    static let templates = repo.appendingPathComponent("report-templates").path

    /// A fresh, empty folder under the system's temporary folder.
    static func scratch(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("journeys-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Two weeks of demo logs (W46 and W47 of 2026), small enough for a debug build.
    static func demoLogs() throws -> (dir: String, summary: SampleSummary) {
        let dir = try scratch("logs")
        var options = SampleOptions()
        options.weeks = 2
        options.dailyVisits = 120
        return (dir, try SampleGenerator.write(to: dir, options: options))
    }

    static func options(logs: String, output: String, period: String? = nil) -> RunOptions {
        var o = RunOptions(pipeline: weeklyConfig)
        o.inputs = [logs]
        o.output = output
        o.period = period
        o.quiet = true
        o.templates = templates
        return o
    }

    static func writeConfig(_ text: String) throws -> String {
        let path = try scratch("config") + "/pipeline.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
