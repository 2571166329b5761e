import JourneysCore
import Testing

@Suite struct RedactorTests {
    @Test func masksAddressesInTheirCommonShapes() {
        #expect(Redactor.redact("203.0.113.9 - jane.doe@example.com") == "[ip] - [e-mail]")
        #expect(Redactor.redact("/unsubscribe/jane%40example.com?x=1") == "/unsubscribe/[e-mail]?x=1")
        #expect(Redactor.redact("proxy 192.168.10.20:8080 said") == "proxy [ip] said")
        #expect(Redactor.redact("from 2001:db8::7 and ::ffff:203.0.113.9") == "from [ip] and [ip]")
    }

    @Test func leavesTimestampsVersionsAndPathsAlone() {
        let line = #"[16/Nov/2026:10:05:03 +0100] "GET /p/1.2.3 HTTP/1.1" Chrome/120.0.6099.109"#
        #expect(Redactor.redact(line) == line)
    }

    @Test func masksBeforeCuttingAndDropsACutTail() {
        // cutting the raw text at 200 would have left "alice.bob@exam"; masked first, it fits
        let long = String(repeating: "x", count: 186) + " alice.bob@example.com"
        #expect(Redactor.redact(long, limit: 200) == String(repeating: "x", count: 186) + " [e-mail]")
        let longer = String(repeating: "y", count: 198) + " alice.bob@example.com"
        let cut = Redactor.redact(longer, limit: 200)
        #expect(cut == String(repeating: "y", count: 198) + " […")
        #expect(Redactor.redact("GET /a?mail=alice.bob@exam", wasCut: true) == "GET /a?mail=…")
    }
}
