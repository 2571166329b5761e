import Foundation

/// How sure `journeys init` is of one finding.
package enum Certainty: String, Sendable, Comparable {
    case low, medium, high
    package static func < (a: Certainty, b: Certainty) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    /// From the share of the evidence that points one way.
    package init(share: Double) { self = share >= 0.7 ? .high : share >= 0.4 ? .medium : .low }
}

/// One role found, with the evidence behind it in words.
package struct RoleFinding: Sendable {
    package var role: PageRole
    package var patterns: [Int]
    package var certainty: Certainty
    package var evidence: String
}

/// The order id and value parameters of the confirmation page.
package struct OrderParameters: Sendable, Equatable {
    package var pattern: Int
    package var idKey: String
    package var valueKey: String?
}

/// Names the patterns of a survey by what the log shows them doing: the page carrying a
/// parameter unique per view beside an amount is the confirmation; the pages between the cart
/// and it in buying visits are the checkout; a page mostly POSTed and followed by one page is the
/// add-to-cart and that page the cart; the many-valued pattern most often before the add-to-cart
/// is the item page; a page with a free-text parameter of many values is the search; a page that
/// leads on to item pages the visit had not seen is a category. Words break ties only.
package enum RoleFinder {
    /// Query parameters of campaigns and trackers: never an order id or a search.
    static func isTracking(_ key: String) -> Bool {
        let k = key.lowercased()
        return k.hasPrefix("utm_") || ["gclid", "fbclid", "msclkid", "ttclid", "_ga", "_gl", "ref", "sid", "session"].contains(k)
    }

    /// Whether a parameter's values are amounts: numbers with two decimals, or whole numbers
    /// that repeat (a whole number unique per view is an id, not a value).
    static func isAmount(_ q: QueryKeyStats) -> Bool {
        Double(q.amounts) >= 0.9 * Double(q.count) && (q.numeric * 2 < q.count || q.uniqueness < 0.9)
    }

    /// The confirmation page and its order parameters, from the first pass's query statistics.
    package static func orderParameters(_ s: SiteSurvey) -> OrderParameters? {
        var best: (score: Double, params: OrderParameters)? = nil
        for (i, p) in s.patterns.enumerated() where p.views >= 3 && p.postShare < 0.5 {
            for (key, q) in p.query.sorted(by: { $0.key < $1.key }) where !isTracking(key) {
                guard Double(q.count) >= 0.8 * Double(p.views), q.count >= 3, q.uniqueness >= 0.9 else { continue }
                // Amounts with decimals are values, never ids, however unique.
                if Double(q.amounts) >= 0.9 * Double(q.count) && q.numeric * 2 < q.count { continue }
                let amount = p.query.filter { $0.key != key && !isTracking($0.key) && $0.value.count >= q.count / 2 && isAmount($0.value) }
                    .sorted { (RoleWords.valueKeys.contains($0.key.lowercased()) ? 1 : 0, $0.value.count, $1.key)
                              > (RoleWords.valueKeys.contains($1.key.lowercased()) ? 1 : 0, $1.value.count, $0.key) }
                    .first?.key
                let named = RoleWords.namesOrder(key)
                // Without an amount or a name, only a token that never repeats and is no search term.
                let token = q.uniqueness >= 0.98 && q.count >= 5 && !RoleWords.searchKeys.contains(key)
                    && q.values.reduce(0) { $0 + $1.count } >= 4 * q.values.count
                guard amount != nil || named || token else { continue }
                var score = Double(q.count)
                if amount != nil { score *= 4 }
                if q.numeric * 10 >= q.count * 9 { score *= 2 }
                if named { score *= 1.5 }
                if best == nil || score > best!.score {
                    best = (score, OrderParameters(pattern: i, idKey: key, valueKey: amount))
                }
            }
        }
        return best?.params
    }

    /// Every role found, and the role of each pattern (`.page` when none).
    package static func roles(_ s: SiteSurvey, order: OrderParameters?) -> (findings: [RoleFinding], roleOf: [PageRole]) {
        var roleOf = Array(repeating: PageRole.page, count: s.patterns.count)
        var findings: [RoleFinding] = []
        let P = s.patterns
        func isItemLike(_ i: Int) -> Bool { P[i].pattern.wildcards > 0 && P[i].distinctPaths >= 5 }
        func free(_ i: Int) -> Bool { roleOf[i] == .page }
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

        if let root = P.firstIndex(where: { $0.pattern.segments.isEmpty }) {
            roleOf[root] = .home
            findings.append(RoleFinding(role: .home, patterns: [root], certainty: .high, evidence: "the site's root page"))
        }

        // Confirmation.
        let confirmation = order?.pattern
        if let order {
            roleOf[order.pattern] = .confirmation
            let q = P[order.pattern].query[order.idKey]!
            var words = "`\(order.idKey)` is on \(pct(Double(q.count) / Double(P[order.pattern].views))) of its views, \(pct(q.uniqueness)) of them unique"
            words += order.valueKey.map { ", with an amount in `\($0)`" } ?? ", with no amount beside it"
            findings.append(RoleFinding(role: .confirmation, patterns: [order.pattern],
                                        certainty: order.valueKey != nil ? .high : .medium, evidence: words))
        }

        // Add to cart: a mostly-POSTed page reached from item pages, followed by one page (the cart).
        var addToCart: Int? = nil
        var bestAdd = 0.0
        for i in P.indices where free(i) && P[i].views >= 5 {
            let fromItems = P[i].previous.filter { isItemLike($0.key) && $0.key != i }.values.reduce(0, +)
            let byPost = P[i].postShare >= 0.5
            let named = RoleWords.mentions(P[i].pattern, RoleWords.add)
            guard byPost || named, fromItems > 0 else { continue }
            let score = Double(fromItems) * (byPost ? 2 : 1) * (named ? 1.5 : 1)
            if score > bestAdd { bestAdd = score; addToCart = i }
        }
        var cart: Int? = nil
        if let a = addToCart, let selfNext = P[a].next[a],
           selfNext >= P[a].next.filter({ $0.key != a }).values.max() ?? 0 {
            // Adding posts to the cart page itself (then shows it): one page, the cart.
            addToCart = nil
            cart = a
            roleOf[a] = .cart
            findings.append(RoleFinding(role: .cart, patterns: [a], certainty: Certainty(share: P[a].postShare + 0.3),
                                        evidence: "\(pct(P[a].postShare)) POST requests right after item pages, most often followed by itself: adding posts to the cart page"))
        }
        if let a = addToCart {
            roleOf[a] = .addToCart
            let after = P[a].next.filter { $0.key != a && free($0.key) && !isItemLike($0.key) }
            let total = max(1, P[a].next.values.reduce(0, +))
            if let top = after.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                cart = top.key
                roleOf[top.key] = .cart
                let share = Double(top.value) / Double(total)
                findings.append(RoleFinding(role: .cart, patterns: [top.key], certainty: Certainty(share: share),
                                            evidence: "follows the add-to-cart in \(pct(share)) of cases"))
            }
            let fromItems = P[a].previous.filter { isItemLike($0.key) }.values.reduce(0, +)
            let share = P[a].postShare
            findings.append(RoleFinding(role: .addToCart, patterns: [a], certainty: Certainty(share: min(share, Double(fromItems) / Double(max(1, P[a].views)))),
                                        evidence: "\(pct(share)) POST requests, \(pct(Double(fromItems) / Double(max(1, P[a].views)))) of them right after an item page"))
        } else {
            // No add-to-cart page of its own: a cart named as one and visited by most buyers.
            let buyers = max(1, s.focusVisits.count)
            let candidates = P.indices.filter { free($0) && !isItemLike($0) && RoleWords.mentions(P[$0].pattern, RoleWords.cart) }
            func buyingVisits(_ p: Int) -> Int { s.focusVisits.filter { $0.contains(p) }.count }
            if let c = candidates.max(by: { (buyingVisits($0), $1) < (buyingVisits($1), $0) }) {
                let share = Double(s.focusVisits.filter { $0.contains(c) }.count) / Double(buyers)
                if share >= 0.3 || s.focusVisits.isEmpty {
                    cart = c
                    roleOf[c] = .cart
                    findings.append(RoleFinding(role: .cart, patterns: [c], certainty: s.focusVisits.isEmpty ? .low : Certainty(share: share * 0.8),
                                                evidence: "no add-to-cart request of its own; named as a cart, in \(pct(share)) of visits with an order"))
                }
            }
        }

        // Checkout: pages between the cart and the confirmation in buying visits, seen mostly by buyers.
        if let c = confirmation, !s.focusVisits.isEmpty {
            var inWindow: [Int: Int] = [:]
            for v in s.focusVisits {
                guard let end = v.firstIndex(of: c) else { continue }
                let start = v[..<end].lastIndex(where: { $0 == cart || $0 == addToCart }).map { $0 + 1 } ?? 0
                for p in Set(v[start..<end]) where p != c && p != cart && p != addToCart { inWindow[p, default: 0] += 1 }
            }
            let buyers = Double(s.focusVisits.count)
            var steps: [Int] = []
            var shares: [Double] = []
            for (p, n) in inWindow.sorted(by: { $0.key < $1.key }) where free(p) {
                let share = Double(n) / buyers
                let affinity = Double(n) / Double(max(1, P[p].visits))
                if share >= 0.4 && affinity >= 0.3 { steps.append(p); shares.append(share) }
            }
            for p in steps { roleOf[p] = .checkout }
            if !steps.isEmpty {
                findings.append(RoleFinding(role: .checkout, patterns: steps, certainty: Certainty(share: shares.min()!),
                                            evidence: "between the cart and the confirmation in \(pct(shares.min()!))–\(pct(shares.max()!)) of visits with an order"))
            }
        }

        // Item pages: the many-valued pattern most often right before the add-to-cart (else the cart).
        if let target = addToCart ?? cart {
            let before = P[target].previous.filter { isItemLike($0.key) && free($0.key) }
            let total = max(1, P[target].previous.values.reduce(0, +))
            if let top = before.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                roleOf[top.key] = .product
                let share = Double(top.value) / Double(total)
                findings.append(RoleFinding(role: .product, patterns: [top.key], certainty: Certainty(share: share + 0.2),
                                            evidence: "\(P[top.key].distinctPaths) distinct pages, right before \(pct(share)) of \(target == addToCart ? "add-to-carts" : "cart views")"))
            }
        }
        let product = roleOf.firstIndex(of: .product)

        // Search: a free-text parameter of many values on most views of a page.
        var searchKey: String? = nil
        var bestSearch = 0.0
        var searchPattern: Int? = nil
        for i in P.indices where free(i) {
            for (key, q) in P[i].query where !isTracking(key) && key != order?.idKey {
                guard Double(q.count) >= 0.5 * Double(P[i].views), q.values.count >= 5, q.numeric * 2 < q.count else { continue }
                var score = Double(q.values.count)
                if RoleWords.searchKeys.contains(key) || RoleWords.searchKeys.contains(key.lowercased()) { score *= 3 }
                if score > bestSearch || (score == bestSearch && key < (searchKey ?? "~")) { bestSearch = score; searchKey = key; searchPattern = i }
            }
        }
        if let i = searchPattern, let key = searchKey {
            roleOf[i] = .search
            let q = P[i].query[key]!
            findings.append(RoleFinding(role: .search, patterns: [i], certainty: RoleWords.searchKeys.contains(key) ? .high : .medium,
                                        evidence: "`\(key)` holds \(q.values.count) distinct terms on \(pct(Double(q.count) / Double(P[i].views))) of its views"))
        } else if let i = P.indices.filter({ free($0) && P[$0].pattern.wildcards > 0 && RoleWords.mentions(P[$0].pattern, RoleWords.search) })
                    .max(by: { (P[$0].views, $1) < (P[$1].views, $0) }) {
            roleOf[i] = .search
            findings.append(RoleFinding(role: .search, patterns: [i], certainty: .medium,
                                        evidence: "the term in the path (\(P[i].distinctPaths) distinct), named as a search"))
        }

        // Categories: pages that lead on to item pages.
        if let item = product {
            var cats: [Int] = []
            for i in P.indices where free(i) && i != item && P[i].views >= 3 {
                let out = P[i].next.values.reduce(0, +)
                let toItems = P[i].nextNew[item] ?? 0
                if out > 0 && Double(toItems) >= 0.3 * Double(out) && P[i].postShare < 0.5 { cats.append(i) }
            }
            for i in cats { roleOf[i] = .category }
            if !cats.isEmpty {
                findings.append(RoleFinding(role: .category, patterns: cats, certainty: .medium,
                                            evidence: "lead on to item pages not yet seen in the visit in at least 30% of their next steps"))
            }
        }

        for i in P.indices where free(i) && RoleWords.mentions(P[i].pattern, RoleWords.account) { roleOf[i] = .account }
        return (findings, roleOf)
    }

    /// The site-search parameter of a finding, if the search was found by its parameter.
    package static func searchParameter(_ s: SiteSurvey, roleOf: [PageRole]) -> String? {
        guard let i = roleOf.firstIndex(of: .search) else { return nil }
        return s.patterns[i].query.filter { !isTracking($0.key) && $0.value.values.count >= 5 && $0.value.numeric * 2 < $0.value.count }
            .sorted { (RoleWords.searchKeys.contains($0.key) ? 1 : 0, $0.value.values.count, $1.key) > (RoleWords.searchKeys.contains($1.key) ? 1 : 0, $1.value.values.count, $0.key) }
            .first?.key
    }
}
