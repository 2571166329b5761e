@testable import JourneysCore
import Testing

@Suite struct SampleTextTests {
    func text(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { SampleText.make($0) } }

    @Test func validTextStaysAndEverythingElseIsEscaped() {
        #expect(text(Array("GET /café ✓".utf8)) == "GET /café ✓")
        #expect(text([0x16, 0x03, 0x01, 0x41]) == #"\x16\x03\x01A"#)
        #expect(text([0xC3, 0x28, 0xFF, 0xE2, 0x82]) == #"\xC3(\xFF\xE2\x82"#)
        #expect(text([0x7F, 0x09, 0xC2, 0x85]) == "\\x7F\t\\xC2\\x85")
    }
}
