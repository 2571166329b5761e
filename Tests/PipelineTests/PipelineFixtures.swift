import DemoShop
import Foundation
import Pipeline

/// Paths of the repository's own config and templates, and scratch folders for pipeline tests.
enum PipelineFixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let weeklyConfig = repo.appendingPathComponent("pipelines/weekly.yaml").path
    static let eventsConfig = repo.appendingPathComponent("pipelines/events.yaml").path
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
        // A history of its own beside the output: tests run at once must not share one.
        o.history = output + ".history.sqlite"
        return o
    }

    /// A run of the events pipeline (JSON and CSV exports) over `logs`.
    static func exportOptions(logs: String, output: String, period: String? = nil, config: String = eventsConfig) -> RunOptions {
        var o = options(logs: logs, output: output, period: period)
        o.pipeline = config
        return o
    }

    /// The period's report.json as a JSON object.
    static func reportJSON(_ output: String, _ period: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + period + "/report.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// `json` as canonical bytes (sorted keys), for comparing two reports.
    static func canonical(_ json: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
    }

    static func writeConfig(_ text: String) throws -> String {
        let path = try scratch("config") + "/pipeline.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
