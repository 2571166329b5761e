import Compare
import Foundation
import Render
import ReportModel
import Testing
import Validate

/// The diff as Markdown (diff.md, `journeys diff` on stdout) and as a page, with names from the
/// logs that try to break out of the text: they stay text.
@Suite struct DiffMarkdownTests {
    static let names = ["a|b", "*bold* _it_", "[x](http://evil)", "<script>alert(1)</script>", "www.evil.example/x", RenderFixtures.hostile]

    /// Two weeks whose touchpoints, links, paths, channel labels and device names are `names`.
    static func hostileDiff() throws -> ReportDiff {
        var base = RenderFixtures.data(), new = RenderFixtures.data()
        base.period.name = "2026-W46"
        base.period.first = "2026-11-09"
        base.period.last = "2026-11-15"
        func nodes(_ views: Int) -> [JourneyMap.Node] {
            names.enumerated().map { .init(id: $0, touchpoint: $1, phase: "consideration", views: views + $0, entries: 0, exits: 0, exitRate: 0) }
        }
        base.journeyMap = JourneyMap(nodes: nodes(10), links: [.init(from: 0, to: 1, count: 5)])
        // every name moves, and a link and a path appear, one of each per name
        new.journeyMap = JourneyMap(nodes: nodes(20), links: names.indices.map { .init(from: $0, to: ($0 + 1) % names.count, count: 9) })
        base.paths = [PathRow(steps: names, visits: 4, purchases: 0, conversionRate: 0)]
        new.paths = names.map { PathRow(steps: ["Home", $0], visits: 3, purchases: 0, conversionRate: 0) }
        var counts = RateCounts()
        counts.visits = 10
        base.channels = names.enumerated().map { i, name in
            var row = ChannelRow(channel: "c\(i)", label: name, visits: 10, journeysStarted: 0, journeysClosed: 0, orders: 1, revenue: 5,
                                 attribution: Attribution())
            row.rates = counts
            return row
        }
        new.channels = base.channels
        base.segments = names.map { name in
            var row = SegmentRow(dimension: "device", segment: name, visits: 10, bounceRate: 0, conversionRate: 0, orders: 1, revenue: 5)
            row.rates = counts
            return row
        }
        new.segments = base.segments
        return try ReportDiff.compare(base: base, new: new)
    }

    /// Table rows: lines starting with `|`.
    static func tableRows(_ markdown: String) -> [Substring] { markdown.split(separator: "\n").filter { $0.hasPrefix("|") } }

    /// The `|` not escaped by a backslash: the column separators.
    static func separators(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for ch in line {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
        }
        return count
    }

    @Test func namesFromTheLogsStayText() throws {
        let md = DiffMarkdown.render(try Self.hostileDiff())
        // every name is there, in the tables and in the lists
        #expect(md.contains("| a\\|b | 10 → 10 |"))
        #expect(md.contains("\\*bold\\* \\_it\\_"))
        #expect(md.contains("&lt;script>alert(1)&lt;/script>"))
        // no HTML can start: not a tag, not an entity, not a comment or CDATA; only the folding
        // of the full tables is HTML, on lines of its own
        #expect(md.components(separatedBy: "\n<details>\n<summary>").count == 2 && md.hasSuffix("\n</details>\n"))
        let folding = md.replacingOccurrences(of: "\n<details>\n<summary>", with: "\n").replacingOccurrences(of: "</summary>\n", with: "\n")
            .replacingOccurrences(of: "\n</details>\n", with: "\n")
        #expect(!folding.contains("<"))
        #expect(!md.contains("&nbsp;"))
        #expect(md.contains("&amp;nbsp;"))
        // control characters are spaces
        #expect(!md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
    }

    @Test func aPipeInANameDoesNotSplitATableCell() throws {
        let md = DiffMarkdown.render(try Self.hostileDiff())
        let rows = Self.tableRows(md)
        #expect(rows.count > 2 * Self.names.count)
        // each table's rows have as many separators as its header: 6 columns for the key figures,
        // 5 for channels and devices
        for row in rows {
            #expect([6 + 1, 5 + 1].contains(Self.separators(row)), "\(row)")
        }
        for table in md.components(separatedBy: "\n\n").filter({ $0.hasPrefix("|") }) {
            let lines = table.split(separator: "\n")
            #expect(Set(lines.map(Self.separators)).count == 1, "\(table)")
        }
    }

    /// Neither a Markdown link nor an autolink (GitHub links bare `http://` and `www.` text in a
    /// pull-request comment) can be made of a name.
    @Test func aNameMakesNoLink() throws {
        let md = DiffMarkdown.render(try Self.hostileDiff())
        #expect(md.contains("\\[x\\](http\\:\u{2060}//evil)"))
        // every bracket is escaped, so no [text](url) or [text][ref] can form
        for (i, ch) in zip(md.indices, md) where ch == "[" || ch == "]" {
            #expect(i > md.startIndex && md[md.index(before: i)] == "\\", "an unescaped \(ch) in \(md[i...].prefix(40))")
        }
        // no scheme's colon or www. that GitHub would link
        #expect(md.ranges(of: "://").allSatisfy { md[md.index(before: $0.lowerBound)] == "\\" })
        #expect(!md.contains("www."))
        #expect(md.contains("www\\.\u{2060}evil.example/x"))
    }

    /// The names stay text on the page too, and the page passes validation.
    @Test func theDiffPageOfHostileNamesIsValid() throws {
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates))
            .diff(try Self.hostileDiff(), published: true)
        #expect(!html.contains("<script"))
        #expect(!html.contains("href=\"http://evil"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let issues = MarkupValidator().check(Array(html.utf8), file: "diff.html", documentDirectory: "out/2026-W47", root: "out")
        #expect(issues.isEmpty, "\(issues)")
    }

    /// Conversion by channel as printed, on the weeks of CompareTests' RateSplitTests (worked out
    /// there): W46 search 30/750, email 20/250; W47 search 18/600, email 33/300, social 2/100.
    /// Mix and rates are 0.15 pp each, the total 0.3 pp: rounded on their own the parts would
    /// print +0.2 and +0.2; printed, they add up to the total to the last decimal.
    @Test func theRateSplitAddsUpAsPrinted() throws {
        func channel(_ id: String, _ label: String, _ purchases: Int, of visits: Int) -> ChannelRow {
            var row = ChannelRow(channel: id, label: label, visits: visits, journeysStarted: 0, journeysClosed: 0, orders: purchases,
                                 revenue: 0, attribution: Attribution())
            row.rates.visits = visits
            row.rates.purchases = purchases
            return row
        }
        var base = RenderFixtures.data(), new = RenderFixtures.data()
        base.period.name = "2026-W46"
        base.channels = [channel("search", "Search", 30, of: 750), channel("email", "E-mail", 20, of: 250)]
        new.channels = [channel("search", "Search", 18, of: 600), channel("email", "E-mail", 33, of: 300), channel("social", "Social", 2, of: 100)]
        let md = DiffMarkdown.render(try ReportDiff.compare(base: base, new: new))
        #expect(md.contains("\n- conversion by channel: +0.3 pp = +0.2 pp mix (Search share 75.0% → 60.0%) +0.1 pp rates (E-mail / newsletter 8.0% → 11.0%)\n"),
                "\(md)")
    }

    /// Whether `text` holds `part`, scalar for scalar (Foundation's `contains` may skip the word
    /// joiner, an ignorable character, and find what a Markdown renderer will not).
    static func has(_ text: String, _ part: String) -> Bool { Array(text.unicodeScalars).contains(Array(part.unicodeScalars)) }

    /// What a pull request turns into a link, an image, a notification or a reference stays
    /// text, wherever in the summary a value lands.
    @Test func escapeNeutralisesLinksMentionsReferencesAndBidiControls() {
        let e = DiffMarkdown.escape("![t](https://evil.example/p.png) @everyone me@evil.example #123 www.evil.example \u{202E}x\u{2066}")
        #expect(!Self.has(e, "!["))
        #expect(!Self.has(e, "://"))
        #expect(!Self.has(e, "@e"))
        #expect(!Self.has(e, "#1"))
        #expect(!Self.has(e.lowercased(), "www.e"))
        #expect(!e.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        #expect(e.contains("\u{FFFD}x\u{FFFD}"))
        // what is seen: the same characters, a word joiner after @, # and the URL markers
        #expect(e.replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "\\", with: "")
                == "![t](https://evil.example/p.png) @everyone me@evil.example #123 www.evil.example \u{FFFD}x\u{FFFD}")
    }

    /// GitHub renders `$...$` as mathematics: a dollar sign is escaped like the rest.
    @Test func dollarSignsMakeNoMathematics() {
        #expect(DiffMarkdown.escape("$x^2$ costs $5") == "\\$x^2\\$ costs \\$5")
    }

    /// A report.json's period name and dates reach the heading and subtitle escaped.
    @Test func periodNamesAndDatesAreEscaped() throws {
        var diff = try Self.hostileDiff()
        diff.new.name = "[x](https://evil.example) ![t](https://evil.example/p.png) <img src=x> @everyone #123 \u{202E}gnp"
        diff.new.first = "@admin"
        diff.new.last = "<b>www.evil.example</b>"
        let md = DiffMarkdown.render(diff)
        let head = md.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(!Self.has(head, "<"))
        #expect(!Self.has(head, "!["))
        #expect(!Self.has(head, "[x]("))
        #expect(!Self.has(head, "@everyone") && !Self.has(head, "@admin"))
        #expect(!Self.has(head, "#123"))
        #expect(!Self.has(head, "\u{202E}"))
        #expect(!Self.has(head, "www.evil"))
    }
}

/// diff.md's link to the published report (`publish.base_url`): the period's name from a
/// report.json is one percent-encoded path segment, so it can neither end the link nor add one.
@Suite struct DiffMarkdownLinkTests {
    @Test func theReportIsLinkedUnderTheBaseURL() throws {
        let diff = try DiffMarkdownTests.hostileDiff()
        let md = DiffMarkdown.render(diff, baseURL: "https://reports.example/journeys")
        #expect(md.contains("\n[The report of 2026-W47](https://reports.example/journeys/2026-W47/index.html)\n"))
        #expect(!DiffMarkdown.render(diff).contains("The report of"))
    }

    @Test func aHostilePeriodNameStaysInItsSegment() {
        #expect(DiffMarkdown.pathSegment("x)[y](javascript:alert(1))") == "x%29%5By%5D%28javascript%3Aalert%281%29%29")
        #expect(DiffMarkdown.pathSegment("../../etc") == "..%2F..%2Fetc")
        #expect(DiffMarkdown.pathSegment("..") == "%2E%2E")
        #expect(DiffMarkdown.pathSegment("2026-W47") == "2026-W47")
        #expect(DiffMarkdown.pathSegment("ü @#") == "%C3%BC%20%40%23")
    }
}
