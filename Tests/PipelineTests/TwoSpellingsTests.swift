import Foundation
import Pipeline
import Testing

/// A search term typed in two spellings of one string (a composed é, or e and a combining
/// accent, as some keyboards send it) is one term, and the report shows the same spelling of it
/// whichever the log has first.
@Suite(.serialized) struct TwoSpellingsTests {
    static let composed = "caf%C3%A9", decomposed = "cafe%CC%81"

    /// An access log of 24 people who each search once: person i in the first spelling when
    /// `firstSpellingForEven` says so for i's parity, else in the other.
    static func log(firstSpellingForEven: Bool) -> String {
        (0..<24).map { i in
            let term = (i % 2 == 0) == firstSpellingForEven ? decomposed : composed
            let ip = "198.51.100.\(10 + i)", minute = String(format: "%02d", i)
            return """
                \(ip) - - [18/Nov/2026:10:\(minute):00 +0100] "GET / HTTP/1.1" 200 10 "-" "Mozilla/5.0 (X11; Linux x86_64)"
                \(ip) - - [18/Nov/2026:10:\(minute):30 +0100] "GET /search?q=\(term) HTTP/1.1" 200 10 "-" "Mozilla/5.0 (X11; Linux x86_64)"
                """
        }.joined(separator: "\n") + "\n"
    }

    /// The report of `text`, written as `logs`/access.log (one folder for both runs, so that the
    /// reports name the same file).
    static func report(_ text: String, logs: String) throws -> (json: Data, page: Data) {
        try text.write(toFile: logs + "/access.log", atomically: true, encoding: .utf8)
        let out = try PipelineFixtures.scratch("spellings-out")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out, period: "2026-W47"), environment: [:])
        return (try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json")),
                try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/index.html")))
    }

    @Test func theReportIsTheSameWhicheverSpellingComesFirst() throws {
        let logs = try PipelineFixtures.scratch("spellings-logs")
        let a = try Self.report(Self.log(firstSpellingForEven: true), logs: logs)
        let b = try Self.report(Self.log(firstSpellingForEven: false), logs: logs)
        #expect(a.json == b.json)
        #expect(a.page == b.page)
        let json = try #require(try JSONSerialization.jsonObject(with: a.json) as? [String: Any])
        let terms = try #require(json["searchTerms"] as? [[String: Any]])
        let cafe = terms.compactMap { $0["value"] as? String }.filter { $0.hasPrefix("caf") }
        // one term, in its composed spelling, searched by all 24
        #expect(cafe.map { Array($0.utf8) } == [Array("caf\u{e9}".utf8)])
        #expect(terms.first { ($0["value"] as? String)?.hasPrefix("caf") == true }?["people"] as? Int == 24)
    }
}
