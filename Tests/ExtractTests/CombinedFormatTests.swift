import JourneysCore
import Testing
@testable import Extract

/// Combined, Common and virtual-host Combined Log Format lines.
@Suite struct CombinedFormatTests {
    let firefox = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"

    @Test func combinedLineBecomesAnEvent() throws {
        let r = try extract(lines: [combined(request: "GET /p/shoe-42?color=red HTTP/1.1",
                                             referrer: "https://www.Google.com/search?q=shoes")])
        #expect(r.events.count == 1)
        let e = try #require(r.events.first)
        #expect(e.time == defaultTime)
        #expect(r.path(e) == "/p/shoe-42")
        #expect(r.symbols[e.referrerHost] == "www.google.com")
        #expect(e.device == r.context.devicePseudonym(ip: "203.0.113.7", agent: firefox))
        #expect(e.customer == .none)
        #expect(e.deviceClass == .desktop)
    }

    @Test func remoteUserIsTheCustomer() throws {
        let r = try extract(lines: [combined(user: "cust-17")])
        #expect(r.events.first?.customer == r.context.customerIdentity("cust-17"))
        var options = ExtractOptions()
        options.customerFromRemoteUser = false
        let off = try extract(lines: [combined(user: "cust-17")], options: options)
        #expect(off.events.first?.customer == Pseudonym.none)
    }

    @Test func commonLogFormatHasNoUserAgentAndIsNotABot() throws {
        let r = try extract(lines: ["192.0.2.1 - - [16/Nov/2026:10:05:03 +0100] \"GET /cart HTTP/1.1\" 200 2326"])
        #expect(r.quality.files[0].parsed == 1)
        #expect(r.paths == ["/cart"])
        #expect(r.events[0].device == r.context.devicePseudonym(ip: "192.0.2.1", agent: ""))
    }

    @Test func virtualHostCombinedWithAndWithoutPort() throws {
        let r = try extract(lines: [
            "shop.example.com:443 " + combined(request: "GET /a HTTP/1.1"),
            "shop.example.com " + combined(request: "GET /b HTTP/1.1"),
            combined(request: "GET /c HTTP/1.1"),
        ])
        #expect(r.paths == ["/a", "/b", "/c"])
        #expect(Set(r.events.map(\.device)).count == 1)
        #expect(r.quality.rejected == 0)
    }

    @Test func ipv6Client() throws {
        let r = try extract(lines: [combined(ip: "2001:db8::8a2e:370:7334")])
        #expect(r.events.first?.device == r.context.devicePseudonym(ip: "2001:db8::8a2e:370:7334", agent: firefox))
    }

    @Test func escapedQuotesInsideQuotedFields() throws {
        let agent = #"Mozilla/5.0 \"Special\" (iPhone; CPU iPhone OS 17_0) Mobile"#
        let r = try extract(lines: [combined(request: #"GET /search?q=\"boots\" HTTP/1.1"#, agent: agent)])
        #expect(r.quality.files[0].parsed == 1)
        #expect(r.paths == ["/search"])
        #expect(r.events.first?.deviceClass == .mobile)
    }

    @Test func deviceClassFromUserAgent() throws {
        let r = try extract(lines: [
            combined(agent: "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)"),
            combined(agent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari"),
            combined(agent: "Mozilla/5.0 (Linux; Android 14; SM-X710) Safari"),
        ])
        #expect(r.events.map(\.deviceClass) == [.tablet, .mobile, .tablet])
    }

    @Test func absoluteFormTargetLosesSchemeAndHost() throws {
        let r = try extract(lines: [combined(request: "GET http://shop.example.com/p/x?y=1 HTTP/1.1")])
        #expect(r.paths == ["/p/x"])
    }

    @Test func ownHostReferrerIsInternal() throws {
        var options = ExtractOptions()
        options.ownHosts = ["shop.example.com"]
        let r = try extract(lines: [combined(referrer: "https://shop.example.com/c/shoes")], options: options)
        #expect(r.events.first?.referrerHost == Symbol.none)
    }
}
