import Foundation
import History
import JourneysCore
@testable import Pipeline
import Testing

/// The report's "Predicted customer value" on a history the models can fit: the demo logs' W47
/// over the CDNOW sample imported as a shop's earlier orders (moved 28 years on, to 2025-2026).
@Suite(.serialized) struct PredictedCLVInReportTests {
    @Test func aFittedHistoryGivesTheSectionTheKPIAndAValidReport() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("predicted-clv")
        let options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W47")
        let csv = out + ".orders.csv"
        let rows = try HistoryCLVCommandTests.orderTable().map { row -> String in
            var f = row.split(separator: ",").map(String.init)
            f[2] = String(Int(f[2].prefix(4))! + 28) + f[2].dropFirst(4)
            return f.joined(separator: ",")
        }
        try ((["customer_id,order_id,ordered_at,value"] + rows).joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        do {
            let store = try HistoryStore(path: options.history!)
            let key = SipHash(secret: "predicted-clv-test")
            _ = try store.importOrders(csv: csv, timeZone: TimeZone(identifier: "Europe/Berlin")!) { Pseudonym.customer($0, key: key) }
        }
        _ = try ReportPipeline.run(options, environment: [:])

        let report = try PipelineFixtures.reportJSON(out, "2026-W47")
        let model = try #require(report["clvModel"] as? [String: Any])
        #expect(model["reason"] is NSNull)
        let fit = try #require(model["fit"] as? [String: Any])
        let all = try #require(model["all"] as? [String: Any])
        // the 2,357 CDNOW customers and the logs' buyers
        #expect((fit["customers"] as? Int ?? 0) > 2_357)
        #expect(all["customers"] as? Int == fit["customers"] as? Int)
        let channels = try #require(model["channels"] as? [String: [String: Any]])
        #expect(channels["unknown"]?["customers"] as? Int == 2_357)
        #expect(channels.count > 1)
        #expect((model["tiers"] as? [[String: Any]])?.map { $0["tier"] as? String } == ["high", "medium", "low"])
        let kpi = try #require((report["kpis"] as? [String: [String: Any]])?["predicted_clv_52w"])
        #expect(kpi["value"] as? Double == all["expectedValue"] as? Double)
        #expect((kpi["value"] as? Double ?? 0) > 0)
        try PipelineFixtures.checkSchema(output: out)

        // What the next week's comparison reads back is what was written.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json"))
        let decoded = try ReportJSON.decode(bytes)
        #expect(decoded.clvModel?.channels.first?.channel == "unknown")
        let again = try JSONSerialization.jsonObject(with: try ReportJSON.encode(decoded)) as? [String: Any]
        #expect((again?["clvModel"] as? NSDictionary) == (model as NSDictionary))

        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        let section = try #require(page.range(of: "<section id=\"predicted-value\">"))
        let text = page[section.lowerBound...].components(separatedBy: "</section>")[0]
        #expect(text.contains("Fitted on \(DigitGrouping(separator: ",").string(fit["customers"] as? Int ?? 0)) customers."))
        #expect(text.contains("Unknown (imported orders)"))
        #expect(text.contains("<td>high</td>"))
        #expect(!text.contains("No prediction"))
    }

    /// The report's fit is the one `journeys history clv --as-of` gives for the period's last day,
    /// with orders imported inside the period too: the same orders, the same parameters.
    @Test func theReportsFitIsHistoryCLVsOfItsLastDay() throws {
        let s = try HistoryCommandTests().setup()
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("predicted-clv-as-of")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W46")
        var rows = try HistoryCLVCommandTests.orderTable().map { row -> String in
            var f = row.split(separator: ",").map(String.init)
            f[2] = String(Int(f[2].prefix(4))! + 28) + f[2].dropFirst(4)
            return f.joined(separator: ",")
        }
        // 40 of CDNOW's customers order again in the reported week, known from the import alone
        let customers = Array(Set(rows.map { String($0.split(separator: ",")[0]) })).sorted().prefix(40)
        rows += customers.enumerated().map { "\($0.element),W47-\($0.offset),2026-11-\(16 + $0.offset % 7),\(20 + $0.offset).00" }
        let csv = try s.orders(rows)
        let imported = try s.run(["import", "--pipeline", PipelineFixtures.weeklyConfig, "--history", options.history!, "--orders", csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        // W46 first, as a shop publishes weekly: the history then holds every order the logs have
        _ = try ReportPipeline.run(options, environment: [:])
        options.period = "2026-W47"
        _ = try ReportPipeline.run(options, environment: [:])
        let fit = try #require((try PipelineFixtures.reportJSON(out, "2026-W47")["clvModel"] as? [String: Any])?["fit"] as? [String: Any])

        let r = try s.run(["clv", "--pipeline", PipelineFixtures.weeklyConfig, "--history", options.history!, "--as-of", "2026-11-22", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let cli = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(NSDictionary(dictionary: cli) == NSDictionary(dictionary: fit), "report \(fit)\nhistory clv \(cli)")
    }

    /// The demo logs alone are too short a history: the report says why and shows no number.
    @Test func aShortHistoryGivesTheReason() throws {
        let out = try PublishedWeeks.folder()
        let report = try PipelineFixtures.reportJSON(out, "2026-W47")
        let model = try #require(report["clvModel"] as? [String: Any])
        #expect(Set(model.keys) == ["fit", "reason"])
        #expect(model["fit"] is NSNull)
        #expect((model["reason"] as? String)?.hasPrefix("history too short for a stable fit: ") == true)
        #expect((report["kpis"] as? [String: [String: Any]])?["predicted_clv_52w"]?["value"] is NSNull)
        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        #expect(page.contains("<p>No prediction for this period: the history does not support a stable fit of the models (history too short for a stable fit: "))
    }
}
