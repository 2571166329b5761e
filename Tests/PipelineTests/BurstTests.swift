import Foundation
import Testing
@testable import Pipeline

/// A burst of requests within one second waits in the reorder buffer; beyond
/// `reorder_memory_mb` it waits on disk, and the report is the same figure for figure.
@Suite(.serialized) struct BurstTests {
    /// The export fixture plus 4,000 requests of 8 sessions within one second of W47, in time order.
    static func burstRows() -> [ExportFixture.Row] {
        let burst = ExportFixture.start + 24 * 86_400 + 12 * 3600
        var rows = ExportFixture(customers: 60).byTime
        for k in 0..<4000 {
            let user = 7000 + k % 8
            let kind = k % 97 == 0 ? "cart" : "view"
            rows.append(ExportFixture.Row(time: burst, user: user,
                                          text: "\(ExportFixture.format(burst)),\(kind),\(1000 + k % 40),2053013552326770905,apparel.shoes,brand1,19.99,\(500_000 + user),s-burst-\(user)"))
        }
        // Stable: the burst's rows keep their order among themselves.
        return rows.enumerated().sorted { $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset }.map(\.element)
    }

    static func config(reorderMemory: String?) throws -> String {
        let base = try String(contentsOfFile: PipelineFixtures.eventsConfig, encoding: .utf8)
        return try PipelineFixtures.writeConfig(base + (reorderMemory.map { "\nreorder_memory_mb: \($0)\n" } ?? ""))
    }

    /// The sorted runs the read stage set down for `logs` under `config`.
    static func runsWritten(logs: String, config: String) throws -> Int {
        var options = RunOptions(pipeline: config)
        options.inputs = [logs]
        let loaded = try ConfigLoader.load(path: config, options: options, environment: [:])
        let zone = TimeZone(identifier: loaded.timeZone)!
        let plan = try PlanStage.run(loaded, zone: zone, askedPeriod: "2026-W47")
        return try ReadStage.run(plan, config: loaded, progress: Progress(quiet: true)).reorderRunsWritten
    }

    @Test func aBurstBeyondTheReorderMemoryGivesTheSameReport() throws {
        let logs = try ExportFixture.write(Self.burstRows())
        let small = try Self.config(reorderMemory: "0.01"), standard = try Self.config(reorderMemory: nil)
        // 0.01 MB holds some 60 requests: the burst's 4,000 go to disk; 8 MB hold them all.
        #expect(try Self.runsWritten(logs: logs, config: small) > 10)
        #expect(try Self.runsWritten(logs: logs, config: standard) == 0)

        var reports: [String] = []
        for config in [small, standard] {
            let out = try PipelineFixtures.scratch("burst")
            _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out, period: "2026-W47", config: config), environment: [:])
            reports.append(try PipelineFixtures.canonical(try PipelineFixtures.reportJSON(out, "2026-W47")))
        }
        #expect(reports[0] == reports[1])
        // The burst is in the report: its 8 sessions' page views are counted.
        let json = try JSONSerialization.jsonObject(with: Data(reports[0].utf8)) as! [String: Any]
        let kpis = json["kpis"] as! [String: [String: Any]]
        #expect((kpis["page_views"]?["value"] as? Int ?? 0) > 4000)
    }
}
