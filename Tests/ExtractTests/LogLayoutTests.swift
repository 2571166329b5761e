import JourneysCore
import Testing
@testable import Extract

/// Custom layouts: nginx `log_format` and Apache `LogFormat` strings.
@Suite struct LogLayoutTests {
    static let withCookie = #"$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time "$cookie_sid""#

    func options(_ layout: String) -> ExtractOptions {
        var o = ExtractOptions()
        o.format = .layout(layout)
        return o
    }

    @Test func cookieSessionIdIsTheDeviceIdentity() throws {
        let r = try extract(lines: [
            #"198.51.100.4 - - [16/Nov/2026:10:05:03 +0100] "GET /p/a HTTP/1.1" 200 10 "-" "Mozilla/5.0 Firefox" 0.012 "abc123""#,
            #"2001:db8::7 - - [16/Nov/2026:10:06:03 +0100] "GET /cart HTTP/1.1" 200 10 "-" "Mozilla/5.0 \"x\" Firefox" 0.002 "abc123""#,
            #"198.51.100.4 - - [16/Nov/2026:10:07:03 +0100] "GET /faq HTTP/1.1" 200 10 "-" "Mozilla/5.0 Firefox" 0.002 "-""#,
            #"198.51.100.9 - - [16/Nov/2026:10:08:03 +0100] "GET /c/x HTTP/1.1" 200 10 "-" "Mozilla/5.0 \x22y\x22" 0.002 "-""#,
        ], options: options(Self.withCookie))
        #expect(r.paths == ["/p/a", "/cart", "/faq", "/c/x"])
        #expect(r.events.map(\.time) == [defaultTime, defaultTime + 60, defaultTime + 120, defaultTime + 180])
        let sid = r.context.cookieIdentity("abc123")
        #expect(r.events[0].device == sid)
        #expect(r.events[1].device == sid)
        #expect(r.events[2].device == r.context.devicePseudonym(ip: "198.51.100.4", agent: "Mozilla/5.0 Firefox"))
        #expect(r.events[3].device == r.context.devicePseudonym(ip: "198.51.100.9", agent: #"Mozilla/5.0 \x22y\x22"#))
    }

    @Test func isoTimeMethodUriAndForwardedFor() throws {
        let layout = #"$host $remote_addr [$time_iso8601] $request_method $request_uri $status "$http_x_forwarded_for" "$http_user_agent""#
        let r = try extract(lines: [
            #"shop.example.com 10.0.0.1 [2026-11-16T10:05:03+01:00] GET /c/shoes?utm_source=news&utm_medium=email 200 "203.0.113.9, 10.0.0.2" "Mozilla/5.0 Firefox""#,
            #"shop.example.com 10.0.0.1 [2026-11-16T10:05:04+01:00] DELETE /cart/1 200 "-" "Mozilla/5.0 Firefox""#,
        ], options: options(layout))
        #expect(r.paths == ["/c/shoes"])
        let e = try #require(r.events.first)
        #expect(e.time == defaultTime)
        #expect(r.symbols[e.campaign?.source ?? .none] == "news")
        #expect(r.symbols[e.campaign?.medium ?? .none] == "email")
        #expect(e.device == r.context.devicePseudonym(ip: "203.0.113.9", agent: "Mozilla/5.0 Firefox"))
        #expect(r.quality.files[0].count(.method) == 1)
    }

    @Test func msecTimeAndTrailingField() throws {
        let r = try extract(lines: [
            #"1794819903.123 10.0.0.1 "GET /faq HTTP/2.0" 200 "Mozilla/5.0" 0.004"#,
            #"17948x9903.123 10.0.0.1 "GET /faq HTTP/2.0" 200 "Mozilla/5.0" 0.004"#,
        ], options: options(#"$msec $remote_addr "$request" $status "$http_user_agent" $request_time"#))
        #expect(r.events.map(\.time) == [defaultTime])
        #expect(r.quality.files[0].count(.badTimestamp) == 1)
    }

    @Test func wholeCookieHeaderWithSessionCookie() throws {
        let r = try extract(lines: [
            #"10.0.0.1 [16/Nov/2026:10:05:03 +0100] "GET / HTTP/1.1" 200 "theme=dark; sid=xyz-1; lang=de""#,
            #"10.0.0.2 [16/Nov/2026:10:05:03 +0100] "GET / HTTP/1.1" 200 "theme=dark""#,
        ], options: options(#"$remote_addr [$time_local] "$request" $status "$http_cookie""#))
        #expect(r.events.count == 2)
        #expect(r.events[0].device == r.context.cookieIdentity("xyz-1"))
        #expect(r.events[1].device == r.context.devicePseudonym(ip: "10.0.0.2", agent: ""))
    }

    @Test func apacheFormatString() throws {
        let layout = #"%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\" %{SESSION}C"#
        let r = try extract(lines: [
            #"shop.example.com:443 203.0.113.7 - - [16/Nov/2026:10:05:03 +0100] "GET /p/a HTTP/1.1" 200 99 "https://www.bing.com/" "Mozilla/5.0 Firefox" s-9"#,
        ], options: options(layout))
        #expect(r.paths == ["/p/a"])
        #expect(r.events.first?.device == r.context.cookieIdentity("s-9"))
        #expect(r.symbols[r.events.first?.referrerHost ?? .none] == "www.bing.com")
    }

    @Test func lineNotInTheLayoutIsMalformed() throws {
        let r = try extract(lines: [
            #"198.51.100.4 - - [16/Nov/2026:10:05:03 +0100] "GET /p/a HTTP/1.1" 200 10 "-" "Mozilla/5.0 Firefox" 0.012 "abc123""#,
            #"198.51.100.4 - - [16/Nov/2026:10:05:03 +0100] "GET /p/a HTTP/1.1" 200 10 "-" "Mozilla/5.0 Firefox"#,
            "nothing like it",
        ], options: options(Self.withCookie))
        #expect(r.quality.files[0].parsed == 1)
        #expect(r.quality.files[0].count(.malformed) == 2)
        #expect(r.quality.samples[.malformed]?.map(\.line) == [2, 3])
    }

    @Test func layoutWithoutTimeOrRequestIsAnError() throws {
        #expect(throws: ExtractError.self) { try LogLayout("$remote_addr $request") }
        #expect(throws: ExtractError.self) { try LogLayout("$remote_addr [$time_local] $status") }
        #expect(throws: ExtractError.self) { try LogLayout("[$time_local] $remote_addr$request") }
        #expect(throws: ExtractError.self) {
            try extract(lines: [combined()], options: options("$remote_addr $status"))
        }
    }

    @Test func formatNamesFromConfig() {
        #expect(LogFormat(parsing: "auto") == .auto)
        #expect(LogFormat(parsing: "combined") == .combined)
        #expect(LogFormat(parsing: "vhost_combined") == .combined)
        #expect(LogFormat(parsing: "JSON") == .json)
        #expect(LogFormat(parsing: "csv") == .csv)
        #expect(LogFormat(parsing: "$remote_addr [$time_local] \"$request\"") == .layout("$remote_addr [$time_local] \"$request\""))
        #expect(LogFormat(parsing: "xml") == nil)
    }
}
