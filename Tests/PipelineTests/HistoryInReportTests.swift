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
        try PipelineFixtures.checkSchema(output: out)
    }

    /// The history's rows are written while the page is rendered and published, and count only
    /// once it is: a period whose page fails validation leaves the history as it was.
    @Test func aReportThatIsNotPublishedRecordsNothing() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("history-unpublished")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W46")
        _ = try ReportPipeline.run(options, environment: [:])
        let before = try content(options.history!)

        let broken = try PipelineFixtures.scratch("history-unpublished-templates")
        for name in ["report.mustache", "index.mustache", "diff.mustache", "report.css", "sections"] {
            try FileManager.default.copyItem(atPath: PipelineFixtures.templates + "/" + name, toPath: broken + "/" + name)
        }
        let page = try String(contentsOfFile: broken + "/report.mustache", encoding: .utf8)
        try page.replacingOccurrences(of: "<main>", with: "<main><div>").write(toFile: broken + "/report.mustache", atomically: true, encoding: .utf8)
        options.period = "2026-W47"
        options.templates = broken
        #expect(throws: StageError.self) { _ = try ReportPipeline.run(options, environment: [:]) }
        let after = try content(options.history!)
        #expect(after.orders == before.orders && after.customers == before.customers && after.snapshots == before.snapshots)
        #expect(before.snapshots.count == 1)

        // the same period with sound templates is recorded
        options.templates = PipelineFixtures.templates
        _ = try ReportPipeline.run(options, environment: [:])
        #expect(try content(options.history!).snapshots.count == 2)
    }

    /// Every order, customer and KPI snapshot of the history at `path`.
    func content(_ path: String) throws -> (orders: [HistoryOrder], customers: [HistoryCustomer], snapshots: [KPISnapshot]) {
        let store = try HistoryStore(path: path)
        return (try store.orders(before: .max), try store.customers(),
                try store.snapshots(last: 100, of: .week, before: CivilDate(year: 2100, month: 1, day: 1)))
    }
}
