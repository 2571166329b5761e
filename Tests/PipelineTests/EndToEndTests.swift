import DemoShop
import Foundation
import Pipeline
import Testing

/// sample -> report, as `make report` runs it, checked against what the generator wrote.
@Suite(.serialized) struct EndToEndTests {
    @Test func reportOfTheDemoShopMatchesTheGeneratorAndValidates() throws {
        let (logs, summary) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("out")
        let result = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        // Without --period: the last complete ISO week of the input.
        #expect(result.period == "2026-W47")
        #expect(result.reportPath == out + "/2026-W47/index.html")
        #expect(FileManager.default.fileExists(atPath: out + "/2026-W47/index.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json"))) as! [String: Any]
        let kpis = json["kpis"] as! [String: [String: Any]]
        let week = summary.days.filter { $0.date >= "2026-11-16" && $0.date <= "2026-11-22" }
        let before = summary.days.filter { $0.date >= "2026-11-09" && $0.date <= "2026-11-15" }
        #expect(week.count == 7)
        #expect(kpis["orders"]?["value"] as? Double == Double(week.reduce(0) { $0 + $1.orders }))
        #expect(kpis["revenue"]?["value"] as? Double == Double(week.reduce(0) { $0 + $1.revenueCents }) / 100)
        #expect(kpis["orders"]?["previous"] as? Double == Double(before.reduce(0) { $0 + $1.orders }))

        // Every line read is accounted for.
        let input = json["input"] as! [String: Any]
        let read = input["read"] as! Int, parsed = input["parsed"] as! Int
        let filtered = input["filtered"] as! Int, rejected = input["rejected"] as! Int
        #expect(read == summary.days.reduce(0) { $0 + $1.lines })
        #expect(read == parsed + filtered + rejected)
        #expect(rejected == summary.days.reduce(0) { $0 + $1.malformedLines })
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let a = try PipelineFixtures.scratch("a"), b = try PipelineFixtures.scratch("b")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: a), environment: [:])
        try PipelineFixtures.checkSchema(output: a)
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: b), environment: [:])
        try PipelineFixtures.checkSchema(output: b)
        for file in ["index.html", "2026-W47/index.html", "2026-W47/report.json"] {
            let x = try Data(contentsOf: URL(fileURLWithPath: a + "/" + file))
            let y = try Data(contentsOf: URL(fileURLWithPath: b + "/" + file))
            #expect(x == y, "\(file) differs between two runs")
        }
    }

    @Test func noRawAddressOrCustomerIdReachesTheOutput() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        // Addresses in paths no rule matches (listed in the report) and in a rejected line (sampled).
        let extra = """
            198.51.100.23 - - [18/Nov/2026:10:00:00 +0100] "GET /unsubscribe/jane.doe@example.com HTTP/1.1" 200 10 "-" "Mozilla/5.0"
            198.51.100.23 - - [18/Nov/2026:10:00:09 +0100] "GET /unsubscribe/john%40example.org HTTP/1.1" 200 10 "-" "Mozilla/5.0"
            198.51.100.24 - - [18/Nov/2026:10:00:00 +0100] "GET /x HTTP/1.1" 200 10 "-" "Mozilla/5.0 (cut by 10.1.2.3:8080 for mia@example.net
            """
        try (extra + "\n").write(toFile: logs + "/access.log-extra", atomically: true, encoding: .utf8)
        let out = try PipelineFixtures.scratch("privacy")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        let text = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
            + String(contentsOfFile: out + "/2026-W47/report.json", encoding: .utf8)
        #expect(text.range(of: #"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b"#, options: .regularExpression) == nil)
        #expect(text.range(of: #"\bc-\d{6}\b"#, options: .regularExpression) == nil)
        #expect(text.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, options: .regularExpression) == nil)
        #expect(!text.contains("jane.doe") && !text.contains("john%40") && !text.contains("mia@"))
        #expect(text.contains("/unsubscribe/[e-mail]"))
    }

    @Test func explicitPeriodsAndThePreviousWeek() throws {
        let (logs, summary) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("w46")
        let result = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out, period: "2026-W46"), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        #expect(result.period == "2026-W46")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/2026-W46/report.json"))) as! [String: Any]
        let period = json["period"] as! [String: Any]
        #expect(period["isPartial"] as? Bool == false)
        let kpis = json["kpis"] as! [String: [String: Any]]
        let week = summary.days.filter { $0.date >= "2026-11-09" && $0.date <= "2026-11-15" }
        #expect(kpis["orders"]?["value"] as? Double == Double(week.reduce(0) { $0 + $1.orders }))
        // W45 is not in the input: nothing to compare with.
        #expect(kpis["orders"]?["previous"] == nil || kpis["orders"]?["previous"] is NSNull)

        // A month that the input covers only in part is marked partial; the index lists both periods, newest first.
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out, period: "2026-11"), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        let month = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/2026-11/report.json"))) as! [String: Any]
        #expect((month["period"] as! [String: Any])["isPartial"] as? Bool == true)
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        let w46 = try #require(index.range(of: "2026-W46/index.html")), m = try #require(index.range(of: "2026-11/index.html"))
        #expect(m.lowerBound < w46.lowerBound)
    }
}

/// The same pipeline over a CSV event export (the e-commerce behaviour schema) with the
/// event-type rules of pipelines/events.yaml.
@Suite struct EventExportTests {
    @Test func csvExportGivesVisitsOrdersAndFunnel() throws {
        let dir = try PipelineFixtures.scratch("csv")
        let csv = """
            event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session
            2019-10-01 10:00:00 UTC,view,1,10,,acme,35.79,541,s1
            2019-10-01 10:01:00 UTC,cart,1,10,,acme,35.79,541,s1
            2019-10-01 10:03:00 UTC,purchase,1,10,,acme,35.79,541,s1
            2019-10-01 11:00:00 UTC,view,2,10,,acme,10.00,542,s2
            2019-10-02 09:00:00 UTC,view,2,10,,acme,10.00,542,s3
            2019-10-02 09:00:05 UTC,view,2,10,,acme

            """
        try csv.write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        let out = try PipelineFixtures.scratch("csv-out")
        var options = PipelineFixtures.options(logs: dir + "/events.csv", output: out, period: "2019-W40")
        options.pipeline = PipelineFixtures.repo.appendingPathComponent("pipelines/events.yaml").path
        _ = try ReportPipeline.run(options, environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/2019-W40/report.json"))) as! [String: Any]
        let kpis = (json["kpis"] as! [String: [String: Any]]).mapValues { $0["value"] as Any }
        // customer 541: one visit of three events with the order; customer 542: two visits on two days
        #expect(kpis["visits"] as? Double == 3)
        #expect(kpis["visitors"] as? Double == 2)
        #expect(kpis["orders"] as? Double == 1)
        #expect(kpis["revenue"] as? Double == 35.79)
        let funnel = (json["funnel"] as! [[String: Any]]).map { $0["visits"] as! Int }
        #expect(funnel == [3, 1, 1, 1])
        // header filtered, the short row rejected: 7 lines read (the blank last line is not a line)
        let input = json["input"] as! [String: Any]
        #expect(input["read"] as? Int == 7)
        #expect(input["parsed"] as? Int == 5)
        #expect(input["filtered"] as? Int == 1)
        #expect(input["rejected"] as? Int == 1)
    }
}
