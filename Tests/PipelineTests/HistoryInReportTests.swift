import Foundation
import History
import JourneysCore
import Pipeline
import Testing

/// The report reads the history and records its period in it: W47 published after W46 carries
/// W46 in its trends, and a period run again gives the same report and leaves the history as it was.
@Suite(.serialized) struct HistoryInReportTests {
    @Test func trendsComeFromThePeriodsBefore() throws {
        let out = try PublishedWeeks.folder()
        let w46 = try PipelineFixtures.reportJSON(out, "2026-W46"), w47 = try PipelineFixtures.reportJSON(out, "2026-W47")
        let orders46 = (w46["kpis"] as! [String: [String: Any]])["orders"]!
        let orders47 = (w47["kpis"] as! [String: [String: Any]])["orders"]!
        let trend = (orders47["trend"] as! [[String: Any]]).map { ($0["period"] as! String, $0["value"] as! Double) }
        #expect(trend.map(\.0) == ["2026-W46", "2026-W47"])
        #expect(trend.map(\.1) == [orders46["value"] as! Double, orders47["value"] as! Double])
        // no history of a year before
        #expect(orders47["yearAgo"] is NSNull)
        // the figures of the history are there, with their counts
        let repeat90 = (w47["kpis"] as! [String: [String: Any]])["repeat_purchase_rate_90d"]!
        #expect((repeat90["denominator"] as? Int ?? 0) > 0)
    }

    @Test func aPeriodRunAgainGivesTheSameReportAndHistory() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("history-rerun")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W46")
        _ = try ReportPipeline.run(options, environment: [:])
        options.period = "2026-W47"
        _ = try ReportPipeline.run(options, environment: [:])
        let history = try content(options.history!)
        let first = try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json"))
        _ = try ReportPipeline.run(options, environment: [:])
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json")) == first)
        // the same rows (SQLite's file bytes carry a change counter, so the rows are compared)
        let again = try content(options.history!)
        #expect(again.orders == history.orders && again.customers == history.customers && again.snapshots == history.snapshots)
        #expect(history.orders.count > 10 && history.snapshots.count == 2)
        PipelineFixtures.checkSchema(output: out)
    }

    /// Every order, customer and KPI snapshot of the history at `path`.
    func content(_ path: String) throws -> (orders: [HistoryOrder], customers: [HistoryCustomer], snapshots: [KPISnapshot]) {
        let store = try HistoryStore(path: path)
        return (try store.orders(before: .max), try store.customers(),
                try store.snapshots(last: 100, of: .week, before: CivilDate(year: 2100, month: 1, day: 1)))
    }
}
