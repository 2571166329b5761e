import Foundation
import Pipeline
import Testing

/// The demo's W46 and then W47 published with `locale: de`, as PublishedWeeks does in English:
/// made once per test process and only read by the tests.
enum PublishedGermanWeeks {
    static let published: Result<(output: String, config: String), any Error> = Result {
        let weekly = try String(contentsOfFile: PipelineFixtures.weeklyConfig, encoding: .utf8)
        precondition(weekly.contains("\nlocale: en\n"))
        let config = try PipelineFixtures.writeConfig(weekly.replacingOccurrences(of: "\nlocale: en\n", with: "\nlocale: de\n"))
        let out = try PipelineFixtures.scratch("published-weeks-de")
        for week in ["2026-W46", "2026-W47"] {
            var options = PipelineFixtures.options(logs: try PublishedWeeks.logs(), output: out, period: week)
            options.pipeline = config
            _ = try ReportPipeline.run(options, environment: [:])
        }
        return (out, config)
    }

    static func folder() throws -> String { try published.get().output }

    static func read(_ file: String) throws -> String { try String(contentsOfFile: try folder() + "/" + file, encoding: .utf8) }
}

/// `locale: de` gives German pages: the report, its comparison, the index and diff.md; the
/// report links what is published beside it; and the German pages pass the W3C checker.
@Suite struct GermanReportTests {
    @Test func theWeekIsInGermanAndLinksWhatIsPublished() throws {
        let w47 = try PublishedGermanWeeks.read("2026-W47/index.html")
        #expect(w47.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"de\">"))
        #expect(w47.contains("<h1>Customer Journeys <span class=\"period\">KW 47/2026</span></h1>"))
        #expect(w47.contains("16.11.2026 bis 22.11.2026"))
        // W46 was published before: linked; W48 is not: no link; the diff and report.json beside it
        #expect(w47.contains("<a href=\"../2026-W46/index.html\" rel=\"prev\">← KW 46/2026</a>"))
        #expect(!w47.contains("rel=\"next\""))
        #expect(w47.contains("<a href=\"diff.html\">") && w47.contains("<a href=\"report.json\">"))
        // W46 came first: nothing before it; publishing W47 gave it its link forward
        let w46 = try PublishedGermanWeeks.read("2026-W46/index.html")
        #expect(!w46.contains("rel=\"prev\"") && !w46.contains("diff.html"))
        #expect(w46.contains("<a href=\"../2026-W47/index.html\" rel=\"next\">KW 47/2026 →</a>"))
        #expect(w46.contains("<a href=\"report.json\">"))

        let index = try PublishedGermanWeeks.read("index.html")
        #expect(index.contains("lang=\"de\"") && index.contains("<section id=\"weeks\">") && index.contains(">KW 47/2026</a>"))
        #expect(index.contains("href=\"2026-W47/diff.html\""))
        let diff = try PublishedGermanWeeks.read("2026-W47/diff.html")
        #expect(diff.contains("lang=\"de\"") && diff.contains("KW 47/2026 gegenüber KW 46/2026"))
        #expect(try PublishedGermanWeeks.read("2026-W47/diff.md").hasPrefix("## Customer Journeys: KW 47/2026 gegenüber KW 46/2026\n"))
        // report.json stays as it is in every language: ISO names, English definitions
        let json = try PipelineFixtures.reportJSON(try PublishedGermanWeeks.folder(), "2026-W47")
        #expect((json["period"] as? [String: Any])?["name"] as? String == "2026-W47")
    }

    /// The touchpoints carry the German names the config gives them (`labels: { de: ... }`) on
    /// the page; report.json keeps the ids the rules count under.
    @Test func touchpointsAreNamedInGerman() throws {
        let w47 = try PublishedGermanWeeks.read("2026-W47/index.html")
        #expect(w47.contains("class=\"node-name\">Warenkorb</text>") && w47.contains("class=\"node-name\">Startseite</text>"))
        #expect(!w47.contains("class=\"node-name\">Cart</text>") && !w47.contains("class=\"node-name\">Home</text>"))
        let json = try PipelineFixtures.reportJSON(try PublishedGermanWeeks.folder(), "2026-W47")
        let nodes = try #require((json["journeyMap"] as? [String: Any])?["nodes"] as? [String: [String: Any]])
        let names = Set(nodes.keys).union(nodes.values.compactMap { $0["touchpoint"] as? String })
        #expect(names.contains("Cart") && names.contains("Home") && !names.contains("Warenkorb") && !names.contains("Startseite"))
        // the comparison with the week before names them alike, in its lists of what moved
        for file in ["2026-W47/diff.html", "2026-W47/diff.md"] {
            let diff = try PublishedGermanWeeks.read(file)
            #expect(diff.contains("Warenkorb -") && diff.contains("Startseite -"), "\(file)")
            #expect(!diff.contains("Cart:") && !diff.contains("Home:") && !diff.contains("Cart -") && !diff.contains("Home -"), "\(file)")
        }
    }

    /// The page's text has none of the English words the English page is made of, but in the
    /// names the config gives touchpoints and support contacts.
    @Test func noEnglishInTheGermanPage() throws {
        let config = try ConfigLoader.load(path: try PublishedGermanWeeks.published.get().config)
        let names = (config.touchpointRules.map(\.touchpoint) + config.supportContacts.map(\.name)).sorted { $0.count > $1.count }
        for page in ["2026-W47/index.html", "2026-W47/diff.html", "index.html"] {
            var text = try PublishedGermanWeeks.read(page)
            if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") { text.removeSubrange(start.lowerBound..<end.upperBound) }
            text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            for name in names { text = text.replacingOccurrences(of: name, with: " ") }
            for word in ["visits", "Orders", "Revenue", "conversion", "Journey map", "Satisfaction", "Support", "of visits", "views", "exit",
                         "Key figures", "Channel", "customers", "answers"] {
                let pattern = "(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\p{L}])"
                #expect(text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) == nil, "\(page): \(word)")
            }
        }
    }

    @Test func theGermanPagesPassTheW3CChecker() throws {
        guard let checker = HTML5CheckerTests.checker() else { try RequiredTool.missing(HTML5CheckerTests.missingReason) }
        let out = try PublishedGermanWeeks.folder()
        try PipelineFixtures.checkSchema(output: out)
        let files = ["2026-W47/index.html", "2026-W47/diff.html", "2026-W46/index.html", "index.html"].map { out + "/" + $0 }
        let (status, output) = try HTML5CheckerTests.check(checker, files)
        #expect(status == 0, "W3C checker: \(output)")
    }
}
