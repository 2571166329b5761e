/// The people who visit the demo shop over the weeks.
///
/// Exists so visits are not independent: the same person (stable IP and user agent, maybe a
/// customer id) comes back through other channels, keeps a cart between visits, buys, and later
/// checks the order, returns, answers surveys. Visitors are created lazily from the seeded
/// generator, so the population grows the same way for equal options.
package struct VisitorPopulation: Sendable {
    /// One person (one browser on one device).
    package struct Visitor: Sendable {
        package var ip: String
        package var browser: Int
        /// "c-104233" once the person has an account; nil for anonymous visitors and guests.
        package var customerId: String?
        /// A login cookie: every request of every visit carries the customer id.
        package var remembered: Bool
        /// Product indices in the cart (kept between visits).
        package var cart: [Int] = []
        /// Orders placed inside the log window.
        package var orders: [String] = []
        /// The product this person was last interested in.
        package var interest: Int
        /// Visits made inside the log window.
        package var visits: Int = 0
        /// The visitor's refer-a-friend code, once shared.
        package var referCode: String?
    }

    package private(set) var visitors: [Visitor] = []
    /// Visitors that existed before the first day (earlier customers and visitors).
    package private(set) var priorCount = 0
    private var nextCustomer = 104_000
    private var nextOrder = 318_000

    /// Creates the people known from before the log window: about 40 % of them customers.
    init(prior: Int, rng: inout RandomSource) {
        for _ in 0..<prior {
            var v = makeVisitor(rng: &rng)
            if rng.chance(0.4) {
                v.customerId = allocateCustomerId(rng: &rng)
                v.remembered = rng.chance(0.45)
            }
            visitors.append(v)
        }
        priorCount = prior
    }

    /// A brand-new anonymous visitor; returns its index.
    mutating func addVisitor(rng: inout RandomSource) -> Int {
        visitors.append(makeVisitor(rng: &rng))
        return visitors.count - 1
    }

    /// A known visitor, biased towards recently created ones (they are the likeliest to return).
    mutating func returningVisitor(rng: inout RandomSource) -> Int? {
        guard !visitors.isEmpty else { return nil }
        let u = rng.unit()
        let back = Int(Double(visitors.count) * u * u * u)
        return max(0, visitors.count - 1 - back)
    }

    /// The next customer id, e.g. "c-104233" (increasing, with gaps).
    mutating func allocateCustomerId(rng: inout RandomSource) -> String {
        nextCustomer += rng.int(1...9)
        return "c-\(nextCustomer)"
    }

    /// The next order id, e.g. "NL-318042" (increasing, with gaps from other shops' systems).
    mutating func allocateOrderId(rng: inout RandomSource) -> String {
        nextOrder += rng.int(1...3)
        return "NL-\(nextOrder)"
    }

    subscript(index: Int) -> Visitor {
        get { visitors[index] }
        set { visitors[index] = newValue }
    }

    private func makeVisitor(rng: inout RandomSource) -> Visitor {
        Visitor(ip: Self.randomIP(rng: &rng),
                browser: rng.weighted(UserAgents.browserWeights),
                customerId: nil, remembered: false,
                interest: rng.weighted(Catalog.productWeights))
    }

    /// First octets of German access networks (Telekom, Vodafone, O2, 1&1 ...), for realism only.
    private static let ipv4Prefixes = [31, 37, 46, 62, 77, 78, 79, 80, 84, 85, 87, 88, 89, 91, 93, 94,
                                       95, 109, 141, 176, 178, 185, 188, 212, 213, 217]
    private static let ipv6Prefixes = ["2003:e6", "2003:c9", "2a02:8108", "2a02:908", "2a01:c22", "2a00:20"]

    /// About 10 % IPv6 (written uncompressed, lower-case, as nginx does), else IPv4.
    static func randomIP(rng: inout RandomSource) -> String {
        if rng.chance(0.10) {
            var s = rng.pick(ipv6Prefixes)
            let groups = 8 - s.split(separator: ":").count
            for _ in 0..<groups { s += ":" + String(rng.below(0x10000), radix: 16) }
            return s
        }
        return "\(rng.pick(ipv4Prefixes)).\(rng.below(256)).\(rng.below(256)).\(rng.int(1...254))"
    }
}
