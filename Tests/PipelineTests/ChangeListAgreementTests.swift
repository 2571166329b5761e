import Foundation
import Pipeline
import Testing

/// The period's page, its diff page, its diff.md and the index list the same changes in the same
/// order: one list, made once by the compare stage. The previous week is the published W46 with
/// half its visitors and three times its orders, so that W47 has changes to list.
@Suite struct ChangeListAgreementTests {
    static let published: Result<String, any Error> = Result {
        let out = try PipelineFixtures.scratch("agreement")
        let source = try PublishedWeeks.folder()
        try FileManager.default.createDirectory(atPath: out + "/2026-W46", withIntermediateDirectories: true)
        var json = try PipelineFixtures.reportJSON(source, "2026-W46")
        var kpis = json["kpis"] as! [String: Any]
        for (key, factor) in [("visitors", 0.5), ("orders", 3.0)] {
            var k = kpis[key] as! [String: Any]
            k["value"] = ((k["value"] as! Double) * factor).rounded()
            kpis[key] = k
        }
        json["kpis"] = kpis
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: URL(fileURLWithPath: out + "/2026-W46/report.json"))
        try FileManager.default.copyItem(atPath: source + "/2026-W46/index.html", toPath: out + "/2026-W46/index.html")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: try PublishedWeeks.logs(), output: out, period: "2026-W47"), environment: [:])
        return out
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: try Self.published.get() + "/" + path, encoding: .utf8) }

    /// The `<li>` of the first `<ol class="changes">` after `marker` and of the rest folded below it
    /// in the same section, as (trend, text) with the HTML entities undone.
    static func htmlItems(_ html: String, after marker: String) throws -> [String] {
        let start = try #require(html.range(of: marker))
        let list = try #require(html.range(of: "<ol class=\"changes\">", range: start.upperBound..<html.endIndex))
        var items = try listItems(html, from: list.upperBound)
        // the rest of the list, folded below its top (the report page's first screen)
        let sectionEnd = html.range(of: "</section>", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
        if let more = html.range(of: "<ol class=\"changes changes-more\"", range: list.upperBound..<sectionEnd) {
            items += try listItems(html, from: more.upperBound)
        }
        return items
    }

    static func listItems(_ html: String, from start: String.Index) throws -> [String] {
        let end = try #require(html.range(of: "</ol>", range: start..<html.endIndex))
        return html[start..<end.lowerBound].components(separatedBy: "<li class=\"").dropFirst().map { item in
            let trend = String(item.prefix { $0 != "\"" })
            let text = item.drop { $0 != ">" }.dropFirst().replacingOccurrences(of: "</li>", with: "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return "\(trend): " + text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// The numbered items of diff.md's "What to act on first", in the summary and continued in
    /// `<details>`, as (trend, text) with the Markdown escapes undone.
    static func markdownItems(_ md: String) -> [String] {
        md.split(separator: "\n").compactMap { line -> String? in
            guard let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty else { return nil }
            var text = String(line[line.index(dot, offsetBy: 2)...])
            var trend = "flat"
            if text.hasPrefix("▲ ") { trend = "good"; text.removeFirst(2) } else if text.hasPrefix("▼ ") { trend = "bad"; text.removeFirst(2) }
            var plain = "", escaped = false
            for ch in text.replacingOccurrences(of: "\u{2060}", with: "") {
                if escaped { plain.append(ch); escaped = false } else if ch == "\\" { escaped = true } else { plain.append(ch) }
            }
            return "\(trend): " + plain.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    @Test func thePageTheDiffItsMarkdownAndTheIndexListTheSameChanges() throws {
        let page = try Self.htmlItems(try read("2026-W47/index.html"), after: "<section id=\"changes\">")
        #expect(page.count >= 2)
        #expect(page.contains { $0.hasPrefix("good: Visitors ") })
        #expect(page.contains { $0.hasPrefix("bad: Orders ") })
        #expect(try Self.htmlItems(try read("2026-W47/diff.html"), after: "<section id=\"act-first\">") == page)
        #expect(Self.markdownItems(try read("2026-W47/diff.md")) == page)
        #expect(try Self.htmlItems(try read("index.html"), after: "<section id=\"weeks\">") == page)
    }

    /// The visitors' rise is one traffic item, not one per traffic figure.
    @Test func oneTrafficItem() throws {
        let page = try Self.htmlItems(try read("2026-W47/index.html"), after: "<section id=\"changes\">")
        #expect(page.filter { $0.contains("Visitors") || $0.hasPrefix("good: Visits") || $0.hasPrefix("good: Page views") }.count == 1)
    }

    /// diff.md: at most 40 lines before `<details>`, every table inside it.
    @Test func theMarkdownSummaryFitsAPullRequestComment() throws {
        let md = try read("2026-W47/diff.md")
        let parts = md.components(separatedBy: "\n<details>\n")
        #expect(parts.count == 2)
        #expect(parts[0].split(separator: "\n", omittingEmptySubsequences: false).count <= 40)
        #expect(!parts[0].contains("| ---"))
        #expect(parts[1].contains("### Key figures") && parts[1].hasSuffix("</details>\n"))
    }
}
