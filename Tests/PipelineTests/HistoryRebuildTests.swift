import Foundation
import History
import JourneysCore
import Pipeline
import Testing

/// Backfilling the history from archived logs, week by week.
@Suite(.serialized) struct HistoryRebuildTests {
    @Test func everyCompleteWeekIsRecordedOldestFirst() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("rebuild")
        let options = PipelineFixtures.options(logs: logs, output: out)
        // the demo's two weeks, W46 and W47, both complete
        let weeks = try HistoryRebuild.weeks(options, environment: [:])
        #expect(weeks == ["2026-W46", "2026-W47"])
        #expect(try HistoryRebuild.run(options, weeks: weeks, environment: [:]) == weeks)
        let store = try HistoryStore(path: options.history!)
        let snapshots = try store.snapshots(last: 10, of: .week, before: CivilDate(year: 2027, month: 1, day: 1))
        #expect(snapshots.map(\.period) == weeks)
        #expect(try store.orders(before: .max).count > 10)
    }
}
