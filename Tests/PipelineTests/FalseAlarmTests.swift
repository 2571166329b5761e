import Compare
import DemoShop
import Foundation
import Pipeline
import ReportModel
import Testing

/// An A/A test of "What changed": pairs of weeks made by the demo shop with the same parameters
/// and different seeds differ by chance only, so every change listed between them is a false
/// alarm. With the week's family of tests corrected for its size, at most 1 pair in 20 may list
/// anything. Slow: 40 runs of the pipeline over a demo week each.
@Suite struct FalseAlarmTests {
    /// The fixed seeds, in pairs: the first of a pair is the base week, the second the new one.
    static let pairs: [(UInt64, UInt64)] = (UInt64(0)..<20).map { (i: UInt64) -> (UInt64, UInt64) in (1_001 + 2 * i, 1_002 + 2 * i) }

    /// The demo shop's W47 (one week, its default 700 visits a day) from `seed`, as report.json.
    static func week(seed: UInt64) throws -> ReportData {
        let logs = try PipelineFixtures.scratch("aa-logs-\(seed)"), out = try PipelineFixtures.scratch("aa-out-\(seed)")
        defer {
            for dir in [logs, out, out + ".history.sqlite"] { try? FileManager.default.removeItem(atPath: dir) }
        }
        var options = SampleOptions()
        options.weeks = 1
        options.seed = seed
        _ = try SampleGenerator.write(to: logs, options: options)
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out, period: "2026-W47"), environment: [:])
        return try ReportComparison.load(out + "/2026-W47")
    }

    /// What each test at 5% would have listed on its own: a key figure or a channel's orders
    /// larger than noise (the ranking of changes before the family was corrected).
    static func listedUncorrected(_ diff: ReportDiff) -> Bool {
        diff.kpis.contains { $0.isSignificant && $0.verdict != 0 }
            || diff.channels.contains { $0.orders.test.isSignificant == true && $0.orders.new != $0.orders.base }
    }

    @Test func atMostOnePairInTwentyListsAChange() throws {
        var corrected = 0, uncorrected = 0, tests: [Int] = []
        for (a, b) in Self.pairs {
            let diff = try ReportDiff.compare(base: try Self.week(seed: a), new: try Self.week(seed: b))
            tests.append(diff.changes.tests)
            if !diff.changes.items.isEmpty {
                corrected += 1
                print("A/A seeds \(a)/\(b) list: \(diff.changes.items.map { "\($0.id) \($0.lead.figure) p=\($0.lead.pValue)" })")
            }
            if Self.listedUncorrected(diff) { uncorrected += 1 }
        }
        print("A/A false alarms over \(Self.pairs.count) pairs: \(corrected) with the family corrected (\(tests.min()!)–\(tests.max()!) tests a week), \(uncorrected) with each test at 5%")
        #expect(corrected <= 1)
        #expect(tests.allSatisfy { $0 >= 20 })
    }
}
