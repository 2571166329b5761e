import Foundation
import Compare
import History
import JourneysCore
import Pipeline
import ReportModel
import Testing

/// A log anyone on the internet could have written: a forged confirmation page hit repeated
/// thousands of times with `value=9999999999999.99` (a 302, which counts), values no reader
/// knows, values written the way shops write them. The report is made, its revenue and AOV
/// count the real orders only, the forged ones are named in data quality and never reach the
/// history; a history or report.json holding numbers beyond 64 bits is refused, not trapped on.
@Suite(.serialized) struct OrderValueReportTests {
    static let agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"

    static func line(_ ip: String, _ time: String, _ target: String, status: Int = 200, user: String = "-") -> String {
        "\(ip) - \(user) [\(time) +0100] \"GET \(target) HTTP/1.1\" \(status) 512 \"-\" \"\(agent)\""
    }

    /// W47 of 2026 (16 to 22 November, Europe/Berlin), from its first hour to its last.
    static func log(forged: Int) -> [String] {
        var lines = [line("198.51.100.1", "16/Nov/2026:00:10:00", "/")]
        // real orders: 89.90 + 1,234.56 + 20.00 (19.999 rounded); one unreadable, one without a value
        let orders = [("a1", "89.90"), ("a2", "1.234%2C56"), ("a3", "19.999"), ("a4", "n%2Fa"), ("a5", nil)]
        for (k, (id, value)) in orders.enumerated() {
            let ip = "198.51.100.\(10 + k)", day = 17 + k
            lines.append(line(ip, "\(day)/Nov/2026:10:00:00", "/p/shoe"))
            lines.append(line(ip, "\(day)/Nov/2026:10:01:00", "/checkout/done?order=\(id)" + (value.map { "&value=\($0)" } ?? ""), user: "c-99999"))
        }
        // the forged hits: unique order ids, one every 30 seconds, redirects to the confirmation page
        for i in 0..<forged {
            let second = 17 * 86_400 + i * 30  // from 17 November 00:00
            let time = String(format: "%02d/Nov/2026:%02d:%02d:%02d", second / 86_400, second / 3600 % 24, second / 60 % 60, second % 60)
            lines.append(line("203.0.113.66", time, "/checkout/done?order=forged\(i)&value=9999999999999.99", status: 302, user: "c-99999"))
        }
        lines.append(line("198.51.100.2", "22/Nov/2026:23:50:00", "/"))
        return lines
    }

    func run(_ lines: [String], history: String? = nil) throws -> (out: String, json: [String: Any], options: RunOptions) {
        let logs = try PipelineFixtures.scratch("money-logs")
        try (lines.joined(separator: "\n") + "\n").write(toFile: logs + "/access.log", atomically: true, encoding: .utf8)
        let out = try PipelineFixtures.scratch("money-out")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W47")
        if let history { options.history = history }
        _ = try ReportPipeline.run(options, environment: [:])
        return (out, try PipelineFixtures.reportJSON(out, "2026-W47"), options)
    }

    @Test func forgedOrdersNeitherTrapNorCount() throws {
        let forged = 9_300
        let (out, json, options) = try run(Self.log(forged: forged))
        try PipelineFixtures.checkSchema(output: out)
        let kpis = json["kpis"] as! [String: [String: Any]]
        #expect(kpis["orders"]?["value"] as? Double == 5)
        #expect(kpis["revenue"]?["value"] as? Double == 1_344.46)
        #expect(kpis["aov"]?["value"] as? Double == 448.15)  // 1,344.46 / 3 orders with a value
        let values = json["orderValues"] as! [String: Any]
        #expect(values["count"] as? Int == 3)

        let input = json["input"] as! [String: Any]
        let read = input["read"] as! Int, parsed = input["parsed"] as! Int
        #expect(read == parsed + (input["filtered"] as! Int) + (input["rejected"] as! Int))
        let reasons = (input["reasons"] as! [[String: Any]]).reduce(into: [String: Int]()) { $0[$1["reason"] as! String] = $1["count"] as? Int }
        #expect(reasons["order_value_implausible"] == forged)
        #expect(reasons["order_value_unreadable"] == 1)
        let samples = input["samples"] as! [[String: Any]]
        #expect(samples.filter { $0["reason"] as? String == "order_value_implausible" }.count == 5)
        #expect(samples.allSatisfy { ($0["text"] as! String).contains("[customer]") })

        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        let text = page + String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json")), as: UTF8.self)
        #expect(page.contains("Implausible order value") && page.contains("parsed, value left out"))
        #expect(!text.contains("c-99999"))

        // the history holds the five real orders, none of the forged ones
        let store = try HistoryStore(path: options.history!)
        let stored = try store.orders(before: .max)
        #expect(stored.map(\.id).sorted() == ["a1", "a2", "a3", "a4", "a5"])
        #expect(stored.reduce(Int64(0)) { $0 + $1.valueCents } == 134_446)
    }

    @Test func aHistoryWithValuesNoOrderHasIsRefused() throws {
        let history = try PipelineFixtures.scratch("money-history") + "/history.sqlite"
        _ = try run(Self.log(forged: 0), history: history)
        // orders of an earlier week with values no journeys writes: one beyond any ceiling, a negative one
        let insert = "INSERT INTO orders (order_id, customer, time, value_cents, channel, period) VALUES "
        let october = 1_791_000_000  // 2026-10-03
        for (sql, words) in [(insert + "('old1', 1, \(october), 9223372036854775000, NULL, NULL), ('old2', 2, \(october + 60), 9000, NULL, NULL)",
                              "above the highest orders.max_value"),
                             ("DELETE FROM orders WHERE order_id LIKE 'old%'; " + insert + "('old3', 1, \(october), -5, NULL, NULL)",
                              "negative value_cents")] {
            let db = try SQLiteConnection(path: history)
            try db.execute(sql)
            do {
                _ = try run(Self.log(forged: 0), history: history)
                Issue.record("a history with \(sql) was read")
            } catch {
                let message = "\(error)"
                #expect(message.contains(history) && message.contains(words), "\(message)")
                #expect(!message.contains("\n"))
            }
        }
    }

    @Test func aReportJSONWithNumbersBeyondAnyReportIsRefused() throws {
        let (out, _, _) = try run(Self.log(forged: 0))
        let file = out + "/2026-W47/report.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for huge in ["1e300", "9223372036854775807", "-1e16"] {
            let edited = try NSRegularExpression(pattern: #"("orders" : \{[^}]*?"value" : )[0-9.]+"#)
                .stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1" + huge)
            #expect(edited != text)
            let copy = out + "/edited.json"
            try edited.write(toFile: copy, atomically: true, encoding: .utf8)
            do {
                _ = try ReportComparison.load(copy)
                Issue.record("a report.json with \(huge) was read")
            } catch {
                #expect(error.message.hasPrefix(copy + ": ") && error.message.contains("beyond any figure of a report"), "\(error.message)")
            }
        }
    }

    /// Random and extreme numbers in a report.json's figures and order values: each copy is read
    /// and compared (the diff's Markdown and page made) or refused with the file named; none traps.
    @Test func randomFiguresInAReportJSONAreComparedOrRefused() throws {
        let (out, _, _) = try run(Self.log(forged: 0))
        let file = out + "/2026-W47/report.json"
        let base = try ReportComparison.load(file)
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        var rng = SplitMix64(seed: 47)
        let extremes: [Double] = [0, -1, 1e11, 9.99e11, 1e12, -1e12, 1e15, 9.2e18, 1e300, -1e300, Double(Int64.max), 0.5, 1e-300]
        var refused = 0, compared = 0
        for trial in 0..<60 {
            var json = original
            var kpis = json["kpis"] as! [String: Any]
            for key in kpis.keys.sorted() where Bool.random(using: &rng) {
                var kpi = kpis[key] as! [String: Any]
                // every third copy holds extremes in any field; the others, in a figure's value,
                // numbers of its unit that a report may hold, but nonsense
                let fields = trial % 3 == 0 ? ["value", "previous", "numerator", "denominator"] : ["value", "previous"]
                let range: ClosedRange<Double> = switch kpi["unit"] as? String {
                case "ratio": 0...1
                case "score": -100...100
                default: 0...9e11
                }
                for field in fields where kpi[field] != nil && Bool.random(using: &rng) {
                    let x = trial % 3 == 0 ? extremes.randomElement(using: &rng)! : Double.random(in: range, using: &rng)
                    kpi[field] = field == "numerator" || field == "denominator" ? Double(Int64(clamping: Int(exactly: x.rounded()) ?? 0)) : x
                }
                kpis[key] = kpi
            }
            json["kpis"] = kpis
            if trial % 2 == 0 {
                func number() -> Double { trial % 3 == 0 ? extremes.randomElement(using: &rng)! : Double.random(in: -9e11...9e11, using: &rng) }
                json["orderValues"] = ["count": Int.random(in: 0...999_999_999_999, using: &rng), "mean": number(), "standardDeviation": number()]
            }
            let copy = out + "/random-\(trial).json"
            try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: copy))
            let new: ReportData
            do {
                new = try ReportComparison.load(copy)
            } catch {
                #expect(error.message.hasPrefix(copy + ": "), "\(error.message)")
                refused += 1
                continue
            }
            compared += 1
            let diff = try ReportDiff.compare(base: base, new: new)
            #expect(!ReportComparison.markdown(diff, crossed: nil).isEmpty)
            if trial < 6 { try ReportComparison.writePage(diff, templateFolder: nil, to: out + "/diff-\(trial).html", root: out) }
        }
        #expect(refused > 0 && compared > 0)
    }
}
