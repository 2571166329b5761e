import Foundation
import JourneysCore

/// Seeded access logs of a shop under one URL scheme, with the truth of every page view: which
/// touchpoint and funnel step it is, and every order with its value. Written for the set-up tests
/// alone (nothing shared with the demo shop): visits walk a small shop (home, categories, items,
/// search, cart, checkout, confirmation, content and account pages) and each scheme only says how
/// those pages are spelled.
struct SchemeLogs {
    /// The truth of one logged page view (lines that extract leaves out have none).
    struct Truth: Equatable {
        var path: String
        var touchpoint: String
        var step: String?
    }
    struct TrueOrder: Equatable {
        var id: String
        var cents: Int64?
    }

    var lines: [String] = []
    var truth: [Truth] = []
    var orders: [TrueOrder] = []
    /// Steps the scheme has a page of its own for (add-to-cart may share the cart's or an item's path).
    var steps: Set<String> = []

    /// A small, fast, seeded generator (xorshift64*), so the logs are the same on every run.
    struct Random {
        var state: UInt64
        init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
        mutating func next() -> UInt64 {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    }
}

/// How one shop spells its pages.
struct URLScheme: Sendable {
    var name: String
    /// The preset of the platform, nil for a hand-made scheme.
    var platform: String?
    var host: String
    var home: @Sendable (inout SchemeLogs.Random) -> String
    var category: @Sendable (Int, inout SchemeLogs.Random) -> String
    var product: @Sendable (Int, Int, inout SchemeLogs.Random) -> String   // item, its category
    var search: @Sendable (String, inout SchemeLogs.Random) -> String
    /// The add-to-cart request (method, target, status), its touchpoint and step in truth.
    var addToCart: @Sendable (Int, inout SchemeLogs.Random) -> (method: String, target: String, status: Int)
    var addToCartTruth: (touchpoint: String, step: String?)
    var cart: @Sendable (inout SchemeLogs.Random) -> String
    /// The checkout's pages in order; the visit's token goes where a scheme puts one.
    var checkout: @Sendable (String, inout SchemeLogs.Random) -> [String]
    /// The confirmation URL of an order id, its value text and the visit's token.
    var confirmation: @Sendable (String, String, String) -> String
    /// Whether the confirmation URL carries the value (else orders have none).
    var carriesValue: Bool
    var orderID: @Sendable (Int, inout SchemeLogs.Random) -> String
    /// Content pages and account pages with their truth names.
    var content: [(path: String, touchpoint: String)]
    var account: [String]
}

extension SchemeLogs {
    static let categories = ["summer-dresses", "outdoor-jackets", "running-shoes", "leather-bags", "wool-knitwear",
                             "denim", "accessories", "sale", "kids-wear", "home-textiles"]
    static let words = ["blue", "red", "classic", "slim", "soft", "alpine", "urban", "linen", "cotton", "merino",
                        "parka", "sneaker", "tote", "scarf", "shirt", "chino", "boot", "cardigan", "hoodie", "vest"]
    static let terms = ["jacket", "rain coat", "blue shirt", "sneakers", "bag", "wool", "gift", "socks", "dress",
                        "sale", "boots", "linen", "winter", "kids", "belt", "cap", "scarf", "jeans", "vest", "coat"]
    static let agents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    ]

    static func slug(_ item: Int) -> String { "\(words[item % 20])-\(words[(item / 20) % 20])-\(item)" }

    /// `visits` visits over one week under `scheme`, seeded.
    static func generate(_ scheme: URLScheme, visits: Int = 1500, seed: UInt64 = 7) -> SchemeLogs {
        var logs = SchemeLogs()
        var rng = Random(seed: seed &+ UInt64(scheme.name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        logs.steps = ["product_view", "checkout", "purchase"]
        if scheme.addToCartTruth.step != nil { logs.steps.insert("add_to_cart") }
        let start: Int64 = 1_795_132_800  // Monday 2026-11-16 00:00 UTC
        var requests: [(time: Int64, line: String, truth: Truth?)] = []
        var nextOrder = 1
        for v in 0..<visits {
            let ip = "10.\(v / 250 % 250).\(v % 250).\(1 + rng.int(250))"
            let agent = rng.pick(agents)
            var t = start + Int64(rng.int(7 * 86_400 - 7_200))
            var previous = "-"
            let token = String(format: "%016llx", rng.next())
            func hit(_ target: String, _ touchpoint: String, _ step: String?, method: String = "GET", status: Int = 200) {
                t += Int64(10 + rng.int(90))
                let path = String(target.prefix { $0 != "?" })
                let ref = previous == "-" ? (rng.chance(0.3) ? "https://www.google.com/" : "-") : previous
                requests.append((t, line(ip: ip, time: t, method: method, target: target, status: status, referrer: ref, agent: agent),
                                 Truth(path: path, touchpoint: touchpoint, step: step)))
                if method == "GET" { previous = "https://\(scheme.host)\(target)" }
                // every page loads its stylesheet: filtered, never a page view
                if rng.chance(0.3) {
                    requests.append((t, line(ip: ip, time: t, method: "GET", target: "/assets/theme.css", status: 200, referrer: previous, agent: agent), nil))
                }
            }
            var cat = rng.int(categories.count)
            var item = cat * 40 + rng.int(40)
            enum Page { case home, category, product, search, cart, content, account, exit }
            var page: Page = rng.pick([.home, .home, .category, .product, .product, .search, .content])
            var carted = false
            var steps = 0
            while page != .exit && steps < 25 {
                steps += 1
                switch page {
                case .home:
                    hit(scheme.home(&rng), "Home", nil)
                    page = rng.pick([.category, .category, .search, .product, .content, .exit])
                case .category:
                    cat = rng.int(categories.count)
                    hit(scheme.category(cat, &rng), "Category", nil)
                    page = rng.pick([.product, .product, .product, .category, .exit])
                case .search:
                    hit(scheme.search(rng.pick(terms), &rng), "Search", nil)
                    page = rng.pick([.product, .product, .search, .exit])
                case .product:
                    item = cat * 40 + rng.int(40)
                    hit(scheme.product(item, cat, &rng), "Product", "product_view")
                    if rng.chance(0.3) {
                        let a = scheme.addToCart(item, &rng)
                        hit(a.target, scheme.addToCartTruth.touchpoint, scheme.addToCartTruth.step, method: a.method, status: a.status)
                        carted = true
                        page = .cart
                    } else {
                        page = rng.pick([.product, .product, .category, .search, .exit, .exit])
                    }
                case .cart:
                    hit(scheme.cart(&rng), "Cart", nil)
                    if carted && rng.chance(0.6) {
                        var done = true
                        for p in scheme.checkout(token, &rng) {
                            hit(p, "Checkout", "checkout")
                            if rng.chance(0.1) { done = false; break }
                        }
                        if done {
                            let id = scheme.orderID(nextOrder, &rng)
                            nextOrder += 1
                            let cents = Int64(990 + rng.int(30_000))
                            let value = String(format: "%d.%02d", cents / 100, cents % 100)
                            hit(scheme.confirmation(id, value, token), "Order confirmation", "purchase")
                            logs.orders.append(TrueOrder(id: id, cents: scheme.carriesValue ? cents : nil))
                            page = rng.chance(0.3) ? .account : .exit
                        } else {
                            page = .exit
                        }
                    } else {
                        page = rng.pick([.product, .exit])
                    }
                case .content:
                    let c = rng.pick(scheme.content)
                    hit(c.path, c.touchpoint, nil)
                    page = rng.pick([.home, .category, .exit])
                case .account:
                    hit(rng.pick(scheme.account), "Account", nil)
                    page = rng.pick([.account, .exit])
                case .exit:
                    break
                }
            }
        }
        // A crawler and a few missing pages: filtered, never page views.
        for k in 0..<50 {
            let t = start + Int64(k * 9_000)
            requests.append((t, line(ip: "10.250.0.1", time: t, method: "GET", target: scheme.category(k % 10, &rng), status: 200,
                                     referrer: "-", agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), nil))
            requests.append((t, line(ip: "10.250.0.2", time: t, method: "GET", target: "/wp-login.php", status: 404, referrer: "-", agent: agents[0]), nil))
        }
        requests.sort { $0.time < $1.time }
        logs.lines = requests.map(\.line)
        logs.truth = requests.compactMap(\.truth)
        return logs
    }

    static func line(ip: String, time: Int64, method: String, target: String, status: Int, referrer: String, agent: String) -> String {
        let local = time + 3600
        let date = CivilDate(dayNumber: Int(local / 86_400))
        let (y, m, d) = (date.year, date.month, date.day)
        let secs = local % 86_400
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let stamp = String(format: "%02d/%@/%04d:%02d:%02d:%02d", d, months[m - 1], y, Int(secs / 3600), Int(secs / 60 % 60), Int(secs % 60))
        return "\(ip) - - [\(stamp) +0100] \"\(method) \(target) HTTP/1.1\" \(status) \(1000 + time % 5000) \"\(referrer)\" \"\(agent)\""
    }
}
