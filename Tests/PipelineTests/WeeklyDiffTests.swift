import Foundation
import Pipeline
import Testing

/// The weekly run compares each week with the one before it when that one is published:
/// `<week>/diff.html` and `diff.md` beside the report, linked from its page and from the index.
@Suite struct WeeklyDiffTests {
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func theSecondWeekIsPublishedWithItsDiff() throws {
        let out = try PublishedWeeks.folder()
        try PipelineFixtures.checkSchema(output: out)
        let md = try read(out + "/2026-W47/diff.md")
        #expect(md.hasPrefix("## Customer journeys: 2026-W47 against 2026-W46\n"))
        #expect(md.contains("### Key figures"))
        let page = try read(out + "/2026-W47/diff.html")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("2026-W47 against 2026-W46"))
        // the week's page links its diff, the index links it beside the week
        #expect(try read(out + "/2026-W47/index.html").contains("href=\"diff.html\""))
        #expect(try read(out + "/index.html").contains("href=\"2026-W47/diff.html\""))
    }

    @Test func theFirstWeekHasNoDiff() throws {
        let out = try PublishedWeeks.folder()
        let fm = FileManager.default
        #expect(try fm.contentsOfDirectory(atPath: out + "/2026-W46").sorted() == ["index.html", "report.json"])
        #expect(!(try read(out + "/2026-W46/index.html")).contains("diff.html"))
        #expect(!(try read(out + "/index.html")).contains("2026-W46/diff.html"))
        #expect(try fm.contentsOfDirectory(atPath: out).sorted() == ["2026-W46", "2026-W47", "index.html"])
        #expect(try fm.contentsOfDirectory(atPath: out + "/2026-W47").sorted() == ["diff.html", "diff.md", "index.html", "report.json"])
    }

    /// A previous week that cannot be compared (made with other session rules) gives no diff,
    /// and the week is published all the same.
    @Test func aPreviousWeekOfOtherRulesGivesNoDiffAndNoFailure() throws {
        let out = try PipelineFixtures.scratch("other-rules")
        try FileManager.default.createDirectory(atPath: out + "/2026-W46", withIntermediateDirectories: true)
        let published = try PublishedWeeks.folder()
        var json = try PipelineFixtures.reportJSON(published, "2026-W46")
        var rules = json["sessionRules"] as! [String: Any]
        rules["summary"] = "ga4: timeout 30 min"
        json["sessionRules"] = rules
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: URL(fileURLWithPath: out + "/2026-W46/report.json"))
        try FileManager.default.copyItem(atPath: published + "/2026-W46/index.html", toPath: out + "/2026-W46/index.html")

        _ = try ReportPipeline.run(PipelineFixtures.options(logs: try PublishedWeeks.logs(), output: out, period: "2026-W47"), environment: [:])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/2026-W47").sorted() == ["index.html", "report.json"])
        #expect(!(try String(contentsOfFile: out + "/index.html", encoding: .utf8)).contains("diff.html"))
    }
}
