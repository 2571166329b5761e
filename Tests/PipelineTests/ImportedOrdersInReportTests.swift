import Foundation
import History
import JourneysCore
import Pipeline
import Testing

/// A shop that imports its order table every week: the imported orders of the reported week count
/// in the history's figures beside the logs' orders, each order id once, and a period run again
/// (or imported again) gives the same report.
@Suite(.serialized) struct ImportedOrdersInReportTests {
    /// The figures the imported orders move, from a report.json.
    struct Figures: Equatable {
        var repeat90: [Int], repeat365: [Int], lifecycle: [String: Int]
        init(_ report: [String: Any]) {
            let kpis = report["kpis"] as! [String: [String: Any]]
            func counts(_ key: String) -> [Int] { [kpis[key]!["numerator"] as! Int, kpis[key]!["denominator"] as! Int] }
            repeat90 = counts("repeat_purchase_rate_90d")
            repeat365 = counts("repeat_purchase_rate_365d")
            lifecycle = (report["lifecycle"] as! [String: Any])["counts"] as! [String: Int]
        }
    }

    func importTable(_ rows: [String], into history: String, at path: String) throws {
        try ((["customer_id,order_id,ordered_at,value"] + rows).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let store = try HistoryStore(path: history)
        _ = try store.importOrders(csv: path, timeZone: TimeZone(identifier: "Europe/Berlin")!) {
            Pseudonym.customer($0, key: SipHash(secret: "imported-orders-test"))
        }
    }

    @Test func importedOrdersOfThePeriodCountOnceAndRerunsAgree() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()

        // The logs alone.
        let plain = try PipelineFixtures.scratch("imported-plain")
        var plainOptions = PipelineFixtures.options(logs: logs, output: plain, period: "2026-W46")
        _ = try ReportPipeline.run(plainOptions, environment: [:])
        plainOptions.period = "2026-W47"
        _ = try ReportPipeline.run(plainOptions, environment: [:])
        let before = Figures(try PipelineFixtures.reportJSON(plain, "2026-W47"))
        let logOrder = try #require(try HistoryStore(path: plainOptions.history!).orders(before: .max).first { $0.time >= 1_794_783_600 })

        // Lifecycle counts customers, people with an order: every buyer of the two weeks once.
        let buyers = Set(try HistoryStore(path: plainOptions.history!).orders(before: .max).map(\.customer))
        #expect(before.lifecycle.values.reduce(0, +) == buyers.count)

        // The same logs over an order table with orders in W47 (2026-11-16..22).
        let out = try PipelineFixtures.scratch("imported-in-period")
        let options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W47")
        let table = [
            "imp-new,I-1,2026-11-18,40.00",        // a new customer of the week, known only from the shop
            "imp-back,I-2,2026-08-10,25.00",       // back after 14 weeks: 104 days before the week's end
            "imp-back,I-3,2026-11-19,30.00",
            "imp-dup,\(logOrder.id),2026-11-17,99.00",  // an order the logs hold: counted once, as the logs have it
        ]
        try importTable(table, into: options.history!, at: out + ".orders.csv")
        _ = try ReportPipeline.run(options, environment: [:])
        let report = try PipelineFixtures.reportJSON(out, "2026-W47")
        let after = Figures(report)
        // 90 days: imp-new and imp-back buy once each in them; 365 days: imp-back twice
        #expect(after.repeat90 == [before.repeat90[0], before.repeat90[1] + 2])
        #expect(after.repeat365 == [before.repeat365[0] + 1, before.repeat365[1] + 2])
        var expected = before.lifecycle
        expected["new", default: 0] += 1
        expected["resurrected", default: 0] += 1
        #expect(after.lifecycle == expected)

        // Run again, and import the table again (a weekly import) and run again: the same report.
        let first = try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json"))
        _ = try ReportPipeline.run(options, environment: [:])
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json")) == first)
        try importTable(table, into: options.history!, at: out + ".orders.csv")
        _ = try ReportPipeline.run(options, environment: [:])
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json")) == first)
        try PipelineFixtures.checkSchema(output: out)
    }
}
