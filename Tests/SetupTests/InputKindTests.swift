import Extract
import Foundation
@testable import Setup
import Testing

/// What `journeys init` finds out about how the inputs are written, and how the config says it:
/// the access-log format by line, the JSON fields of tracking events, a CSV export's columns.
@Suite struct InputKindTests {
    func file(_ name: String, _ lines: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("input-kind-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func accessLogLinesAreCountedByFormatAndNamedInTheConfig() throws {
        let agent = "\"Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0\""
        let log = try file("access.log", [
            "10.0.0.1 - - [16/Nov/2026:10:00:00 +0100] \"GET / HTTP/1.1\" 200 512 \"-\" \(agent)",
            "10.0.0.1 - - [16/Nov/2026:10:00:07 +0100] \"GET /item/1 HTTP/1.1\" 200 512 \"-\" \(agent)",
            "10.0.0.2 - - [16/Nov/2026:10:00:09 +0100] \"GET /item/2 HTTP/1.1\" 200 512",
            "shop.example:443 10.0.0.3 - - [16/Nov/2026:10:00:10 +0100] \"GET /item/3 HTTP/1.1\" 200 512 \"-\" \(agent)",
        ])
        let setup = try ShopSetup.run(files: [log], platform: .none)
        #expect(setup.input.lines == ["combined": 2, "common": 1, "vhost_combined": 1])
        #expect(!setup.input.isEvents)
        #expect(setup.input.logFormat == "combined")
        let yaml = ConfigWriter.yaml(setup, inputs: ["access.log"])
        #expect(yaml.contains("# How the lines are read, detected from each file's first line: 2 lines in Combined Log Format, "
                              + "1 in Common Log Format, 1 in virtual-host Combined Log Format.\nlog_format: combined\n"))
        #expect(!yaml.contains("log_format: auto"))
    }

    /// Segment-like events: pages with a URL (items, the cart), tracked events without one, orders
    /// on "Order Completed".
    static func segmentEvents() -> [String] {
        var lines: [String] = []
        for v in 0..<20 {
            var t = 1_763_287_200 + v * 600
            func event(_ json: String) { t += 30; lines.append("{\"timestamp\":\(t),\"anonymousId\":\"d\(v)\",\(json)}") }
            event("\"type\":\"page\",\"context\":{\"page\":{\"url\":\"https://shop.example/\"}}")
            event("\"type\":\"page\",\"context\":{\"page\":{\"url\":\"https://shop.example/p/\(v % 7)-mug\"}}")
            if v % 2 == 0 {
                event("\"type\":\"track\",\"event\":\"Product Added\"")
                event("\"type\":\"page\",\"context\":{\"page\":{\"url\":\"https://shop.example/warenkorb\"}}")
                event("\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"A\(v)\",\"revenue\":\(10 + v)}")
            }
        }
        return lines
    }

    @Test func jsonEventsHaveTheirFieldsFoundAndTheirEventsBecomeRules() throws {
        let path = try file("events.jsonl", Self.segmentEvents())
        let setup = try ShopSetup.run(files: [path], platform: .none)
        #expect(setup.input.jsonFiles == 1 && setup.input.csvFiles == 0)
        #expect(setup.input.logFormat == "json")
        let fields = Dictionary(uniqueKeysWithValues: setup.input.jsonFields.map { ($0.key, $0.path) })
        #expect(fields == ["time": "timestamp", "type": "type", "name": "event", "device": "anonymousId",
                           "url": "context.page.url", "order_id": "properties.order_id", "revenue": "properties.revenue"])
        #expect(setup.input.jsonFields.first { $0.key == "order_id" }?.events == 10)
        #expect(setup.survey.tally.pageViews == 70)
        #expect(setup.survey.tally.purchasePaths == ["event:order_completed"])
        let rules = Dictionary(uniqueKeysWithValues: setup.rules.map { ($0.rule.patternText, $0.rule.funnelStep) })
        #expect(rules["event:order_completed"] == .some(.purchase))
        #expect(rules["event:product_added"] == .some(.addToCart))
        #expect(rules["/p/*"] == .some(.productView), "\(setup.rules.map(\.yamlLine))")
        #expect(setup.coverage == 1)
        let yaml = ConfigWriter.yaml(setup, inputs: ["events.jsonl"])
        #expect(yaml.contains("log_format: json\n"))
        #expect(yaml.contains("json:\n  time: \"timestamp\"  # 70\n"))
        #expect(yaml.contains("  url: \"context.page.url\"  # 50\n"))
        #expect(yaml.contains("Not found: customer, referrer, user_agent, ip."))
    }

    @Test func aCSVExportHasItsColumnsRecognisedByName() throws {
        let path = try file("export.csv", [
            "Created_At;Action;Session;Page;Order;Amount",
            "2026-11-16T10:00:00Z;view;s1;/;;",
            "2026-11-16T10:00:30Z;view;s1;/p/1;;",
            "2026-11-16T10:01:00Z;bought;s1;;B1;12.50",
            "2026-11-16T10:02:00Z;view;s2;/p/2;;",
        ])
        let kind = try InputKind.recognise(files: [path])
        var expected = CSVMapping(time: "Created_At", type: "Action")
        expected.device = "Session"
        expected.url = "Page"
        expected.orderID = "Order"
        expected.value = "Amount"
        expected.separator = UInt8(ascii: ";")
        expected.purchaseTypes = ["bought"]
        #expect(kind.csvMapping == expected)
        #expect(kind.csvSchema == nil && kind.csvFiles == 1)

        let setup = try ShopSetup.run(files: [path], platform: .none)
        #expect(setup.survey.tally.pageViews == 4 && setup.survey.tally.malformed == 0)
        #expect(setup.survey.tally.purchasePaths == ["event:bought"])
        let yaml = ConfigWriter.yaml(setup, inputs: ["export.csv"])
        #expect(yaml.contains("csv:\n  time: \"Created_At\"\n  type: \"Action\"\n  device: \"Session\"\n  url: \"Page\"\n"
                              + "  order_id: \"Order\"\n  value: \"Amount\"\n"))
        #expect(yaml.contains("  purchase_types: [\"bought\"]\n  separator: \";\"\n"))
    }

    @Test func aBuiltInCSVSchemaIsNamedNotMapped() throws {
        let path = try file("rr.csv", [
            "timestamp,visitorid,event,itemid,transactionid",
            "1433221332117,257597,view,355908,",
            "1433224214164,992329,addtocart,248676,",
            "1433224300000,992329,transaction,248676,4000",
        ])
        let setup = try ShopSetup.run(files: [path], platform: .none)
        #expect(setup.input.csvSchema == "RetailRocket events")
        #expect(setup.survey.tally.eventViews == ["event:view": 1, "event:cart": 1, "event:purchase": 1])
        let yaml = ConfigWriter.yaml(setup, inputs: ["rr.csv"])
        #expect(yaml.contains("log_format: csv\n"))
        #expect(yaml.contains("built-in schema of RetailRocket events"))
        #expect(!yaml.contains("\ncsv:"))
    }

    @Test func aHeaderWithoutTimeOrEventColumnsIsNoCSVExport() {
        #expect(InputKind.csvColumns(header: "a,b,c") == nil)
        #expect(InputKind.csvColumns(header: "10.0.0.1 - - [16/Nov/2026:10:00:00 +0100] \"GET / HTTP/1.1\" 200 512") == nil)
    }
}
