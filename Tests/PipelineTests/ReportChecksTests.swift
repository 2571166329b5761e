import Foundation
import Testing

/// The tests' own readings of report.json: a strict JSON parser that keeps each number's literal,
/// and the decimals counted on it.
@Suite struct ReportChecksTests {
    @Test func theParserIsStrictJSON() {
        for bad in ["NaN", #"{"a": Infinity}"#, "[1,]", #"{"a": 1, "a": 2}"#, "01", "1.", "[1] 2", #""\x""#, "-", "{'a': 1}"] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
        let value = try? JSONValue.parse(#" {"x": [0.0413, -1e-05, "\u00e9\ud83d\ude00", true, null]} "#)
        #expect(value?["x"]?[0]?.description == "0.0413")
        #expect(value?["x"]?[1]?.number == -0.00001)
        #expect(value?["x"]?[2]?.string == "é😀")
    }

    @Test func decimalsAreCountedOnTheLiteral() {
        #expect(ReportDecimals.decimals("0.0413") == 4)
        #expect(ReportDecimals.decimals("12") == 0)
        #expect(ReportDecimals.decimals("-3.5") == 1)
        #expect(ReportDecimals.decimals("1e-05") == 5)
        #expect(ReportDecimals.decimals("1.25E1") == 1)
        #expect(ReportDecimals.decimals("1.5e2") == 0)
        #expect(ReportDecimals.decimals("0.30000000000000004") == 17)
    }
}
