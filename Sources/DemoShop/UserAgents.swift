/// The browsers and robots that request the demo shop.
///
/// Exists so each visitor keeps one realistic user agent (device segments: desktop, mobile,
/// tablet) and so bot traffic uses the agents a real shop sees, which the pipeline must filter
/// out and count. Human agents never contain "bot", "crawl", "spider" or "Headless".
package enum UserAgents {
    /// The device segment of a browser (a persona dimension of the report).
    package enum Device: Int, Sendable { case desktop, mobile, tablet }

    /// One human browser: its agent string, device segment and HTTP version.
    package struct Browser: Sendable {
        package let agent: String
        package let device: Device
        /// Whether this browser talks HTTP/2 to the shop (nginx logs "HTTP/2.0").
        package let http2: Bool
    }

    package static let browsers: [Browser] = [
        Browser(agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", device: .desktop, http2: true),
        Browser(agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", device: .desktop, http2: true),
        Browser(agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0", device: .desktop, http2: false),
        Browser(agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", device: .desktop, http2: true),
        Browser(agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", device: .desktop, http2: true),
        Browser(agent: "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0", device: .desktop, http2: false),
        Browser(agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", device: .mobile, http2: true),
        Browser(agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", device: .mobile, http2: true),
        Browser(agent: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36", device: .mobile, http2: true),
        Browser(agent: "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", device: .mobile, http2: false),
        Browser(agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 354.0.0.29.90 (iPhone15,3; iOS 18_0; de_DE; de; scale=3.00; 1290x2796; 651248032)", device: .mobile, http2: true),
        Browser(agent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36", device: .mobile, http2: true),
        Browser(agent: "Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", device: .tablet, http2: true),
        Browser(agent: "Mozilla/5.0 (Linux; Android 13; SM-X210) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36", device: .tablet, http2: false),
    ]
    /// Share of each browser among visitors (about 58 % mobile, 34 % desktop, 8 % tablet).
    package static let browserWeights: [Double] = [0.12, 0.06, 0.05, 0.05, 0.04, 0.02,
                                                   0.17, 0.08, 0.12, 0.07, 0.05, 0.09,
                                                   0.05, 0.03]

    /// A robot: its agent, the networks it comes from and how it behaves.
    package struct Bot: Sendable {
        package let agent: String
        /// IPv4 /24 prefixes ("66.249.66") or full addresses.
        package let networks: [String]
        /// Requests per day per 100 daily visits.
        package let linesPer100Visits: Double
    }

    package static let googlebot = Bot(agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", networks: ["66.249.66", "66.249.68", "66.249.79"], linesPer100Visits: 38)
    package static let googlebotSmartphone = Bot(agent: "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.116 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", networks: ["66.249.66", "66.249.70"], linesPer100Visits: 22)
    package static let bingbot = Bot(agent: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", networks: ["157.55.39", "40.77.167", "207.46.13"], linesPer100Visits: 20)
    package static let ahrefs = Bot(agent: "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", networks: ["54.36.148", "54.36.149"], linesPer100Visits: 14)
    package static let semrush = Bot(agent: "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", networks: ["185.191.171", "85.208.96"], linesPer100Visits: 10)
    package static let uptimeRobot = Bot(agent: "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", networks: ["216.144.250.150", "69.162.124.235", "63.143.42.242"], linesPer100Visits: 41)
    package static let curl = Bot(agent: "curl/8.4.0", networks: ["198.51.100.23", "203.0.113.77"], linesPer100Visits: 3)
    package static let pythonRequests = Bot(agent: "python-requests/2.31.0", networks: ["45.139.122", "193.32.162"], linesPer100Visits: 9)
    package static let headlessChrome = Bot(agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36", networks: ["34.141.87", "35.198.120"], linesPer100Visits: 12)

    /// Words by which the generator (and the tests) recognise robot agents.
    package static let botMarkers = ["bot", "crawl", "spider", "curl/", "python-requests", "HeadlessChrome", "UptimeRobot"]

    /// True for the agents above (case-insensitive match on `botMarkers`).
    package static func isBot(_ agent: String) -> Bool {
        let lower = agent.lowercased()
        return botMarkers.contains { lower.contains($0.lowercased()) }
    }
}
