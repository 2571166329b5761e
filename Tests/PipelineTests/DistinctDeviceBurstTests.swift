import Foundation
import Testing
import Pipeline

/// A burst from thousands of distinct devices within one second, each opening a visit that stays
/// open for the timeout: beyond `open_visits_memory_mb` the oldest open visits close early,
/// counted among the cut visits, and since no device comes back every figure stays the same.
@Suite(.serialized) struct DistinctDeviceBurstTests {
    static let devices = 6_000

    static func rows() -> [ExportFixture.Row] {
        let burst = ExportFixture.start + 24 * 86_400 + 12 * 3600  // 2026-11-19 12:00 UTC
        var rows: [ExportFixture.Row] = []
        for (user, t) in [(1, ExportFixture.start + 21 * 86_400 + 3600), (2, ExportFixture.start + 27 * 86_400 + 80_000)] {
            rows.append(ExportFixture.Row(time: t, user: user, text: "\(ExportFixture.format(t)),view,1001,2053013552326770905,apparel.shoes,brand1,19.99,\(500_000 + user),s-\(user)"))
        }
        for k in 0..<devices {
            let user = 10_000 + k
            let kind = k % 50 == 0 ? "purchase" : "view"
            rows.append(ExportFixture.Row(time: burst, user: user,
                                          text: "\(ExportFixture.format(burst)),\(kind),\(1000 + k % 40),2053013552326770905,apparel.shoes,brand1,\(10 + k % 90).99,\(500_000 + user),s-burst-\(user)"))
        }
        return rows.sorted { $0.time < $1.time }
    }

    @Test func theOldestVisitsCloseEarlyAndEveryFigureStays() throws {
        let logs = try ExportFixture.write(Self.rows())
        let base = try String(contentsOfFile: PipelineFixtures.eventsConfig, encoding: .utf8)
        var reports: [[String: Any]] = []
        for memory in ["0.2", "64"] {
            let config = try PipelineFixtures.writeConfig(base + "\nopen_visits_memory_mb: \(memory)\n")
            let out = try PipelineFixtures.scratch("distinct-burst")
            _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out, period: "2026-W47", config: config), environment: [:])
            reports.append(try PipelineFixtures.reportJSON(out, "2026-W47"))
        }
        func cut(_ json: [String: Any]) -> Int { (json["input"] as! [String: Any])["cutVisits"] as! Int }
        // 0.2 MB hold some 770 open visits: the rest of the 6,000 closed early
        #expect(cut(reports[0]) > Self.devices - 1_000)
        #expect(cut(reports[1]) == 0)
        let kpis = reports[0]["kpis"] as! [String: [String: Any]]
        #expect(kpis["visits"]?["value"] as? Double == Double(Self.devices + 2))
        #expect(kpis["orders"]?["value"] as? Double == Double(Self.devices / 50))
        let same = reports.map { json -> String in
            var json = json
            var input = json["input"] as! [String: Any]
            input["cutVisits"] = 0
            json["input"] = input
            return (try? PipelineFixtures.canonical(json)) ?? ""
        }
        #expect(same[0] == same[1])
    }
}
