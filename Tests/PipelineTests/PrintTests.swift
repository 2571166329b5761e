import Foundation
import Pipeline
import Testing

/// The demo week printed by headless Chromium (`scripts/page_check.py pdf`): every page A4, and
/// the folded sections printed closed or open as `print.appendix` says, so that open prints more.
@Suite(.serialized) struct PrintTests {
    struct Printed: Decodable {
        var pages: Int
        var a4: Int
    }

    /// Prints `page` into a scratch folder of its own (never beside a published page).
    static func print(_ tools: PageWidthTests.Tools, _ page: String, as name: String) throws -> Printed? {
        let pdf = try PipelineFixtures.scratch("print-pdf") + "/\(name).pdf"
        let (status, output) = try PageWidthTests.run(tools.python, [tools.script, "pdf", page, pdf])
        guard status == 0, let line = output.split(separator: "\n").last,
              let printed = try? JSONDecoder().decode(Printed.self, from: Data(line.utf8)) else {
            Issue.record("page_check pdf failed on \(page): \(output)")
            return nil
        }
        return printed
    }

    @Test func theAppendixPrintsAsTheConfigSays() throws {
        guard let tools = PageWidthTests.tools() else { try RequiredTool.missing(PageWidthTests.missingReason) }
        let closed = try #require(try Self.print(tools, try PublishedWeeks.folder() + "/2026-W47/index.html", as: "closed"))
        #expect(closed.pages > 0 && closed.a4 == closed.pages, "\(closed.a4) of \(closed.pages) pages are A4")

        let weekly = try String(contentsOfFile: PipelineFixtures.weeklyConfig, encoding: .utf8)
        #expect(weekly.contains("\nprint:\n  appendix: closed\n"))
        let out = try PipelineFixtures.scratch("print-open")
        var options = PipelineFixtures.options(logs: try PublishedWeeks.logs(), output: out, period: "2026-W47")
        options.pipeline = try PipelineFixtures.writeConfig(weekly.replacingOccurrences(of: "\nprint:\n  appendix: closed\n", with: "\nprint:\n  appendix: open\n"))
        _ = try ReportPipeline.run(options, environment: [:])
        let open = try #require(try Self.print(tools, out + "/2026-W47/index.html", as: "open"))
        #expect(open.a4 == open.pages)
        // the weekday x hour tables, folded on the page, print only when the appendix prints open
        #expect(open.pages > closed.pages, "open: \(open.pages) pages, closed: \(closed.pages)")
    }
}
