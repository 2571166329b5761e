import ByteCoding
import Testing

@Suite struct PercentDecodingTests {
    func path(_ s: String) -> String { PercentDecoding.decode(s, plusAsSpace: false) }
    func query(_ s: String) -> String { PercentDecoding.decode(s, plusAsSpace: true) }

    @Test func decodesEscapesInEitherCase() {
        #expect(path("a/%2e%2E/b") == "a/../b")
        #expect(path("jane%40example.com") == "jane@example.com")
        #expect(path("%41%42%43") == "ABC")
        #expect(path("plain/text") == "plain/text")
        #expect(path("") == "")
    }

    @Test func escapedBytesMakeUTF8AndWhatIsNotUTF8IsReplaced() {
        #expect(path("caf%C3%A9") == "café")
        #expect(path("%E2%82%AC5") == "€5")
        #expect(path("a%FFb") == "a\u{FFFD}b")
        // a multi-byte character cut after its first byte
        #expect(path("%C3") == "\u{FFFD}")
    }

    @Test func invalidEscapesAreKeptAsWritten() {
        #expect(path("100%") == "100%")
        #expect(path("%4") == "%4")
        #expect(path("a%zzb") == "a%zzb")
        #expect(path("%4g") == "%4g")
        // signs are not hex digits, though integer parsing would take them
        #expect(path("%+F") == "%+F")
        #expect(path("%-0") == "%-0")
        // the first `%` is literal, the second starts an escape
        #expect(path("%%41") == "%A")
        // a decoded `%` does not start another escape
        #expect(path("%2541") == "%41")
    }

    @Test func plusIsASpaceOnlyInQueries() {
        #expect(query("black%20friday+sale") == "black friday sale")
        #expect(path("black%20friday+sale") == "black friday+sale")
        #expect(query("1%2B1") == "1+1")
        #expect(query("a+b") == "a b")
        #expect(path("jane+tag%40example.com") == "jane+tag@example.com")
    }

    @Test func rawBytesDecodeLikeTheirText() {
        let raw: [UInt8] = Array("x=%C3%A9+%zz".utf8) + [0xFF]
        let decoded = raw.withUnsafeBytes { PercentDecoding.decode($0, plusAsSpace: true) }
        #expect(decoded == "x=é %zz\u{FFFD}")
        // invalid UTF-8 in a value without escapes is replaced too
        let bare = [0x61, 0xC3] as [UInt8]
        #expect(bare.withUnsafeBytes { PercentDecoding.decode($0, plusAsSpace: false) } == "a\u{FFFD}")
    }
}
