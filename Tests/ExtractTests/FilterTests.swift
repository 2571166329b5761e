import JourneysCore
import Testing
@testable import Extract

/// Bots, static assets, statuses, methods and the period window: filtered and counted by reason.
@Suite struct FilterTests {
    static let lines = [
        combined(agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),  // bot
        combined(agent: "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"),    // bot
        combined(agent: "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0.0.0 Safari/537.36"),    // bot
        combined(agent: "python-requests/2.31.0"),                                                    // bot
        combined(agent: "-"),                                                                         // bot
        combined(request: "GET /static/app.css?v=3 HTTP/1.1"),                                       // asset
        combined(request: "GET /img/Logo.PNG HTTP/1.1"),                                              // asset
        combined(request: "GET /p/gone HTTP/1.1", status: 404),                                      // 4xx
        combined(request: "GET /p/x HTTP/1.1", status: 503),                                         // 5xx
        combined(request: "GET /cart/add?sku=1 HTTP/1.1", status: 302),                              // redirect: kept
        combined(request: "HEAD / HTTP/1.1"),                                                         // method
        combined(request: "POST /checkout/address HTTP/1.1"),                                        // kept
        combined(request: "GET /p/shoe.html HTTP/1.1"),                                               // kept: .html is a page
    ]

    @Test func defaultFilters() throws {
        let r = try extract(lines: Self.lines)
        let f = r.quality.files[0]
        #expect(f.read == 13)
        #expect(f.parsed == 3)
        #expect(f.count(.bot) == 5)
        #expect(f.count(.staticAsset) == 2)
        #expect(f.count(.clientError) == 1)
        #expect(f.count(.serverError) == 1)
        #expect(f.count(.method) == 1)
        #expect(f.count(.redirect) == 0)
        #expect(f.filtered == 10)
        #expect(f.rejected == 0)
        #expect(r.paths == ["/cart/add", "/checkout/address", "/p/shoe.html"])
        #expect(r.quality.samples.isEmpty)  // filtered lines are not samples
    }

    @Test func redirectsAndMethodsAsConfigured() throws {
        var options = ExtractOptions()
        options.keepRedirects = false
        options.methods = ["GET", "POST", "HEAD"]
        options.botAgents += ["netnewswire"]
        options.assetExtensions.insert("html")
        let r = try extract(lines: Self.lines + [combined(agent: "NetNewsWire/6.1")], options: options)
        let f = r.quality.files[0]
        #expect(f.count(.redirect) == 1)
        #expect(f.count(.method) == 0)
        #expect(f.count(.bot) == 6)
        #expect(f.count(.staticAsset) == 3)
        #expect(r.paths == ["/", "/checkout/address"])
    }

    /// A line that several filters would leave out counts once, under the first reason in the
    /// order docs/definitions.md gives: bot, static asset, status, method.
    @Test func oneReasonPerLineInTheDocumentedOrder() throws {
        let bot = "Googlebot/2.1"
        let r = try extract(lines: [
            combined(request: "HEAD /logo.png HTTP/1.1", status: 404, agent: bot),  // bot
            combined(request: "HEAD /logo.png HTTP/1.1", status: 404),              // static asset
            combined(request: "HEAD /p/x HTTP/1.1", status: 503),                   // 5xx
            combined(request: "HEAD /p/x HTTP/1.1", status: 301),                   // redirect: kept, so method
        ], options: { var o = ExtractOptions(); o.keepRedirects = true; return o }())
        let f = r.quality.files[0]
        #expect(f.count(.bot) == 1 && f.count(.staticAsset) == 1 && f.count(.serverError) == 1 && f.count(.method) == 1)
        #expect(f.filtered == 4)
    }

    /// HTTP methods are case-sensitive: a logged `get` is not GET. Paths are kept as logged:
    /// case, a trailing slash and percent-encoding make other paths.
    @Test func methodsAndPathsAsLogged() throws {
        let r = try extract(lines: [
            combined(request: "get /p/x HTTP/1.1"),
            combined(request: "GET /Cart/add HTTP/1.1"), combined(request: "GET /cart/add/ HTTP/1.1"),
            combined(request: "GET /%C3%BCber HTTP/1.1"),
        ])
        #expect(r.quality.files[0].count(.method) == 1)
        #expect(r.paths == ["/Cart/add", "/cart/add/", "/%C3%BCber"])
    }

    @Test func outsideThePeriodWindow() throws {
        var options = ExtractOptions()
        options.keepFrom = defaultTime
        options.keepUntil = defaultTime + 60
        let r = try extract(lines: [
            combined(time: "16/Nov/2026:10:05:02 +0100"),
            combined(time: "16/Nov/2026:10:05:03 +0100"),
            combined(time: "16/Nov/2026:10:06:02 +0100"),
            combined(time: "16/Nov/2026:10:06:03 +0100"),
        ], options: options)
        #expect(r.events.map(\.time) == [defaultTime, defaultTime + 59])
        #expect(r.quality.count(.outsidePeriod) == 2)
    }

    @Test func outcomesKnowWhetherTheyAreRejections() {
        #expect(LineOutcome.csvFieldCount.isRejected)
        #expect(LineOutcome.missingField.isRejected)
        #expect(!LineOutcome.header.isRejected)
        #expect(LineOutcome.allCases.allSatisfy { !$0.explanation.isEmpty })
        #expect(LineOutcome.csvFieldCount.rawValue == "csv_field_count")
    }
}
