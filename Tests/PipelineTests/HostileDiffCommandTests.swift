import Foundation
import Pipeline
import Testing

/// `journeys diff` reads any report.json it is given, and its Markdown is posted into pull
/// requests: a crafted period name or date stays text there.
@Suite(.serialized) struct HostileDiffCommandTests {
    static let bidi = (0x202A...0x202E).map { $0 } + (0x2066...0x2069).map { $0 }

    /// Whether `text` holds `part`, scalar for scalar (Foundation's `contains` may skip the word
    /// joiner, an ignorable character, and find what a Markdown renderer will not).
    static func has(_ text: String, _ part: String) -> Bool { Array(text.unicodeScalars).contains(Array(part.unicodeScalars)) }

    @Test func aCraftedReportJSONInjectsNothing() throws {
        let dir = try PipelineFixtures.scratch("cli-hostile-diff")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        for week in ["2026-W46", "2026-W47"] {
            _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: dir + "/out", period: week), environment: [:])
        }
        let path = dir + "/out/2026-W47/report.json"
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        var period = json["period"] as! [String: Any]
        period["name"] = "[click](https://evil.example/x) ![t](https://evil.example/p.png) <img src=x onerror=alert(1)> @everyone #123 www.evil.example \u{202E}gnp.exe"
        period["first"] = "@admin <b>x</b>"
        period["last"] = "me@evil.example \u{2066}#42\u{2069}"
        json["period"] = period
        let hostile = dir + "/hostile.json"
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: URL(fileURLWithPath: hostile))

        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let r = try CrossProcessDeterminismTests.run(binary, ["diff", dir + "/out/2026-W46", hostile], environment: ["PATH": "/usr/bin:/bin"],
                                                     scratch: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let md = r.stdout
        #expect(md.hasPrefix("## Customer journeys: "), "\(md.prefix(300))")
        // only the folding of the full tables is HTML, on lines of its own
        let unfolded = md.replacingOccurrences(of: "\n<details>\n<summary>", with: "\n").replacingOccurrences(of: "</summary>\n", with: "\n")
            .replacingOccurrences(of: "\n</details>\n", with: "\n")
        #expect(!Self.has(unfolded, "<"))
        #expect(!Self.has(md, "!["))
        #expect(!Self.has(md, "[click]("))
        #expect(!Self.has(md, "://"))
        #expect(!Self.has(md, "@everyone") && !Self.has(md, "@admin") && !Self.has(md, "@evil"))
        #expect(!Self.has(md, "#123") && !Self.has(md, "#42"))
        #expect(!Self.has(md.lowercased(), "www.evil"))
        #expect(!md.unicodeScalars.contains { Self.bidi.contains(Int($0.value)) })
        // the words are all there, only made inert
        let seen = md.replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "\\", with: "")
        #expect(seen.contains("@everyone #123 www.evil.example \u{FFFD}gnp.exe"), "\(md.prefix(400))")
    }
}
