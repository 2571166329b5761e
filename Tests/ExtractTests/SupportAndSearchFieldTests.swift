import JourneysCore
import Testing
@testable import Extract

/// The fields the CX sections read: site-search terms, the CES scale, and handling times that
/// support exports log.
@Suite struct SupportAndSearchFieldTests {
    func event(_ target: String, options: ExtractOptions = ExtractOptions()) throws -> (Event, ExtractResult) {
        let r = try extract(lines: [combined(request: "GET \(target) HTTP/1.1")], options: options)
        return (try #require(r.events.first), r.result)
    }

    @Test func searchTermsAreDecodedLowerCasedAndCollapsed() throws {
        let (e, r) = try event("/search?q=Wool++Socks%20%20GREY&page=2")
        #expect(r.symbols[e.searchTerm] == "wool socks grey")
        #expect(try event("/search?q=%20%20").0.searchTerm.isNone)
        var options = ExtractOptions()
        options.searchParameter = "query"
        let (f, s) = try event("/suche?query=M%C3%BCtze", options: options)
        #expect(s.symbols[f.searchTerm] == "mütze")
        #expect(try event("/search?q=x", options: options).0.searchTerm.isNone)
    }

    /// Plain ASCII terms are read on their bytes; the same terms with every byte but `+` escaped
    /// are decoded as text first: both give the same term, up to the cut at 100 characters.
    @Test func termsOfPlainBytesAreTheTermsOfTheirDecodedText() throws {
        let hex = Array("0123456789ABCDEF")
        let plain = ["Wool+Socks", "++Wool+++SOCKS++", "A-B_C.d~E!*Z[`@", "+++", String(repeating: "Ab+", count: 60),
                     String(repeating: "x", count: 99) + "+y", String(repeating: "x", count: 100) + "+y", String(repeating: "Q", count: 130)]
        for value in plain {
            let escaped = value.utf8.map { $0 == 0x2B ? "+" : "%\(hex[Int($0 >> 4)])\(hex[Int($0 & 15)])" }.joined()
            let (a, r) = try event("/search?q=\(value)"), (b, s) = try event("/search?q=\(escaped)")
            let term = a.searchTerm.isNone ? nil : r.symbols[a.searchTerm]
            #expect(term == (b.searchTerm.isNone ? nil : s.symbols[b.searchTerm]), "\(value)")
            #expect(term.map { $0.count <= 100 && $0 == $0.lowercased() } ?? true)
        }
        #expect(try event("/search?q=+++").0.searchTerm.isNone)
    }

    @Test func cesAnswersAreReadOnTheConfiguredScale() throws {
        #expect(try event("/survey?type=ces&score=5").0.survey == SurveyAnswer(kind: .ces, score: 5))
        #expect(try event("/survey?type=ces&score=7").0.survey == nil)  // a 5-point scale by default
        var options = ExtractOptions()
        options.cesPoints = 7
        #expect(try event("/survey?type=ces&score=7", options: options).0.survey == SurveyAnswer(kind: .ces, score: 7))
    }

    @Test func jsonEventsCarryAHandlingTime() throws {
        let r = try extract(lines: [
            #"{"type":"track","event":"Chat Ended","anonymousId":"a-1","timestamp":"2026-11-16T09:05:03Z","properties":{"duration":312.4}}"#,
            #"{"type":"track","event":"Chat Ended","anonymousId":"a-2","timestamp":"2026-11-16T09:06:03Z","properties":{"duration":"-5"}}"#,
            #"{"type":"track","event":"Chat Ended","anonymousId":"a-3","timestamp":"2026-11-16T09:07:03Z"}"#,
        ], name: "support.jsonl")
        #expect(r.events.map(\.handlingSeconds) == [312, -1, -1])
    }

    @Test func csvExportsCarryAHandlingTimeColumn() throws {
        var options = ExtractOptions()
        var mapping = CSVMapping(time: "time", type: "type")
        mapping.device = "visitor"
        mapping.duration = "seconds"
        options.csvMapping = mapping
        let r = try extract(lines: ["time,type,visitor,seconds", "1794819963,callback_done,v-1,95", "1794819964,callback_done,v-2,"],
                            name: "support.csv", options: options)
        #expect(r.events.map(\.handlingSeconds) == [95, -1])
    }
}
