import Foundation
import Render
import ReportModel
import Testing
import Validate
import Sections

/// The same report in German and in English: the German page says nothing in English but the
/// values the logs and the config bring, both pages are valid, and the page's language is
/// declared.
@Suite struct GermanPageTests {
    /// Every section of the page filled: the CX sections, the predicted value, cohorts, the
    /// lifecycle, and every key figure report.json knows, named in English as report.json names them.
    static func fullReport(locale: String) -> ReportData {
        var data = RenderFixtures.withQuestions(locale: locale)
        data.clvModel = CLVModelSectionTests.fitted
        data.cohorts = CohortTable(monthsSince: 2, rows: [.init(cohort: "2026-09", customers: 120, buyers: [120, 14], shares: [1, 0.1167])])
        data.lifecycle = LifecycleInfo(week: "2026-W47", counts: ["new": 30, "returning": 120, "dormant": 40, "lost": 12, "resurrected": 2],
                                       flows: [.init(from: nil, to: "new", customers: 30), .init(from: "returning", to: "dormant", customers: 9)])
        data.sessionRules.summary = "matomo: timeout 30 min, new visit on campaign change, split at midnight, max visit 24 h, out-of-order tolerance 5 min"
        data.sessionRules.identity = "customer id from the log's user field > session cookie, else keyed hash of IP + user agent; "
            + "a device's visits join the customer it logged in as"
        data.segments.append(SegmentRow(dimension: "visitor", segment: "returning", visits: 3, bounceRate: 0.2, conversionRate: 0.1, orders: 1, revenue: 40))
        data.input.resorted = [.init(file: "export.csv", events: 100, moved: 12)]
        data.input.reasons.append(.init(reason: "bot", explanation: "user agent of a bot, crawler, monitor or script", count: 3, isRejected: false))
        // every key figure, worded as report.json words it
        data.kpis = KPIDefinition.all.sorted { $0.id < $1.id }.map { d in
            let key = d.id
            var k = KPI(key: key, label: d.label, unit: key.contains("rate") ? .ratio : key.contains("seconds") ? .seconds : .count,
                        value: 0.4, previous: 0.3, better: .higher, significant: true, definition: d.formula)
            k.trend = [TrendPoint(period: "2026-W44", value: 0.35), TrendPoint(period: "2026-W45", value: 0.25),
                       TrendPoint(period: "2026-W46", value: 0.3), TrendPoint(period: "2026-W47", value: 0.4)]
            k.yearAgo = 0.2
            k.yearAgoSignificant = false
            return k
        }
        data.input.lateEvents = 2
        data.period.isPartial = true
        return data
    }

    static func render(_ data: ReportData, hasDiff: Bool = true, previous: String? = "2026-W46", next: String? = "2026-W48") throws -> String {
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates))
            .report(data, hasDiff: hasDiff, previous: previous, next: next)
        let issues = MarkupValidator().check(Array(html.utf8), file: "index.html", documentDirectory: "out/2026-W47", root: "out")
        #expect(issues.isEmpty, "\(issues)")
        return html
    }

    /// The page's text as a reader meets it (text, titles of the charts, labels), without the
    /// stylesheet and without `<code>` (ids, paths and log lines), entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for (open, close) in [("<style>", "</style>"), ("<code>", "</code>")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
            }
        }
        // attribute values people read: aria-label
        let labels = text.components(separatedBy: "aria-label=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression) + " " + labels.joined(separator: " ")
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: char)
        }
        return text
    }

    /// Common English words of the page, each of which the English page uses.
    static let englishWords = ["visits", "orders", "revenue", "conversion", "journey map", "satisfaction", "support", "of visits",
                               "views", "exit", "visitors", "customers", "answers", "people", "partial", "previous", "significant",
                               "within noise", "key figures", "channel", "device", "share", "purchases", "touchpoint", "contents",
                               "all periods", "drop-off", "funnel", "rate", "vs", "pp", "n/a", "days", "weeks", "mon", "sun", "trend",
                               "from", "to", "and", "the", "of", "with", "by", "per", "new", "returning", "high", "lost", "small sample",
                               "nothing", "period", "carts", "recovered", "abandoned", "contacts", "handling time"]

    /// English words a German analyst uses as they are (docs/glossary.md): the German page may
    /// use them.
    static let loanwords: Set<String> = ["touchpoint", "funnel"]

    /// The values the fixture's logs and config bring: touchpoint and support names, the hostile
    /// value, file names.
    static let logValues = [Markup.clean(RenderFixtures.hostile), "Home", "Cart", "Checkout", "Chat", "export.csv", "access.log-", "tv", "matomo", "Europe/Berlin"]

    static func englishLeftovers(_ html: String) -> [String] {
        var text = visibleText(html)
        for value in logValues { text = text.replacingOccurrences(of: value, with: " ") }
        return englishWords.filter { word in
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\p{L}\\p{N}])"
            return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
        }
    }

    @Test func theGermanPageHasNoEnglishLeftovers() throws {
        let english = try Self.render(Self.fullReport(locale: "en"))
        let german = try Self.render(Self.fullReport(locale: "de"))
        // the words are the English page's: the check can find what it looks for
        let missing = Self.englishWords.filter { !Self.englishLeftovers(english).contains($0) }
        #expect(missing.isEmpty, "the English page does not use \(missing)")
        let leftovers = Self.englishLeftovers(german).filter { !Self.loanwords.contains($0) }
        #expect(leftovers.isEmpty, "English in the German page: \(leftovers)")
    }

    @Test func theLanguageIsDeclared() throws {
        #expect(try Self.render(Self.fullReport(locale: "de")).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"de\">"))
        #expect(try Self.render(Self.fullReport(locale: "en")).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
    }

    /// No placeholder left unfilled and no key shown instead of its text.
    @Test func everyTextIsFilled() throws {
        for locale in ["en", "de"] {
            // config keys the definitions name are not catalogue keys
            let text = Self.visibleText(try Self.render(Self.fullReport(locale: locale)))
                .replacingOccurrences(of: "kpis.customer_lifespan_years", with: "").replacingOccurrences(of: "kpis.retention_spend", with: "")
            #expect(text.range(of: "\\{[A-Za-z]+\\}", options: .regularExpression) == nil, "\(locale): a placeholder is left")
            let prefixes = Set(Catalogue.builtIn(locale).entries.keys.map { String($0.prefix { $0 != "." }) })
            for prefix in prefixes {
                #expect(text.range(of: "\\b\(prefix)\\.[A-Za-z_]", options: .regularExpression) == nil, "\(locale): a key of \(prefix) is shown")
            }
        }
    }

    @Test func germanFormats() throws {
        let html = try Self.render(Self.fullReport(locale: "de"))
        #expect(html.contains("<span class=\"period\">KW 47/2026</span>"))
        #expect(html.contains("16.11.2026 bis 22.11.2026"))
        #expect(html.contains("8\u{A0}Min.\u{A0}45\u{A0}Sek."))
        #expect(html.contains("1.234,50\u{A0}€"))
        // ids and file names stay as they are
        #expect(html.contains("href=\"../2026-W46/index.html\""))
        #expect(html.contains("<section id=\"kpis\">"))
        // phase and channel names
        #expect(html.contains("Bindung") && html.contains("E-Mail / Newsletter") && html.contains("Direkt"))
    }

    /// The contents list links each part of the page once, in page order, each to a section the
    /// page has: short enough never to fill the first screen.
    @Test func theContentsLinkEveryPartOfThePage() throws {
        for data in [Self.fullReport(locale: "en"), RenderFixtures.data()] {
            let html = try Self.render(data)
            let sections = html.components(separatedBy: "<section id=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
            let start = try #require(html.range(of: "<nav class=\"toc\""))
            let end = try #require(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
            let links = html[start.lowerBound..<end.lowerBound].components(separatedBy: "href=\"#").dropFirst()
                .compactMap { $0.components(separatedBy: "\"").first }
            // the journey, channels, customers, satisfaction and support, the appendix
            #expect(links.count == 5 && links.first == "funnel" && links.last == "appendix", "\(links)")
            #expect(html.contains("<div id=\"appendix\""))
            let places = links.dropLast().compactMap { sections.firstIndex(of: $0) }
            #expect(places.count == 4 && places == places.sorted(), "\(links) against \(sections)")
            // after the first screen's two sections, before the journey
            let changes = try #require(html.range(of: "<section id=\"changes\">"))
            let funnel = try #require(html.range(of: "<section id=\"funnel\">"))
            #expect(changes.upperBound < start.lowerBound && start.upperBound < funnel.lowerBound)
        }
    }

    @Test func linksGoOnlyToWhatIsPublished() throws {
        let all = try Self.render(RenderFixtures.data(locale: "de"), hasDiff: true, previous: "2026-W46", next: "2026-W48")
        #expect(all.contains("<a href=\"../2026-W46/index.html\" rel=\"prev\">← KW 46/2026</a>"))
        #expect(all.contains("<a href=\"../2026-W48/index.html\" rel=\"next\">KW 48/2026 →</a>"))
        #expect(all.contains("href=\"diff.html\"") && all.contains("href=\"report.json\""))
        let alone = try Self.render(RenderFixtures.data(locale: "de"), hasDiff: false, previous: nil, next: nil)
        #expect(!alone.contains("rel=\"prev\"") && !alone.contains("rel=\"next\"") && !alone.contains("diff.html"))
        #expect(alone.contains("href=\"report.json\"") && alone.contains("href=\"../index.html\""))
    }

    /// The index groups weeks, months and ranges apart, and draws each key figure's line over
    /// the whole periods of its group.
    @Test func theIndexGroupsPeriodsAndShowsTrends() throws {
        func entry(_ name: String, _ first: String, _ last: String, visits: Double, partial: Bool = false) -> ReportRenderer.IndexEntry {
            var data = RenderFixtures.data(locale: "de")
            data.period.name = name
            data.period.first = first
            data.period.last = last
            data.period.isPartial = partial
            data.kpis[0].value = visits
            return .init(data: data)
        }
        // newest first, as the publish stage lists them
        let entries = [entry("2026-11", "2026-11-01", "2026-11-30", visits: 5000, partial: true), entry("2026-W47", "2026-11-16", "2026-11-22", visits: 1234),
                       entry("2026-W46", "2026-11-09", "2026-11-15", visits: 1000), entry("2026-W45", "2026-11-02", "2026-11-08", visits: 900),
                       entry("2026-W44", "2026-10-26", "2026-11-01", visits: 1100), entry("2026-11-02..2026-11-15", "2026-11-02", "2026-11-15", visits: 2000),
                       entry("2026-10", "2026-10-01", "2026-10-31", visits: 4000)]
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).index(entries)
        let issues = MarkupValidator().check(Array(html.utf8), file: "index.html", documentDirectory: "out", root: "out")
        #expect(issues.isEmpty, "\(issues)")
        #expect(html.contains("lang=\"de\""))
        let weeks = try #require(html.range(of: "<section id=\"weeks\">")), months = try #require(html.range(of: "<section id=\"months\">"))
        let ranges = try #require(html.range(of: "<section id=\"ranges\">"))
        // the group of the newest period first
        #expect(months.lowerBound < weeks.lowerBound && weeks.lowerBound < ranges.lowerBound)
        let weekSection = html[weeks.lowerBound..<ranges.lowerBound], monthSection = html[months.lowerBound..<weeks.lowerBound]
        #expect(weekSection.contains(">KW 47/2026</a>") && weekSection.contains(">KW 46/2026</a>") && !weekSection.contains("November 2026"))
        // four whole weeks: a line; the months have one whole month only (November is partial): none
        #expect(weekSection.contains("<title>Besuche, Verlauf: KW 44/2026 1.100, KW 45/2026 900, KW 46/2026 1.000, KW 47/2026 1.234</title>"))
        #expect(!monthSection.contains("<svg"))
        #expect(monthSection.contains(">November 2026</a> <span class=\"badge\">unvollständig</span>"))
        #expect(html.contains("href=\"2026-11-02..2026-11-15/index.html\" class=\"period\">02.11.2026–15.11.2026</a>"))
    }
}

/// The comparison's heading wraps between its two periods, never inside one: on a phone "KW 47/2026"
/// stays on one line. The page's title and diff.md keep plain spaces.
@Suite struct DiffHeadingTests {
    @Test func thePeriodsInTheHeadingDoNotBreak() throws {
        let diff = try TouchpointNamesTests.movedDiff()
        let page = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).diff(diff, published: true)
        #expect(diff.new.name == "2026-W47" && diff.base.name == "2026-W46")
        let heading = try #require(page.components(separatedBy: "<span class=\"periods\">").dropFirst().first?.components(separatedBy: "</span>").first)
        #expect(heading == "KW\u{00A0}47/2026 gegenüber KW\u{00A0}46/2026")
        #expect(page.contains("<title>") && !page.components(separatedBy: "</title>")[0].contains("\u{00A0}"))
    }
}
