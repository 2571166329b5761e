import Foundation
import History
import JourneysCore
import Pipeline
import Testing

/// The two bounds of an order's value on real runs: line items of one export order adding up
/// beyond `orders.max_value`, and a value far above the shop's usual orders in the history. Each
/// such order is named in data quality, never counted, and the count travels through partials.
@Suite(.serialized) struct OrderBoundsReportTests {
    static func reasons(_ json: [String: Any]) -> [String: Int] {
        let input = json["input"] as! [String: Any]
        return (input["reasons"] as! [[String: Any]]).reduce(into: [String: Int]()) { $0[$1["reason"] as! String] = $1["count"] as? Int }
    }

    static func kpi(_ json: [String: Any], _ name: String) -> Double? {
        (json["kpis"] as! [String: [String: Any]])[name]?["value"] as? Double
    }

    // MARK: line items of a CSV export

    /// W47 of 2026: two purchases of several rows each (rows of one purchase share the session
    /// and the second), one adding up to 110,000.00 from two rows within the 100,000.00 ceiling.
    static func export() -> String {
        let start = ExportFixture.start + 22 * 86_400 + 9 * 3600  // 2026-11-17 09:00 UTC
        var rows = [ExportFixture.header]
        func row(_ t: Int64, _ kind: String, _ price: String, user: Int, session: String) {
            rows.append("\(ExportFixture.format(t)),\(kind),1001,2053013552326770905,apparel.shoes,brand1,\(price),\(user),\(session)")
        }
        row(start, "view", "60000.00", user: 1, session: "s-1")
        row(start + 60, "purchase", "60000.00", user: 1, session: "s-1")
        row(start + 60, "purchase", "50000.00", user: 1, session: "s-1")
        row(start + 600, "view", "10.00", user: 2, session: "s-2")
        row(start + 660, "purchase", "10.00", user: 2, session: "s-2")
        row(start + 660, "purchase", "20.50", user: 2, session: "s-2")
        row(start + 86_400, "view", "5.00", user: 3, session: "s-3")
        return rows.joined(separator: "\n") + "\n"
    }

    @Test func lineItemsAddingUpBeyondTheCeilingAreNoOrderInOneProcessAndAfterAMerge() throws {
        let logs = try PipelineFixtures.scratch("line-items")
        try Self.export().write(toFile: logs + "/events.csv", atomically: true, encoding: .utf8)
        let out = try PipelineFixtures.scratch("line-items-out")
        let options = PipelineFixtures.exportOptions(logs: logs, output: out, period: "2026-W47")
        _ = try ReportPipeline.run(options, environment: [:])
        let json = try PipelineFixtures.reportJSON(out, "2026-W47")
        #expect(Self.kpi(json, "orders") == 1)
        #expect(Self.kpi(json, "revenue") == 30.5)
        #expect(Self.reasons(json)["order_total_implausible"] == 1)
        let input = json["input"] as! [String: Any]
        #expect(input["read"] as? Int == (input["parsed"] as! Int) + (input["filtered"] as! Int) + (input["rejected"] as! Int))
        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        // data quality names the reason in words, report.json by its code
        #expect(page.contains("Implausible order total") && !page.contains("<td>order_total_implausible</td>"))
        let stored = try HistoryStore(path: options.history!).orders(before: .max)
        #expect(stored.count == 1 && stored[0].valueCents == 3_050)

        // two shards' partials, merged: the same note, the same figures
        let merged = try PartialMergeTests.fromFiles(logs, period: "2026-W47", shards: 2, config: PipelineFixtures.eventsConfig)
        let mergedJSON = try JSONSerialization.jsonObject(with: merged["2026-W47/report.json"]!) as! [String: Any]
        #expect(Self.reasons(mergedJSON)["order_total_implausible"] == 1)
        #expect(Self.kpi(mergedJSON, "revenue") == 30.5)
    }

    // MARK: outliers against the history

    static let agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"

    static func line(_ ip: String, _ time: String, _ target: String) -> String {
        "\(ip) - - [\(time) +0100] \"GET \(target) HTTP/1.1\" 200 512 \"-\" \"\(agent)\""
    }

    /// W47 with orders of 80.00, 999.99, 1,000.01 (an outlier against a median of 50.00 x 20) and
    /// 200,000.00 (above the ceiling).
    static func log() -> String {
        var lines = [line("198.51.100.1", "16/Nov/2026:00:10:00", "/")]
        for (k, (id, value)) in [("o1", "80.00"), ("o2", "999.99"), ("o3", "1000.01"), ("o4", "200000")].enumerated() {
            let ip = "198.51.100.\(10 + k)"
            lines.append(line(ip, "\(17 + k)/Nov/2026:10:00:00", "/p/shoe"))
            lines.append(line(ip, "\(17 + k)/Nov/2026:10:01:00", "/checkout/done?order=\(id)&value=\(value)"))
        }
        lines.append(line("198.51.100.2", "22/Nov/2026:23:50:00", "/"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A history with `count` imported orders of the year before W47, worth 40.00 to 60.00
    /// (for 41, median 50.00: the bound is 1,000.00), and one older than a year worth 1.00 that
    /// must not count.
    static func history(_ path: String, count: Int) throws {
        var csv = "customer_id,order_id,ordered_at,value\nold,old-1,2025-10-01,1.00\n"
        for i in 0..<count {
            csv += "c\(i),h\(i),2026-\(String(format: "%02d", 1 + i % 10))-\(String(format: "%02d", 1 + i % 27)),\(40 + i % 21).00\n"
        }
        let file = path + ".orders.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let store = try HistoryStore(path: path)
        _ = try store.importOrders(csv: file, timeZone: TimeZone(identifier: "Europe/Berlin")!) { Pseudonym(raw: Campaign.fingerprint([$0])) }
    }

    func run(history: String?) throws -> (out: String, json: [String: Any], options: RunOptions) {
        let logs = try PipelineFixtures.scratch("outlier-logs")
        try Self.log().write(toFile: logs + "/access.log", atomically: true, encoding: .utf8)
        let out = try PipelineFixtures.scratch("outlier-out")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W47")
        if let history { options.history = history }
        _ = try ReportPipeline.run(options, environment: [:])
        return (out, try PipelineFixtures.reportJSON(out, "2026-W47"), options)
    }

    @Test func anOrderFarAboveTheYearsMedianIsAnOutlier() throws {
        let history = try PipelineFixtures.scratch("outlier-history") + "/history.sqlite"
        try Self.history(history, count: 41)
        let (out, json, _) = try run(history: history)
        #expect(Self.kpi(json, "orders") == 2)
        #expect(Self.kpi(json, "revenue") == 1_079.99)
        let reasons = Self.reasons(json)
        #expect(reasons["order_value_outlier"] == 1)
        #expect(reasons["order_value_implausible"] == 1)
        let samples = (json["input"] as! [String: Any])["samples"] as! [[String: Any]]
        #expect(samples.filter { $0["reason"] as? String == "order_value_outlier" }.map { ($0["text"] as! String).contains("o3") } == [true])
        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        #expect(page.contains("Order value outlier"))
        let ids = try HistoryStore(path: history).orders(before: .max).map(\.id).filter { ["o1", "o2", "o3", "o4"].contains($0) }
        #expect(ids.sorted() == ["o1", "o2"])
        #expect(try OrderOutlierBound.cents(pipeline: PipelineFixtures.weeklyConfig, period: "2026-W47", history: history,
                                            environment: [:]) == 100_000)
    }

    @Test func withTooFewEarlierOrdersOrNoHistoryOnlyTheCeilingApplies() throws {
        let history = try PipelineFixtures.scratch("outlier-few") + "/history.sqlite"
        try Self.history(history, count: 29)
        for h in [history, nil] {
            let (_, json, _) = try run(history: h)
            #expect(Self.kpi(json, "orders") == 3)
            #expect(Self.reasons(json)["order_value_outlier"] == nil)
            #expect(Self.reasons(json)["order_value_implausible"] == 1)
        }
    }

    @Test func anOutlierFactorOfOneOrAboveAThousandIsAConfigError() throws {
        let base = try String(contentsOfFile: PipelineFixtures.weeklyConfig, encoding: .utf8)
        for (factor, accepted) in [("0", true), ("2", true), ("1000", true), ("1", false), ("1001", false), ("-3", false), ("x", false)] {
            let text = base.replacingOccurrences(of: "  outlier_factor: 20\n", with: "  outlier_factor: \(factor)\n")
            #expect(text != base)
            let path = try PipelineFixtures.writeConfig(text)
            do {
                let config = try ConfigLoader.load(path: path, options: RunOptions(pipeline: path), environment: [:])
                #expect(accepted && config.orderOutliers.factor == Int(factor), "\(factor)")
            } catch {
                let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  outlier_factor:") }! + 1
                #expect(!accepted && "\(error)".hasPrefix("\(path):\(line): orders.outlier_factor"), "\(error)")
            }
        }
    }

    @Test func partialsMergeOnlyWithTheBoundTheHistoryGives() throws {
        let history = try PipelineFixtures.scratch("outlier-merge") + "/history.sqlite"
        try Self.history(history, count: 41)
        let logs = try PipelineFixtures.scratch("outlier-merge-logs")
        try Self.log().write(toFile: logs + "/access.log", atomically: true, encoding: .utf8)
        let dir = try PipelineFixtures.scratch("outlier-partials")
        func partials(bound: Int64?) throws -> [String] {
            try (0..<2).map { i in
                var o = PartialOptions(pipeline: PipelineFixtures.weeklyConfig, period: "2026-W47", shard: i, shards: 2)
                o.inputs = [logs]
                o.orderBoundCents = bound
                let path = "\(dir)/p\(i)-\(bound ?? 0).json"
                try PartialRun.run(o, environment: [:]).encoded().write(to: URL(fileURLWithPath: path))
                return path
            }
        }
        func merge(_ paths: [String]) throws -> [String: Any] {
            let out = try PipelineFixtures.scratch("outlier-merged")
            var options = PipelineFixtures.options(logs: "", output: out, period: "2026-W47")
            options.history = history
            _ = try ReportPipeline.merge(options, partials: paths, environment: [:])
            return try PipelineFixtures.reportJSON(out, "2026-W47")
        }
        do {
            _ = try merge(try partials(bound: nil))
            Issue.record("partials read without the history's bound were merged")
        } catch {
            #expect("\(error)".contains("--order-bound 100000"), "\(error)")
        }
        let json = try merge(try partials(bound: 100_000))
        #expect(Self.reasons(json)["order_value_outlier"] == 1)
        #expect(Self.kpi(json, "revenue") == 1_079.99)
    }
}
