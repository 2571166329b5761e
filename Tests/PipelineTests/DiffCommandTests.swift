import Foundation
import Testing

/// `journeys diff BASE NEW` as CI runs it, on two published demo weeks: the Markdown on stdout,
/// exit 1 for a crossed threshold, exit 2 and one line on stderr for what cannot be compared.
@Suite struct DiffCommandTests {
    typealias Run = (status: Int32, stdout: String, stderr: String)

    /// Runs the built binary in the repository's folder; nil (the test then skips or, in CI,
    /// fails) when it is not built.
    func journeys(_ arguments: [String]) throws -> Run? {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let scratch = try PipelineFixtures.scratch("diff-cli")
        return try CrossProcessDeterminismTests.run(binary, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch],
                                                    scratch: scratch)
    }

    func weeks() throws -> (w46: String, w47: String) {
        let out = try PublishedWeeks.folder()
        return (out + "/2026-W46", out + "/2026-W47")
    }

    /// A copy of W47's report.json changed by `edit`, in a report folder of its own.
    func editedW47(_ edit: (inout [String: Any]) -> Void) throws -> String {
        var json = try PipelineFixtures.reportJSON(try PublishedWeeks.folder(), "2026-W47")
        edit(&json)
        let folder = try PipelineFixtures.scratch("edited-report")
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: URL(fileURLWithPath: folder + "/report.json"))
        return folder
    }

    /// The KPI whose change from W46 to W47 is the largest in noise units, as a threshold the
    /// change crosses: `id:±N%` with N its relative change in whole percent, rounded down. The
    /// tests are the report's (docs/definitions.md): two-proportion z for rates, Poisson for counts.
    func crossedThreshold() throws -> (crossed: String, notCrossed: String, kpi: String) {
        let out = try PublishedWeeks.folder()
        let base = try PipelineFixtures.reportJSON(out, "2026-W46")["kpis"] as! [String: [String: Any]]
        let new = try PipelineFixtures.reportJSON(out, "2026-W47")["kpis"] as! [String: [String: Any]]
        var best: (id: String, z: Double, relative: Double)? = nil
        for (id, n) in new {
            guard let b = base[id], let v1 = n["value"] as? Double, let v0 = b["value"] as? Double, v0 != 0 else { continue }
            let z: Double
            if let x1 = n["numerator"] as? Int, let n1 = n["denominator"] as? Int, let x0 = b["numerator"] as? Int,
               let n0 = b["denominator"] as? Int, n1 > 0, n0 > 0 {
                let p = Double(x1 + x0) / Double(n1 + n0)
                let se = (p * (1 - p) * (1 / Double(n1) + 1 / Double(n0))).squareRoot()
                guard se > 0 else { continue }
                z = (Double(x1) / Double(n1) - Double(x0) / Double(n0)) / se
            } else if n["unit"] as? String == "count" {
                z = (v1 - v0) / (v1 + v0).squareRoot()
            } else {
                continue
            }
            if abs(z) > abs(best?.z ?? 0) { best = (id, z, (v1 - v0) / abs(v0)) }
        }
        let b = try #require(best, "no testable KPI in the demo weeks")
        try #require(abs(b.z) >= 1.96, "no KPI changed by more than noise between the demo weeks")
        let amount = Int((abs(b.relative) * 100).rounded(.down))
        try #require(amount >= 1)
        let sign = b.relative > 0 ? "+" : "-"
        return ("\(b.id):\(sign)\(amount)%", "\(b.id):\(sign)\(amount + 1)%", b.id)
    }

    @Test func twoWeeksGiveTheMarkdownSummary() throws {
        let (w46, w47) = try weeks()
        guard let r = try journeys(["diff", w46, w47]) else { return }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        for section in ["## Customer journeys: 2026-W47 against 2026-W46\n", "### What to act on first\n", "### Why the rates moved\n",
                        "### Key figures\n", "### Channels\n", "### Devices\n", "Conversion rate | ", "\n- conversion by channel: "] {
            #expect(r.stdout.contains(section), "no \(section) in\n\(r.stdout)")
        }
        // no thresholds, no Thresholds section; the same summary as the weekly run's diff.md
        #expect(!r.stdout.contains("### Thresholds"))
        #expect(r.stdout == (try String(contentsOfFile: w47 + "/diff.md", encoding: .utf8)))
        // report.json files do as well as their folders
        guard let files = try journeys(["diff", w46 + "/report.json", w47 + "/report.json"]) else { return }
        #expect(files.status == 0 && files.stdout == r.stdout)
    }

    @Test func aCrossedThresholdExits1() throws {
        let (w46, w47) = try weeks()
        let t = try crossedThreshold()
        guard let r = try journeys(["diff", w46, w47, "--fail-on", "\(t.notCrossed),\(t.crossed)"]) else { return }
        #expect(r.status == 1, "\(t.crossed): \(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("### Thresholds\n\n- **crossed** `\(t.crossed)`: "), "\(r.stdout)")
        #expect(!r.stdout.contains("`\(t.notCrossed)`"))

        guard let not = try journeys(["diff", w46, w47, "--fail-on", t.notCrossed]) else { return }
        #expect(not.status == 0, "\(t.notCrossed): \(not.stderr)")
        #expect(not.stdout.contains("### Thresholds\n\nNo threshold crossed.\n"))
    }

    /// What cannot be checked or compared: exit 2, nothing on stdout, one line on stderr.
    @Test(arguments: [
        ("an unknown KPI", "--fail-on: 'conversoin_rate:-10%': no KPI 'conversoin_rate'; the KPIs are "),
        ("a malformed threshold", "--fail-on: 'conversion_rate:10%': expected a sign, + or -, before the change"),
        ("schema version 0", "/report.json: schema version 0 cannot be compared by this journeys (schema 1)"),
        ("no schemaVersion", "/report.json: no schemaVersion; written by a journeys older than schema 1: run its report again"),
        ("other session rules", "the reports were made with different session rules: 2026-W46 has '"),
        ("a missing folder", "/2026-W45: no such report folder or report.json"),
    ])
    func whatCannotBeComparedExits2(_ what: String, _ message: String) throws {
        let (w46, w47) = try weeks()
        var arguments = ["diff", w46, w47]
        switch what {
        case "an unknown KPI": arguments += ["--fail-on", "conversoin_rate:-10%"]
        case "a malformed threshold": arguments += ["--fail-on", "conversion_rate:10%"]
        case "schema version 0": arguments[2] = try editedW47 { $0["schemaVersion"] = 0 }
        case "no schemaVersion": arguments[2] = try editedW47 { $0["schemaVersion"] = nil }
        case "other session rules":
            arguments[2] = try editedW47 { json in
                var rules = json["sessionRules"] as! [String: Any]
                rules["summary"] = "ga4: timeout 30 min"
                json["sessionRules"] = rules
            }
        default: arguments[1] = (w46 as NSString).deletingLastPathComponent + "/2026-W45"
        }
        guard let r = try journeys(arguments) else { return }
        #expect(r.status == 2, "\(what): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(what)")
        #expect(r.stderr.hasPrefix("journeys: error: diff: "), "\(what): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(what): \(r.stderr)")
        #expect(r.stderr.hasSuffix("\n") && r.stderr.filter { $0 == "\n" }.count == 1, "\(what): not one line: \(r.stderr)")
    }

    @Test func htmlWritesAValidPage() throws {
        let (w46, w47) = try weeks()
        let page = try PipelineFixtures.scratch("diff-page") + "/changes.html"
        guard let r = try journeys(["diff", w46, w47, "--html", page]) else { return }
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("2026-W47 against 2026-W46"))
        guard let check = try journeys(["validate", page]) else { return }
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "\(page): valid\n")
        // nothing left beside it
        #expect(try FileManager.default.contentsOfDirectory(atPath: (page as NSString).deletingLastPathComponent) == ["changes.html"])
    }

    /// Exit 1 means a crossed threshold, so that CI can tell it from a broken run: a page that
    /// fails validation (a template of --templates that writes an unclosed element) is an input
    /// error, exit 2, and leaves no page.
    @Test func aPageThatFailsValidationExits2() throws {
        let (w46, w47) = try weeks()
        let broken = try PipelineFixtures.scratch("diff-templates")
        for name in ["report.mustache", "index.mustache", "diff.mustache", "report.css", "sections"] {
            try FileManager.default.copyItem(atPath: PipelineFixtures.templates + "/" + name, toPath: broken + "/" + name)
        }
        let diff = try String(contentsOfFile: broken + "/diff.mustache", encoding: .utf8)
        try diff.replacingOccurrences(of: "<main>", with: "<main><div>").write(toFile: broken + "/diff.mustache", atomically: true, encoding: .utf8)
        let folder = try PipelineFixtures.scratch("diff-page")
        guard let r = try journeys(["diff", w46, w47, "--html", folder + "/diff.html", "--templates", broken]) else { return }
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("journeys: error: diff: ") && r.stderr.contains("Opening and ending tag mismatch: div"), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aWeekAgainstItselfExits0WithNoChange() throws {
        let (_, w47) = try weeks()
        let t = try crossedThreshold()
        guard let r = try journeys(["diff", w47, w47, "--fail-on", t.crossed]) else { return }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("## Customer journeys: 2026-W47 against 2026-W47\n"))
        #expect(r.stdout.contains("### Thresholds\n\nNo threshold crossed.\n"))
        #expect(r.stdout.contains("### What to act on first\n\nNo change is larger than noise.\n"))
        #expect(!r.stdout.contains("larger than noise ("))
        // ▲ and ▼ only in the line that explains them
        #expect(r.stdout.components(separatedBy: "▲").count == 2 && r.stdout.components(separatedBy: "▼").count == 2)
    }
}
