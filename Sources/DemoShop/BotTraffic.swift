/// The robots' share of a day: search-engine crawlers, SEO crawlers, an uptime monitor and a
/// few scripts and headless browsers scraping prices.
///
/// Exists because a real access log is 10-15 % robots and the pipeline must filter and count
/// them; their volume scales with `dailyVisits` like everything else.
enum BotTraffic {
    /// All robot requests of the local day starting at `start` and ending before `end`.
    static func entries(start: Int64, end: Int64, dailyVisits: Int, rng: inout RandomSource) -> [LogEntry] {
        var out: [LogEntry] = []
        let span = Int(end - start)
        let scale = Double(dailyVisits) / 100.0

        func count(_ bot: UserAgents.Bot, _ rng: inout RandomSource) -> Int {
            let x = scale * bot.linesPer100Visits * (0.8 + 0.4 * rng.unit())
            let whole = Int(x)
            return whole + (rng.chance(x - Double(whole)) ? 1 : 0)
        }
        func address(_ bot: UserAgents.Bot, _ rng: inout RandomSource) -> String {
            let net = rng.pick(bot.networks)
            return net.split(separator: ".").count == 4 ? net : "\(net).\(rng.int(1...254))"
        }
        func add(_ bot: UserAgents.Bot, ip: String, at t: Int64, _ target: String, status: Int = 200,
                 bytes: Int, referrer: String = "-", method: LogEntry.Method = .get) {
            out.append(LogEntry(time: t, seq: 0, host: ip, user: "-", method: method, target: target,
                                http2: false, status: status, bytes: bytes, referrer: referrer,
                                agent: bot.agent, kind: .bot))
        }
        /// A crawler's choice of URL.
        func crawlTarget(_ rng: inout RandomSource) -> (String, Int, Int) {
            switch rng.weighted([0.05, 0.02, 0.05, 0.15, 0.50, 0.10, 0.08, 0.05]) {
            case 0: return ("/robots.txt", 200, 312)
            case 1: return ("/sitemap.xml", 200, 18_234)
            case 2: return ("/", 200, 24_300)
            case 3:
                let c = Catalog.categories[rng.below(Catalog.categories.count)]
                return ("/c/\(c)", 200, Catalog.pageBytes("/c/\(c)", base: 31_800))
            case 4:
                let p = Catalog.products[rng.below(Catalog.products.count)].slug
                return ("/p/\(p)", 200, Catalog.pageBytes("/p/\(p)", base: 18_900))
            case 5:
                let p = Catalog.products[rng.below(Catalog.products.count)].slug
                return ("/p/\(p)/reviews", 200, Catalog.pageBytes("/p/\(p)/reviews", base: 14_500))
            case 6:
                let i = rng.pick(Catalog.infoPages)
                return (i, 200, Catalog.pageBytes(i, base: 9_100))
            default:
                return ("/p/\(rng.pick(Catalog.retiredSlugs))", 404, 3_612)
            }
        }

        // Search engines: spread over the day, robots.txt now and then.
        for bot in [UserAgents.googlebot, UserAgents.googlebotSmartphone, UserAgents.bingbot] {
            for _ in 0..<count(bot, &rng) {
                let (target, status, bytes) = crawlTarget(&rng)
                add(bot, ip: address(bot, &rng), at: start + Int64(rng.below(span)), target, status: status, bytes: bytes)
            }
        }
        // SEO crawlers: bursts of quick requests from one address.
        for bot in [UserAgents.ahrefs, UserAgents.semrush] {
            var left = count(bot, &rng)
            while left > 0 {
                let burst = min(left, rng.int(4...25))
                left -= burst
                let ip = address(bot, &rng)
                var t = start + Int64(rng.below(span))
                add(bot, ip: ip, at: t, "/robots.txt", bytes: 312)
                for _ in 1..<max(2, burst) {
                    t += Int64(rng.int(1...12))
                    let (target, status, bytes) = crawlTarget(&rng)
                    add(bot, ip: ip, at: t, target, status: status, bytes: bytes)
                }
            }
        }
        // The uptime monitor: HEAD / at a fixed interval (every 5 minutes at 700 visits a day).
        let checks = count(UserAgents.uptimeRobot, &rng)
        if checks > 0 {
            let interval = span / checks
            let phase = rng.below(max(1, interval))
            for k in 0..<checks {
                let ip = UserAgents.uptimeRobot.networks[k % UserAgents.uptimeRobot.networks.count]
                add(UserAgents.uptimeRobot, ip: ip, at: start + Int64(phase + k * interval), "/", bytes: 0, method: .head)
            }
        }
        // curl: someone's health check or a quick look.
        for _ in 0..<count(UserAgents.curl, &rng) {
            let target = rng.pick(["/", "/robots.txt", "/", "/p/\(rng.pick(Catalog.products).slug)"])
            add(UserAgents.curl, ip: rng.pick(UserAgents.curl.networks), at: start + Int64(rng.below(span)), target,
                bytes: target == "/robots.txt" ? 312 : 24_300)
        }
        // python-requests: price scraping in runs over the products and the search.
        var scrape = count(UserAgents.pythonRequests, &rng)
        while scrape > 0 {
            let run = min(scrape, rng.int(5...30))
            scrape -= run
            let ip = address(UserAgents.pythonRequests, &rng)
            var t = start + Int64(rng.below(span))
            for _ in 0..<run {
                t += Int64(rng.int(1...4))
                if rng.chance(0.15) {
                    add(UserAgents.pythonRequests, ip: ip, at: t, "/search?q=\(rng.pick(Catalog.searchTerms))", bytes: 27_400)
                } else {
                    let p = rng.pick(Catalog.products).slug
                    add(UserAgents.pythonRequests, ip: ip, at: t, "/p/\(p)", bytes: Catalog.pageBytes("/p/\(p)", base: 18_900))
                }
            }
        }
        // HeadlessChrome: renders product pages with their assets.
        var rendered = count(UserAgents.headlessChrome, &rng)
        while rendered > 0 {
            let ip = address(UserAgents.headlessChrome, &rng)
            var t = start + Int64(rng.below(span))
            for _ in 0..<rng.int(2...6) where rendered > 0 {
                t += Int64(rng.int(4...20))
                let product = rng.pick(Catalog.products)
                let page = "/p/\(product.slug)"
                let url = Catalog.host + page
                add(UserAgents.headlessChrome, ip: ip, at: t, page, bytes: Catalog.pageBytes(page, base: 18_900))
                add(UserAgents.headlessChrome, ip: ip, at: t, Catalog.stylesheet.0, bytes: Catalog.stylesheet.1, referrer: url)
                add(UserAgents.headlessChrome, ip: ip, at: t + 1, Catalog.script.0, bytes: Catalog.script.1, referrer: url)
                add(UserAgents.headlessChrome, ip: ip, at: t + 1, "/img/p/\(product.slug).jpg", bytes: product.imageBytes, referrer: url)
                rendered -= 4
            }
        }
        return out
    }
}
