import DemoShop
import Foundation
import History
import JourneysCore
import Pipeline
import Testing

/// The published page as its reader meets it in a browser 1400 px wide: the first screen (900 px)
/// holds the headline figures and the top of "What changed"; a CX lead's five questions (how did we
/// do, what changed, where do people drop off, which channels matter, are customers coming back)
/// each have an open section above the appendix; the open page stays within its height budget.
/// Measured in headless Chromium (`scripts/page_check.py measure`), as `PageWidthTests` does.
@Suite(.serialized) struct PageHeightTests {
    /// The open page's budget at 1400 px: a reader scrolls through it in a few minutes.
    static let budget = 8_000

    struct Measure: Decodable {
        struct Section: Decodable { var id: String; var top: Int; var height: Int }
        var scrollHeight: Int
        var openSections: Int
        var closedSections: Int
        var firstScreen: [String]
        var sections: [Section]
        var appendix: [String]
    }

    static func measure(_ tools: PageWidthTests.Tools, _ page: String, width: Int = 1400) throws -> Measure? {
        let (status, output) = try PageWidthTests.run(tools.python, [tools.script, "measure", page, "--width", String(width)])
        guard status == 0, let line = output.split(separator: "\n").last,
              let measure = try? JSONDecoder().decode(Measure.self, from: Data(line.utf8)) else {
            Issue.record("page_check measure failed on \(page): \(output)")
            return nil
        }
        return measure
    }

    /// The demo shop's W47 after W46, with the shop's order table in the history (cohorts,
    /// lifecycle, a year ago), as `make report` publishes it.
    @Test func theDemoWeekAnswersTheFiveQuestionsWithinItsHeight() throws {
        guard let tools = PageWidthTests.tools() else { try RequiredTool.missing(PageWidthTests.missingReason) }
        let base = try PipelineFixtures.scratch("page-height")
        let logs = base + "/logs", orders = base + "/orders.csv", out = base + "/out"
        var sample = SampleOptions()
        sample.weeks = 2
        _ = try SampleGenerator.write(to: logs, options: sample, orderTable: orders)
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W46")
        let config = try ConfigLoader.load(path: PipelineFixtures.weeklyConfig)
        do {
            let store = try HistoryStore(path: options.history!)
            let key = SipHash(secret: config.pseudonymKey)
            _ = try store.importOrders(csv: orders, timeZone: TimeZone(identifier: config.timeZone)!) { Pseudonym.customer($0, key: key) }
        }
        _ = try ReportPipeline.run(options, environment: [:])
        options.period = "2026-W47"
        _ = try ReportPipeline.run(options, environment: [:])

        let measure = try #require(try Self.measure(tools, out + "/2026-W47/index.html"))
        #expect(measure.scrollHeight <= Self.budget, "the open page is \(measure.scrollHeight) px at 1400 px")
        #expect(measure.firstScreen.prefix(2) == ["headline", "changes"], "\(measure.firstScreen)")
        #expect(measure.closedSections > 0 && measure.appendix.contains("kpis") && measure.appendix.contains("data-quality"))
        let open = measure.sections.map(\.id)
        // how did we do, what changed, where do people drop off, which channels matter, are customers coming back
        for question in [["headline"], ["changes"], ["funnel", "drop-offs"], ["channels"], ["cohorts", "lifecycle", "customer-value"]] {
            #expect(open.contains { question.contains($0) }, "no open section for \(question): \(open)")
        }
        #expect(open.count == measure.openSections)
    }

    /// The measure can fail: a page taller than the budget, and a closed appendix, are seen.
    @Test func aTallPageIsSeen() throws {
        guard let tools = PageWidthTests.tools() else { try RequiredTool.missing(PageWidthTests.missingReason) }
        let page = try PipelineFixtures.scratch("page-tall") + "/tall.html"
        try #"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main><section id="a"><div style="height:9000px">x</div></section><div><section id="b"><details><summary>b</summary>y</details></section></div></main></body></html>"#
            .write(toFile: page, atomically: true, encoding: .utf8)
        let measure = try #require(try Self.measure(tools, page))
        #expect(measure.scrollHeight > Self.budget)
        #expect(measure.sections.map(\.id) == ["a"] && measure.appendix == ["b"])
    }
}
