import Foundation
import Sections
import ReportModel
import Testing
@testable import Pipeline

/// report.json against its JSON Schema (`journeys schema`): the schema is strict enough for
/// Python's jsonschema (draft 2020-12) to catch a broken report at its place, and the numbers
/// are rounded where they are computed.
@Suite struct ReportSchemaTests {
    /// The demo shop's W47 report (two weeks of access logs), written once for the tests below.
    static let demo = Result { () throws -> String in
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("schema-demo")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        return out + "/2026-W47/report.json"
    }

    static func demoReport() throws -> JSONValue {
        try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: demo.get())))
    }

    @Test func theSchemaDescribesSchema1() throws {
        let schema = try JSONValue.parse(ReportSchema.json)
        #expect(schema["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"]?.string == ReportSchema.id)
        #expect(schema["title"]?.string?.isEmpty == false)
        #expect(schema["properties"]?["schemaVersion"]?["const"]?.number == Double(ReportData.schemaVersion))
        #expect(!ReportSchema.json.hasSuffix("\n"))
    }

    /// Every section in a folder of its own is described under its key, with the tables it
    /// withholds rows in, in the schema `journeys schema` prints.
    @Test func theSectionsAreInTheSchema() throws {
        let schema = try JSONValue.parse(SectionList.reportSchema())
        let ledger = schema["properties"]?["suppressed"]?["properties"]?["byTable"]
        for section in SectionList.folded {
            #expect(schema["properties"]?[section.partKey] != nil, "\(section.partKey)")
            #expect(schema["required"]?.items?.contains { $0.string == section.partKey } == true, "\(section.partKey)")
            for table in section.withheldTables {
                #expect(ledger?["properties"]?[table.table.rawValue] != nil, "\(table.table.rawValue)")
            }
        }
    }

    /// Changes to a real report, each of which the schema must reject at its place.
    static let breakages: [(path: [String], value: String?, pointer: String)] = [
        (["kpis", "visits", "value"], #""2522""#, "/kpis/visits/value"),
        (["kpis", "visits", "value"], "2522.5", "/kpis/visits/value"),
        (["kpis", "bounce_rate", "value"], "1.5", "/kpis/bounce_rate/value"),
        (["kpis", "bounce_rate", "numerator"], nil, "/kpis/bounce_rate"),
        (["kpis", "revenue", "value"], "null", "/kpis/revenue/value"),
        (["kpis", "aov", "value"], "-1", "/kpis/aov/value"),
        (["kpis", "aov", "unit"], #""euro""#, "/kpis/aov/unit"),
        (["kpis", "aov", "better"], #""more""#, "/kpis/aov/better"),
        (["kpis", "aov"], nil, "/kpis"),
        (["kpis", "visits", "extra"], "1", "/kpis/visits/extra"),
        (["kpis", "Visits"], "{}", "/kpis/Visits"),
        (["schemaVersion"], "2", "/schemaVersion"),
        (["period", "name"], #""week 47""#, "/period/name"),
        (["channels", "tv"], "{}", "/channels/tv"),
        (["channels", "direct", "attribution", "markov"], nil, "/channels/direct/attribution"),
        (["segments", "device:watch"], "{}", "/segments/device:watch"),
        (["funnel", "0", "step"], #""checkout""#, "/funnel/0/step"),
        (["funnel", "4"], #"{"step": "purchase", "label": "x", "visits": 0, "ofFirst": 0, "dropOff": 0}"#, "/funnel/4"),
        (["funnel", "3"], nil, "/funnel"),
        (["journeyMap", "links", "nowhere"], "{}", "/journeyMap/links/nowhere"),
        (["journeyMap", "returns", "nowhere"], #"{"from": "a", "to": "b", "count": 0, "medianDays": 1}"#, "/journeyMap/returns/nowhere"),
        (["journeyMap", "returns"], nil, "/journeyMap"),
        (["journeyMap", "nodes", "Home", "visits"], "0", "/journeyMap/nodes/Home/visits"),
        (["paths", "0", "steps"], "[]", "/paths/0/steps"),
        (["customerValue", "all"], #""none""#, "/customerValue/all"),
        (["orderValues", "count"], "0", "/orderValues/count"),
        (["input", "read"], "-1", "/input/read"),
        (["satisfaction", "nps", "value"], "101", "/satisfaction/nps/value"),
        (["clvModel", "fit"], "{}", "/clvModel"),
        (["clvModel", "reason"], nil, "/clvModel"),
    ]

    static func broken(_ report: JSONValue) throws -> [JSONValue] {
        try breakages.map { try report.setting($0.path, to: $0.value.map { try JSONValue.parse($0) }) }
    }

    /// `journeys schema` prints the schema and exits 0.
    @Test func theSchemaCommandPrintsIt() throws {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let dir = try PipelineFixtures.scratch("cli-schema")
        let r = try CrossProcessDeterminismTests.run(binary, ["schema"], environment: ["PATH": "/usr/bin:/bin", "HOME": dir], scratch: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == (try SectionList.reportSchema()) + "\n")
    }

    // MARK: - The validator

    /// Python's jsonschema (Draft202012Validator) accepts the schema and the demo report, and
    /// rejects every broken report at the broken place, or at the object or array holding it
    /// (where jsonschema reports a key or item that should not be there, or one missing).
    @Test func theDemoReportPassesAndEveryBreakageIsCaughtAtItsPlace() throws {
        guard let python = JSONSchemaCheck.python else { try RequiredTool.missing(JSONSchemaCheck.missingReason) }
        let dir = try PipelineFixtures.scratch("jsonschema")
        let report = try Self.demoReport()
        let documents = [report] + (try Self.broken(report))
        var files: [String] = []
        for (n, document) in documents.enumerated() {
            files.append(dir + "/\(n).json")
            try document.description.write(toFile: files[n], atomically: true, encoding: .utf8)
        }
        let found = try JSONSchemaCheck.violations(of: files, python: python)
        #expect(found[0] == [], "jsonschema rejects the demo report: \(found[0])")
        for (k, b) in Self.breakages.enumerated() {
            let paths = found[k + 1].map(\.path)
            let holder = String(b.pointer[..<(b.pointer.lastIndex(of: "/") ?? b.pointer.startIndex)])
            #expect(paths.contains { $0 == b.pointer || $0 == (holder.isEmpty ? "/" : holder) },
                    "\(b.path) = \(b.value ?? "nothing"): expected a violation at \(b.pointer), found \(found[k + 1])")
        }
    }

    /// The check itself: a schema jsonschema refuses stops it, and a violation names its pointer
    /// (keys with `/` and `~` escaped, RFC 6901).
    @Test func theCheckRefusesABadSchemaAndNamesPointers() throws {
        guard let python = JSONSchemaCheck.python else { try RequiredTool.missing(JSONSchemaCheck.missingReason) }
        let dir = try PipelineFixtures.scratch("jsonschema-check")
        let file = dir + "/doc.json"
        try #"{"kpis": {"a~b/c": "x"}}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let schema = #"{"type": "object", "properties": {"kpis": {"additionalProperties": {"type": "number"}}}}"#
        let found = try JSONSchemaCheck.violations(of: [file], python: python, schema: schema)
        #expect(found.map { $0.map(\.path) } == [["/kpis/a~0b~1c"]])
        #expect(throws: JSONSchemaCheck.Failure.self) {
            try JSONSchemaCheck.violations(of: [file], python: python, schema: #"{"type": "float"}"#)
        }
    }

    // MARK: - Decimal at the source

    /// Every number of the demo report has at most 4 decimals, money at most 2 (and the other
    /// roundings docs/definitions.md lists), read from the text as written; nothing in it is
    /// NaN or infinite.
    @Test func numbersAreRoundedWhereTheyAreComputed() throws {
        let text = try String(contentsOfFile: Self.demo.get(), encoding: .utf8)
        let report = try JSONValue.parse(text)
        #expect(ReportDecimals.violations(report) == [])
        // Not vacuous: the report has money with cents and rates with 4 decimals.
        let units = ReportDecimals.kpiUnits(report)
        var most: [Bool: Int] = [:]
        report.walk { path, value in
            guard case .number(_, let literal) = value, !path.hasSuffix("pValue"), !path.hasSuffix("yearAgoPValue") else { return }
            let money = ReportDecimals.isMoney(path, kpiUnits: units)
            most[money] = max(most[money] ?? 0, ReportDecimals.decimals(literal))
        }
        #expect(most[true] == 2 && most[false] == 4, "most decimals of money and of other numbers: \(most)")
        for money in [["kpis", "revenue", "value"], ["kpis", "aov", "value"], ["orderValues", "mean"], ["orderValues", "standardDeviation"],
                      ["customerValue", "all", "aov"], ["customerValue", "all", "value"]] {
            var node: JSONValue? = report
            for key in money { node = node?[key] }
            guard case .number(_, let literal) = node else {
                Issue.record("\(money) is not a number in the demo report")
                continue
            }
            #expect(ReportDecimals.decimals(literal) <= 2, "\(money): \(literal)")
        }
        for word in ["NaN", "nan", "Infinity", "inf"] {
            #expect(text.range(of: #"[:\[,]\s*-?"# + word, options: .regularExpression) == nil, "\(word) in report.json")
        }
    }

    /// A period without an order: AOV and the CLV of all buyers are null, not NaN, and the
    /// order-value statistics are left out; the report still passes the schema.
    @Test func aPeriodWithoutOrdersWritesNullNotNaN() throws {
        let rows = ExportFixture(customers: 60).byTime.filter { !$0.text.contains(",purchase,") }
        let logs = try ExportFixture.write(rows)
        let out = try PipelineFixtures.scratch("no-orders")
        let summary = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        let text = try String(contentsOfFile: out + "/" + summary.period + "/report.json", encoding: .utf8)
        let report = try JSONValue.parse(text)
        #expect(report["kpis"]?["orders"]?["value"]?.number == 0)
        #expect(report["kpis"]?["aov"]?["value"]?.isNull == true)
        #expect(report["kpis"]?["conversion_rate"]?["value"]?.number == 0)
        #expect(report["customerValue"]?["all"]?.isNull == true)
        #expect(report["orderValues"] == nil)
        #expect(text.contains(#""value" : null"#))
    }

    /// NaN never reaches report.json: the encoder refuses it rather than writing a non-number.
    @Test func aNaNCannotBeWritten() throws {
        var data = try ReportJSON.decode(Data(contentsOf: URL(fileURLWithPath: Self.demo.get())))
        _ = try ReportJSON.encode(data)
        data.kpis[0].value = .nan
        #expect(throws: EncodingError.self) { try ReportJSON.encode(data) }
    }
}
