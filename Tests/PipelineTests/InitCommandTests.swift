import Extract
import Foundation
import Pipeline
import Testing

/// `journeys init` and `journeys rules check` as a user meets them: the config written, the
/// summary, a config that loads, and one-line errors with exit code 2.
@Suite(.serialized) struct InitCommandTests {
    func journeys(_ arguments: [String], scratch: String) throws -> (status: Int32, stdout: String, stderr: String) {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        return try CrossProcessDeterminismTests.run(binary, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch],
                                                    scratch: scratch)
    }

    /// A small shop's log: item pages, a POSTed add-to-cart, the cart, two checkout steps and a
    /// confirmation with an order id and value, for 60 visitors.
    func shopLog(_ dir: String) throws -> String {
        var lines: [String] = []
        for v in 0..<60 {
            var t = v * 50
            func hit(_ target: String, _ method: String = "GET") {
                t += 7
                lines.append("10.0.\(v / 200).\(v % 200) - - [16/Nov/2026:10:\(String(format: "%02d", t / 60 % 60)):\(String(format: "%02d", t % 60)) +0100] "
                             + "\"\(method) \(target) HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0\"")
            }
            hit("/")
            hit("/item/\(v % 12)-thing")
            hit("/item/\((v + 3) % 12)-thing")
            if v % 3 == 0 {
                hit("/basket/put", "POST"); hit("/basket")
                hit("/pay/address"); hit("/pay/review")
                hit("/pay/thanks?nr=\(9000 + v)&sum=\(10 + v).50")
            }
        }
        let path = dir + "/access.log"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func initWritesAConfigThatLoadsAndRulesCheckReadsIt() throws {
        let dir = try PipelineFixtures.scratch("cli-init")
        let log = try shopLog(dir)
        let out = dir + "/shop.yaml"
        let r = try journeys(["init", "--input", log, "--out", out], scratch: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("purchase      /pay/thanks"))
        #expect(r.stdout.contains("orders: id in `nr`, value in `sum`"))
        let config = try ConfigLoader.load(path: out)
        #expect(config.orderIDParameter == "nr" && config.orderValueParameter == "sum")
        #expect(config.touchpointRules.contains { $0.patternText == "/item/*" && $0.funnelStep == .productView })
        #expect(config.inputs == [dir + "/access.log"])

        // the file is there: not replaced without --force
        let again = try journeys(["init", "--input", log, "--out", out], scratch: dir)
        #expect(again.status == 2)
        #expect(again.stderr == "journeys: error: \(out): exists; give --force to replace it\n")

        let check = try journeys(["rules", "check", "--pipeline", out], scratch: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("order confirmations with an order id: 20, with a value: 20"))
    }

    @Test func linesOfNoKnownFormatExitWith2() throws {
        let dir = try PipelineFixtures.scratch("cli-init-csv")
        try "hello there\nno log line\n".write(toFile: dir + "/e.txt", atomically: true, encoding: .utf8)
        let r = try journeys(["init", "--input", dir + "/e.txt", "--out", dir + "/x.yaml"], scratch: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("journeys: error: \(dir)/e.txt: no page view or event among 2 lines (2 unreadable)"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.yaml"))
        let missing = try journeys(["init", "--input", dir + "/nope.log", "--out", dir + "/x.yaml"], scratch: dir)
        #expect(missing.status == 2)

        // A CSV header naming a time, an event type and a session and nothing else is read.
        try "event_time,event_type,session\n2026-11-16 09:05:03 UTC,view,s1\n".write(toFile: dir + "/e.csv", atomically: true, encoding: .utf8)
        let csv = try journeys(["init", "--input", dir + "/e.csv", "--out", dir + "/x.yaml"], scratch: dir)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(try ConfigLoader.load(path: dir + "/x.yaml").csvMapping?.device == "session")
    }

    /// The visits of a small shop as tracking events: 30 visitors see the home page and two item
    /// pages; every third adds an item, sees the cart and orders (order id and value known).
    struct ShopVisit { var visitor: Int; var time: Int; var page: String?; var event: String; var order: (id: String, value: String)? }
    func shopVisits() -> (events: [ShopVisit], orders: Int, revenueCents: Int) {
        var events: [ShopVisit] = []
        var orders = 0, cents = 0
        for v in 0..<30 {
            var t = 1_794_819_600 + v * 400  // 2026-11-16 09:00 UTC on
            func add(_ page: String?, _ event: String, _ order: (String, String)? = nil) {
                t += 25
                events.append(ShopVisit(visitor: v, time: t, page: page, event: event, order: order))
            }
            add("/", "page")
            add("/artikel/\(v % 9)-tasse", "page")
            add("/artikel/\((v + 4) % 9)-tasse", "page")
            if v % 3 == 0 {
                add(nil, "Product Added")
                add("/warenkorb", "page")
                add(nil, "Order Completed", ("W\(v)", "\(20 + v).25"))
                orders += 1
                cents += (20 + v) * 100 + 25
            }
        }
        return (events, orders, cents)
    }

    /// `init` on the events, then `report` with the config written: the report's orders and
    /// revenue are the fixture's.
    func initAndReport(_ file: String, dir: String) throws -> (config: PipelineConfig, orders: Int, revenue: Double, stdout: String) {
        let out = dir + "/shop.yaml"
        let r = try journeys(["init", "--input", file, "--out", out], scratch: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let config = try ConfigLoader.load(path: out)
        let report = try journeys(["report", "--pipeline", out, "--output", dir + "/out", "--period", "2026-W47"], scratch: dir)
        #expect(report.status == 0, "\(report.stderr)")
        let kpis = try PipelineFixtures.reportJSON(dir + "/out", "2026-W47")["kpis"] as! [String: [String: Any]]
        return (config, (kpis["orders"]!["value"] as! NSNumber).intValue, (kpis["revenue"]!["value"] as! NSNumber).doubleValue, r.stdout)
    }

    @Test func jsonEventsGiveAConfigWithTheirFieldsAndTheReportTheirOrders() throws {
        let dir = try PipelineFixtures.scratch("cli-init-json")
        let (events, orders, cents) = shopVisits()
        let lines = events.map { e -> String in
            var fields = ["\"ts\":\(e.time)", "\"anonymous_id\":\"a\(e.visitor)\"", "\"event\":\"\(e.event)\""]
            if let page = e.page { fields.append("\"properties\":{\"url\":\"https://shop.example\(page)\"}") }
            if let o = e.order { fields.append("\"properties\":{\"order_id\":\"\(o.id)\",\"revenue\":\(o.value)}") }
            return "{" + fields.joined(separator: ",") + "}"
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/events.jsonl", atomically: true, encoding: .utf8)
        let r = try initAndReport(dir + "/events.jsonl", dir: dir)
        #expect(r.config.logFormat == .json)
        #expect(r.config.jsonMapping.time.first == "ts" && r.config.jsonMapping.device.first == "anonymous_id")
        #expect(r.config.jsonMapping.url.first == "properties.url" && r.config.jsonMapping.orderID.first == "properties.order_id")
        #expect(r.config.touchpointRules.contains { $0.patternText == "event:order_completed" && $0.funnelStep == .purchase })
        #expect(r.config.touchpointRules.contains { $0.patternText == "/artikel/*" && $0.funnelStep == .productView })
        #expect(r.stdout.contains("format: json; JSON fields: time=ts type=event name=event device=anonymous_id url=properties.url"))
        #expect(orders == 10)
        #expect(r.orders == orders)
        #expect(Int((r.revenue * 100).rounded()) == cents)

        // rules check reads the events as the config maps them: the purchase events are the orders.
        let check = try journeys(["rules", "check", "--pipeline", dir + "/shop.yaml"], scratch: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("  purchase              10 visits\n"), "\(check.stdout)")
        #expect(check.stdout.contains("order confirmations with an order id: 10, with a value: 10"))
        #expect(check.stdout.contains("  other          0   0.0%  no rule matched"))
    }

    @Test func aCSVExportGivesAConfigWithItsColumnsAndTheReportItsOrders() throws {
        let dir = try PipelineFixtures.scratch("cli-init-csv-export")
        let (events, orders, cents) = shopVisits()
        let rows = events.map { e in
            "\(e.time),\(e.page == nil ? e.event.lowercased().replacingOccurrences(of: " ", with: "_") : "view"),v\(e.visitor),"
                + "\(e.page ?? ""),\(e.order?.id ?? ""),\(e.order?.value ?? "")"
        }
        try ((["timestamp,action,visitor_id,page_url,order_id,amount"] + rows).joined(separator: "\n") + "\n")
            .write(toFile: dir + "/export.csv", atomically: true, encoding: .utf8)
        let r = try initAndReport(dir + "/export.csv", dir: dir)
        #expect(r.config.logFormat == .csv)
        var expected = CSVMapping(time: "timestamp", type: "action")
        expected.device = "visitor_id"
        expected.url = "page_url"
        expected.orderID = "order_id"
        expected.value = "amount"
        expected.purchaseTypes = ["order_completed"]
        #expect(r.config.csvMapping == expected)
        #expect(r.config.touchpointRules.contains { $0.patternText == "event:product_added" && $0.funnelStep == .addToCart })
        #expect(r.orders == orders)
        #expect(Int((r.revenue * 100).rounded()) == cents)
    }
}
