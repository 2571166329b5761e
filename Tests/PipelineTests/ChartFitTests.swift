import Foundation
import Testing

/// The demo week's charts as readers see them, in headless Chromium (`scripts/page_check.py
/// charts`): on a 390 px phone no chart scrolls sideways and no chart text is drawn below 11 px;
/// at 390 and 1400 px, in English and in German, no text runs out of its drawing or out of its
/// box on the journey map (the weekday x hour totals, the map's counts).
@Suite(.serialized) struct ChartFitTests {
    struct Charts: Decodable {
        var charts: Int
        var scrolling: [String]
        var smallestText: Double?
        var textOutside: [[String]]
    }

    static func charts(_ tools: PageWidthTests.Tools, _ page: String, width: Int, dark: Bool = false) throws -> Charts? {
        let (status, output) = try PageWidthTests.run(tools.python, [tools.script, "charts", page, "--width", String(width)] + (dark ? ["--dark"] : []))
        guard status == 0, let line = output.split(separator: "\n").last,
              let charts = try? JSONDecoder().decode(Charts.self, from: Data(line.utf8)) else {
            Issue.record("page_check charts failed on \(page): \(output)")
            return nil
        }
        return charts
    }

    @Test(arguments: ["en", "de"]) func theDemoWeeksChartsFit(locale: String) throws {
        guard let tools = PageWidthTests.tools() else { try RequiredTool.missing(PageWidthTests.missingReason) }
        let page = (locale == "de" ? try PublishedGermanWeeks.folder() : try PublishedWeeks.folder()) + "/2026-W47/index.html"
        for (width, dark) in [(390, false), (390, true), (1400, false)] {
            let c = try #require(try Self.charts(tools, page, width: width, dark: dark))
            #expect(c.charts >= 3, "\(locale) \(width): \(c.charts) charts")
            #expect(c.scrolling.isEmpty, "\(locale) \(width): charts that scroll sideways in \(c.scrolling)")
            #expect(c.textOutside.isEmpty, "\(locale) \(width): text outside its drawing or box: \(c.textOutside)")
            if width == 390 { #expect((c.smallestText ?? 0) >= 11, "\(locale) \(width): chart text at \(c.smallestText ?? 0) px") }
        }
    }

    /// The check can fail: a chart wider than the phone, text beyond its drawing and beyond its
    /// box are each seen.
    @Test func aChartThatDoesNotFitIsSeen() throws {
        guard let tools = PageWidthTests.tools() else { try RequiredTool.missing(PageWidthTests.missingReason) }
        let page = try PipelineFixtures.scratch("charts-misfit") + "/misfit.html"
        try """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>m</title>
        <style>figure { margin: 0; overflow-x: auto; } svg { max-width: none; }</style></head><body>
        <section id="wide"><figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 40" width="900" height="40">
        <text x="10" y="20" font-size="13">fits</text><text x="880" y="20" font-size="13">runs out of the drawing</text></svg></figure></section>
        <section id="box"><figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 60" width="300" height="60">
        <g class="node"><rect class="node-box" x="0" y="0" width="60" height="40"/><text x="4" y="20" font-size="9">a name longer than its box</text></g></svg></figure></section>
        </body></html>
        """.write(toFile: page, atomically: true, encoding: .utf8)
        let c = try #require(try Self.charts(tools, page, width: 390))
        #expect(c.scrolling == ["wide"])
        #expect(c.textOutside.map { $0.first ?? "" } == ["wide", "box"])
        #expect(c.smallestText == 9)
    }
}
