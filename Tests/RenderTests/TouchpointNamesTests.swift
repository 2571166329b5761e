import Compare
import Foundation
import JourneysCore
import ReportModel
import Testing
@testable import Render
import Sections

/// Touchpoints named per locale by the config (`labels:` on a rule): the page shows the name of
/// its language wherever a touchpoint appears, report.json keeps the id, and a touchpoint
/// without a name in that language keeps its id.
@Suite struct TouchpointNamesTests {
    static let names = ["de": ["Home": "Startseite", "Cart": "Warenkorb"], "en": ["Home": "Front page"]]

    static func render(_ locale: String, names: [String: [String: String]] = Self.names) throws -> String {
        ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates), page: PageOptions(touchpointNames: names))
            .report(RenderFixtures.withQuestions(locale: locale))
    }

    @Test func thePageNamesTouchpointsInItsLanguage() throws {
        let german = try Self.render("de"), english = try Self.render("en")
        // the map's box and its list of links, the loops table (Cart → ...), the paths
        #expect(german.contains("class=\"node-name\">Startseite</text>"))
        #expect(german.contains("<span class=\"flow-path\">Startseite → "))
        #expect(german.contains("<td>Warenkorb → "))
        #expect(german.contains("<td>Startseite → "))
        #expect(!german.contains(">Home<") && !german.contains("Home →") && !german.contains("<td>Cart "))
        // English has its own name for Home and none for Cart: Cart stays as the config's id
        #expect(english.contains("class=\"node-name\">Front page</text>") && english.contains("<td>Cart → "))
        #expect(!english.contains("Startseite") && !english.contains("Warenkorb"))
        // without names, the ids as written
        #expect(try Self.render("de", names: [:]).contains("class=\"node-name\">Home</text>"))
    }

    /// A name from the config is escaped like any text on the page.
    @Test func aNameIsEscaped() throws {
        let html = try Self.render("de", names: ["de": ["Home": RenderFixtures.hostile]])
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("class=\"node-name\">\\&quot;&gt;&lt;script&gt;".replacingOccurrences(of: "\\", with: "")))
    }

    /// The touchpoint of unmatched pages, which the report names itself, is in the page's language.
    @Test func unmatchedPagesAreNamedByTheCatalogue() {
        let de = PageLabels(catalogue: .builtIn("de"), style: NumberStyle(locale: "de", currency: "EUR"))
        let en = PageLabels(catalogue: .builtIn("en"), style: NumberStyle(locale: "en", currency: "EUR"))
        #expect(de.touchpoint("other") == "Sonstige" && en.touchpoint("other") == "other")
        #expect(de.path(["Home", "other"]) == "Home → Sonstige")
    }

    /// Two German weeks whose map and paths moved: a touchpoint, a link and a path that hold Home
    /// and Cart in the lists of what moved.
    static func movedDiff() throws -> ReportDiff {
        var base = RenderFixtures.data(locale: "de"), new = RenderFixtures.data(locale: "de")
        base.period.name = "2026-W46"
        base.journeyMap = JourneyMap(nodes: [.init(id: 0, touchpoint: "Home", phase: "awareness", views: 50, entries: 40, exits: 10, exitRate: 0.2),
                                             .init(id: 1, touchpoint: "Cart", phase: "purchase", views: 30, entries: 5, exits: 20, exitRate: 0.6667)],
                                     links: [.init(from: 0, to: 1, count: 25)])
        new.journeyMap = base.journeyMap
        new.journeyMap.nodes[1].views = 41
        new.journeyMap.links[0].count = 31
        base.paths = [PathRow(steps: ["Home", "Cart"], visits: 5, purchases: 1, conversionRate: 0.2)]
        new.paths = [PathRow(steps: ["Home", "Cart"], visits: 9, purchases: 1, conversionRate: 0.2)]
        return try ReportDiff.compare(base: base, new: new)
    }

    /// diff.html and diff.md name the touchpoints as the report does, in the report's language;
    /// without names (`journeys diff` on two published folders) they keep the ids.
    @Test func theDiffNamesTouchpointsLikeTheReport() throws {
        let diff = try Self.movedDiff()
        let renderer = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates),
                                      page: PageOptions(touchpointNames: Self.names))
        let page = renderer.diff(diff, published: true)
        let markdown = DiffMarkdown.render(diff, catalogue: renderer.catalogue(for: diff.locale))
        for text in [page, markdown] {
            #expect(text.contains("Warenkorb: 30 → 41"))
            #expect(text.contains("Startseite -&gt; Warenkorb: 25 → 31") || text.contains("Startseite -> Warenkorb: 25 → 31"))
            #expect(text.contains("Startseite &gt; Warenkorb: 5 → 9") || text.contains("Startseite > Warenkorb: 5 → 9"))
            #expect(!text.contains("Cart:") && !text.contains("Home -"))
        }
        let plain = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).diff(diff, published: true)
        #expect(plain.contains("Cart: 30 → 41") && !plain.contains("Warenkorb"))
    }

    /// report.json's touchpoints are ids: names never reach the data the page is drawn from.
    @Test func theDataKeepsTheIds() throws {
        let data = RenderFixtures.withQuestions(locale: "de")
        _ = try Self.render("de")
        #expect(data.journeyMap.nodes.map(\.touchpoint).contains("Home"))
    }
}

/// Data quality in words: the reasons lines were set aside and the files' read problems show as
/// words in the page's language, not as report.json's codes.
@Suite struct DataQualityWordsTests {
    @Test func everyReasonHasANameInEveryLanguage() {
        for locale in Catalogue.locales {
            let catalogue = Catalogue.builtIn(locale)
            for outcome in LineOutcome.allCases {
                #expect(catalogue.optional("reasonName.\(outcome.rawValue)") != nil, "\(locale): no name for \(outcome.rawValue)")
                #expect(catalogue.optional("reason.\(outcome.rawValue)") != nil, "\(locale): no explanation for \(outcome.rawValue)")
            }
        }
    }

    @Test func theTableShowsWordsNotCodes() throws {
        var data = RenderFixtures.data(locale: "de")
        data.input.reasons = [.init(reason: "bad_timestamp", explanation: "timestamp that is not a real date and time", count: 4, isRejected: true),
                              .init(reason: "status_4xx", explanation: "client error response (4xx)", count: 2, isRejected: false),
                              .init(reason: "from_a_newer_journeys", explanation: "something new", count: 1, isRejected: true)]
        data.input.samples = [.init(reason: "bad_timestamp", file: "access.log", line: 7, text: "x")]
        data.input.files[0].damage = "gzip data is damaged (zlib error -3)"
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).report(data)
        let section = try #require(html.components(separatedBy: "<section id=\"data-quality\">").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(section.contains("<tr><td>Ungültige Zeitangabe</td>") && section.contains("<tr><td>Client-Fehler (4xx)</td>"))
        #expect(!section.contains("bad_timestamp") && !section.contains("status_4xx"))
        // a code this journeys does not know stays as written
        #expect(section.contains("<tr><td>from_a_newer_journeys</td>"))
        #expect(section.contains("<th>Lesefehler</th>") && !section.contains("Schaden"))
        #expect(section.contains("gzip-Daten sind beschädigt (zlib-Fehler -3)"))
    }

    @Test func readProblemsInWords() {
        let de = PageLabels(catalogue: .builtIn("de"), style: NumberStyle(locale: "de", currency: "EUR"))
        let en = PageLabels(catalogue: .builtIn("en"), style: NumberStyle(locale: "en", currency: "EUR"))
        #expect(de.fileDamage("gzip data ends early (truncated file)") == "gzip-Daten enden vorzeitig (Datei abgeschnitten)")
        #expect(de.fileDamage("read error: Input/output error") == "Lesefehler: Input/output error")
        #expect(de.fileDamage("read error: the file ended before its size") == "Lesefehler: die Datei endete vor ihrer angegebenen Größe")
        #expect(en.fileDamage("gzip data is damaged (zlib error -3)") == "gzip data is damaged (zlib error -3)")
        #expect(de.fileDamage("gzip data is damaged (zlib error x)") == "gzip data is damaged (zlib error x)")
        #expect(de.fileDamage("something else") == "something else")
    }
}
