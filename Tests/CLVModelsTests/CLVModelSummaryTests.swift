import CLVModels
import Foundation
import Testing

@Suite struct CLVModelSummaryTests {
    @Test func cdnowJSON() throws {
        let summary = CLVModelSummary(bgnbd: CDNOW.bgnbd, gammaGamma: CDNOW.gammaGamma)
        let json = String(decoding: try summary.jsonData(), as: UTF8.self)
        #expect(json == #"{"bgnbd":{"a":0.7929,"alpha":4.414,"b":2.426,"r":0.2426},"customers":2357,"#
            + #""gammaGamma":{"p":6.25,"q":3.744,"v":15.44},"timeUnit":"week"}"#)
        let decoded = try JSONDecoder().decode(CLVModelSummary.self, from: Data(json.utf8))
        #expect(decoded == summary)
    }

    @Test func roundingToFourSignificantDigits() {
        let cases: [(Double, Double)] = [
            (0.24259453, 0.2426), (4.41360239, 4.414), (15.44351582, 15.44), (6.24957406, 6.25),
            (123_456.7, 123_500), (0.000123456, 0.0001235), (-2.34567, -2.346), (9.99951, 10),
            (1, 1), (0, 0), (1e-300, 1e-300),
        ]
        for (value, expected) in cases {
            #expect(CLVModelSummary.rounded(value) == expected, "\(value) -> \(CLVModelSummary.rounded(value))")
        }
        #expect(CLVModelSummary.rounded(.infinity) == .infinity)
        #expect(CLVModelSummary.rounded(.nan).isNaN)
    }
}
