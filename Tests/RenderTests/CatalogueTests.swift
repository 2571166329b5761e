import Foundation
@testable import Render
import ReportModel
import Testing
import Sections

/// The catalogues of the pages' words: every locale has every key, the files in
/// `report-templates/strings/` are the built-in catalogues, every key the templates use exists,
/// and a user's file adds and overrides texts, which stay escaped.
@Suite struct CatalogueTests {
    static let stringsFolder = RenderFixtures.templates + "/strings"

    /// The texts of `report-templates/strings/<locale>.json`.
    static func file(_ locale: String) throws -> [String: String] {
        let path = "\(stringsFolder)/\(locale).json"
        return try Catalogue.parse(try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
    }

    /// Every catalogue has the English one's keys; the other languages also name every key
    /// figure, whose English words report.json carries (`KPIDefinitions`).
    @Test func everyCatalogueHasTheSameKeys() throws {
        let english = Catalogue.builtIn("en").entries
        let figures = Set(KPIDefinition.all.flatMap { ["kpi.\($0.id).label", "kpi.\($0.id).definition"] })
        #expect(Catalogue.locales == ["de", "en"])
        for locale in Catalogue.locales {
            let keys = Set(Catalogue.builtIn(locale).entries.keys)
            let expected = locale == "en" ? Set(english.keys) : Set(english.keys).union(figures)
            let missing = expected.subtracting(keys).sorted(), extra = keys.subtracting(expected).sorted()
            #expect(missing.isEmpty, "keys missing in the \(locale) catalogue: \(missing)")
            #expect(extra.isEmpty, "keys only in the \(locale) catalogue: \(extra)")
        }
    }

    /// Each key figure's English label and definition are written once, in `KPIDefinitions`:
    /// the English catalogue repeats none of them (only a definition that takes a figure, such
    /// as the retention cost's year, is worded there), so the page and report.json cannot drift.
    @Test func keyFiguresAreWordedOnceInEnglish() {
        let english = Catalogue.builtIn("en")
        for k in KPIDefinition.all {
            #expect(english.optional("kpi.\(k.id).label") == nil, "\(k.id)")
            if let worded = english.optional("kpi.\(k.id).definition") {
                #expect(english.entries["kpi.\(k.id).definition"]?.contains("{") == true, "\(k.id): \(worded)")
            }
        }
    }

    /// The files beside the templates are what journeys has built in (the build embeds them), and
    /// every file there is a language journeys knows.
    @Test func theFilesAreTheBuiltInCatalogues() throws {
        for locale in Catalogue.locales {
            let file = try Self.file(locale), builtIn = Catalogue.builtIn(locale, sections: []).entries
            let differ = Set(file.keys).union(builtIn.keys).filter { file[$0] != builtIn[$0] }.sorted()
            #expect(differ.isEmpty, "strings/\(locale).json and the catalogue the build embedded differ at \(differ)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.stringsFolder).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == Catalogue.locales.map { "\($0).json" })
    }

    /// A translation fills the same figures as the English text. The funnel chart's English text
    /// lowercases the step's name in a sentence; German keeps nouns as they are. The forms of
    /// dates, periods and durations may use any part they are given: English writes the ISO form
    /// and pads seconds, German writes day, week and month and does not.
    @Test func translationsUseTheSamePlaceholders() {
        let english = Catalogue.builtIn("en").entries
        let alternatives: [String: Set<String>] = [
            "funnel.chart.drop": ["step", "stepLowercased"],
            "format.date": ["iso", "day", "month", "year"],
            "format.week": ["iso", "week", "year"],
            "format.month": ["iso", "monthName", "year"],
            "format.range": ["iso", "first", "last"],
            "format.duration.minutes": ["minutes", "seconds", "paddedSeconds"],
        ]
        for locale in Catalogue.locales where locale != "en" {
            for (key, text) in Catalogue.builtIn(locale).entries {
                let mine = Catalogue.placeholders(in: text), theirs = Catalogue.placeholders(in: english[key] ?? "")
                if let allowed = alternatives[key] {
                    #expect(mine.isSubset(of: allowed.union(theirs)), "\(locale) \(key): \(mine)")
                } else {
                    #expect(mine == theirs, "\(locale) \(key): \(mine.sorted()) against English \(theirs.sorted())")
                }
            }
        }
    }

    /// `{{t.a.b}}` walks the keys by their dots, so no key may also be the start of another.
    @Test func noKeyIsTheStartOfAnother() {
        let keys = Catalogue.builtIn("en").entries.keys
        let clashes = keys.filter { key in keys.contains { $0.hasPrefix(key + ".") } }.sorted()
        #expect(clashes.isEmpty, "\(clashes)")
    }

    @Test func everyKeyTheTemplatesUseExists() throws {
        let english = Catalogue.builtIn("en").entries
        let sections = try FileManager.default.contentsOfDirectory(atPath: "\(RenderFixtures.templates)/sections")
            .filter { $0.hasSuffix(".mustache") }.map { "sections/" + $0.dropLast(".mustache".count) }
        #expect(sections.count == SectionList.all.filter { $0.section == nil }.count)
        for name in ["report", "index", "diff"] + sections.sorted() {
            let text = try String(contentsOfFile: "\(RenderFixtures.templates)/\(name).mustache", encoding: .utf8)
            let used = text.components(separatedBy: "{{t.").dropFirst().compactMap { $0.components(separatedBy: "}}").first }
            #expect(!used.isEmpty || name.hasPrefix("sections/"))
            let unknown = used.filter { english[$0] == nil }
            #expect(unknown.isEmpty, "\(name).mustache uses keys no catalogue has: \(unknown)")
            // everything the pages say comes from the catalogue: no {{{ }}} for text
            let raw = text.components(separatedBy: "{{{").dropFirst().compactMap { $0.components(separatedBy: "}}}").first }
            #expect(Set(raw).isSubset(of: ["css", "funnelSVG", "journeyMapSVG", "heatmapSVG", ".", "spark", "body"]), "\(name): \(raw)")
        }
    }

    @Test func aMissingKeyShowsAsItselfAndPlaceholdersFill() {
        let c = Catalogue(locale: "en", entries: ["a.b": "{n} of {m} {unknown} {"])
        #expect(c.text("a.b", ["n": "1", "m": "2"]) == "1 of 2 {unknown} {")
        #expect(c.text("no.such.key") == "no.such.key")
        #expect(c.optional("no.such.key") == nil)
        // a value is put in once, never read again for placeholders
        #expect(c.text("a.b", ["n": "{m}", "m": "2"]) == "{m} of 2 {unknown} {")
    }

    /// A copy of the templates folder whose `strings/de.json` holds `texts`.
    static func templatesWith(_ texts: String, locale: String = "de") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeys-strings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/strings", withIntermediateDirectories: true)
        for name in ["report.mustache", "index.mustache", "diff.mustache", "report.css", "sections"] {
            try FileManager.default.copyItem(atPath: "\(RenderFixtures.templates)/\(name)", toPath: "\(folder)/\(name)")
        }
        try texts.write(toFile: "\(folder)/strings/\(locale).json", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aUserFileOverridesAndAddsTextsAndTheyStayEscaped() throws {
        let folder = try Self.templatesWith(#"{"kpis.title": "Zahlen <script>alert(1)</script> & mehr", "my.own.key": "eigen"}"#)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let templates = try ReportTemplates(directory: folder)
        #expect(templates.catalogue(for: "de").text("my.own.key") == "eigen")
        // the other texts stay the built-in ones
        #expect(templates.catalogue(for: "de").text("funnel.title") == "Funnel")
        let html = ReportRenderer(templates: templates).report(RenderFixtures.data(locale: "de"))
        #expect(html.contains("<h2>Zahlen &lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr</h2>"))
        #expect(!html.contains("<script"))
        // English pages are not touched by the German file
        #expect(ReportRenderer(templates: templates).report(RenderFixtures.data()).contains("<h2>Key figures</h2>"))
    }

    @Test func aBrokenUserFileNamesItself() throws {
        for texts in [#"{"kpis.title": 3}"#, "kpis.title: Zahlen", #"["a"]"#] {
            let folder = try Self.templatesWith(texts)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            do {
                _ = try ReportTemplates(directory: folder)
                Issue.record("\(texts) was accepted")
            } catch let error as RenderError {
                #expect(error.file == folder + "/strings/de.json")
            }
        }
    }

    /// Phase names and the forms of figures are catalogue texts like any other: a user's file
    /// rewords them on the page.
    @Test func aUserFileRewordsPhasesAndFigures() throws {
        let folder = try Self.templatesWith(#"{"phase.retention": "Treue", "format.percent": "{value} Prozent"}"#)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let templates = try ReportTemplates(directory: folder)
        let style = NumberStyle(catalogue: templates.catalogue(for: "de"), currency: "EUR")
        #expect(style.percent(0.4504) == "45,0 Prozent")
        #expect(style.money(1234.5) == "1.234,50\u{A0}€")
        let html = ReportRenderer(templates: templates).report(RenderFixtures.data(locale: "de"))
        #expect(html.contains(">Treue<"))
        #expect(!html.contains(">Bindung<"))
        #expect(html.contains(" Prozent"))
    }

    /// A templates folder of an older journeys, without `strings/`, renders with the built-in words.
    @Test func noStringsFolderMeansTheBuiltInTexts() throws {
        let folder = try Self.templatesWith("{}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder + "/strings")
        let html = ReportRenderer(templates: try ReportTemplates(directory: folder)).report(RenderFixtures.data(locale: "de"))
        #expect(html.contains("<h2>Kennzahlen</h2>"))
    }

    /// A section in a folder of its own brings its words in every language journeys speaks, with
    /// the same placeholders, none of them a key the page's catalogue or another section has, and
    /// its partial uses only keys the catalogue then holds.
    @Test func everySectionFolderBringsItsWordsInEveryLanguage() throws {
        let page = Catalogue.builtIn("en", sections: []).entries
        var seen = Set<String>()
        for entry in SectionList.all {
            guard let resources = entry.resources else { continue }
            #expect(Set(resources.words.keys) == Set(Catalogue.locales), "\(entry.id)")
            let words = try resources.words.mapValues { try Catalogue.parse(Data($0.utf8), file: entry.id) }
            let english = try #require(words["en"])
            for (locale, texts) in words {
                #expect(Set(texts.keys) == Set(english.keys), "\(entry.id) \(locale)")
                for (key, text) in texts {
                    #expect(Catalogue.placeholders(in: text) == Catalogue.placeholders(in: english[key] ?? ""), "\(entry.id) \(locale) \(key)")
                }
            }
            #expect(english.keys.allSatisfy { page[$0] == nil && !seen.contains($0) }, "\(entry.id) rewords a key of the page or another section")
            seen.formUnion(english.keys)
            #expect(english[entry.heading] != nil, "\(entry.id) has no heading")
            let catalogue = Catalogue.builtIn("en").entries
            let used = resources.partial.components(separatedBy: "{{t.").dropFirst().compactMap { $0.components(separatedBy: "}}").first }
            #expect(!used.isEmpty && used.allSatisfy { catalogue[$0] != nil }, "\(entry.id): \(used.filter { catalogue[$0] == nil })")
        }
    }
}
