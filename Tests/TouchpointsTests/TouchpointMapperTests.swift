import JourneysCore
import Testing
@testable import Touchpoints

/// The demo shop's rules, shortened, plus tracking events.
private let rules: [TouchpointRule] = [
    TouchpointRule(pattern: .glob("/"), touchpoint: "Home", phase: .awareness),
    TouchpointRule(pattern: .glob("/p/*/reviews"), touchpoint: "Reviews", phase: .consideration),
    TouchpointRule(pattern: .glob("/p/*"), touchpoint: "Product", phase: .consideration, funnelStep: .productView),
    TouchpointRule(pattern: .glob("event:view"), touchpoint: "Product", phase: .consideration, funnelStep: .productView),
    TouchpointRule(pattern: .regex("^/cart/add$|^event:cart$"), touchpoint: "Add to cart", phase: .purchase, funnelStep: .addToCart),
    TouchpointRule(pattern: .glob("/checkout/confirmation"), touchpoint: "Order confirmation", phase: .purchase, funnelStep: .purchase),
    TouchpointRule(pattern: .glob("/checkout/**"), touchpoint: "Checkout", phase: .purchase, funnelStep: .checkout),
    TouchpointRule(pattern: .glob("event:purchase"), touchpoint: "Order confirmation", phase: .purchase, funnelStep: .purchase),
    TouchpointRule(pattern: .glob("/never/**"), touchpoint: "Unused", phase: .retention),
]

private struct Shop {
    var symbols = SymbolTable()
    var mapper: TouchpointMapper

    init(rules: [TouchpointRule] = rules, unmatchedPhase: Phase = .consideration) throws {
        mapper = try TouchpointMapper(rules: rules, unmatchedPhase: unmatchedPhase, channels: ChannelRules())
    }

    mutating func visit(_ paths: [String], referrer: String = "", orders: Int = 0) -> MappedVisit {
        var v = Visit(device: Pseudonym(raw: 1), start: 0)
        v.pages = paths.map { symbols.intern($0) }
        v.referrerHost = symbols.intern(referrer)
        v.orders = (0..<orders).map { Order(id: symbols.intern("o\($0)"), valueCents: 1000) }
        return mapper.map(v, index: 0, symbols: symbols)
    }

    func names(_ m: MappedVisit) -> [String] { m.touchpoints.map { mapper.catalog[$0].name } }
}

@Suite("Touchpoint mapper")
struct TouchpointMapperTests {
    @Test("first match wins: reviews before product, confirmation before checkout")
    func firstMatchWins() throws {
        var shop = try Shop()
        let m = shop.visit(["/", "/p/7/reviews", "/p/7", "/checkout/confirmation", "/checkout/address"])
        #expect(shop.names(m) == ["Home", "Reviews", "Product", "Order confirmation", "Checkout"])
        // a broad rule first hides the narrow one after it
        var broad = try Shop(rules: [TouchpointRule(pattern: .glob("/p/**"), touchpoint: "Product", phase: .consideration),
                                     rules[1]])
        #expect(broad.names(broad.visit(["/p/7/reviews", "/p/7"])) == ["Product", "Product"])
        #expect(broad.mapper.ruleHits == [2, 0])
    }

    @Test("rules with the same name and phase share one touchpoint")
    func sharedTouchpoint() throws {
        var shop = try Shop()
        let m = shop.visit(["/p/1", "event:view"])
        #expect(m.touchpoints[0] == m.touchpoints[1])
        #expect(shop.mapper.catalog.entries.filter { $0.name == "Product" }.count == 1)
    }

    @Test("unmatched pages are 'other' in the configured phase")
    func other() throws {
        var shop = try Shop(unmatchedPhase: .retention)
        let m = shop.visit(["/imprint", "/p/1"])
        let entry = shop.mapper.catalog[m.touchpoints[0]]
        #expect(entry.name == "other")
        #expect(entry.phase == .retention)
        #expect(entry.isOther)
        #expect(entry.funnelStep == nil)
        // a rule that happens to be called "other" stays its own touchpoint
        var named = try Shop(rules: [TouchpointRule(pattern: .glob("/misc"), touchpoint: "other", phase: .retention)],
                             unmatchedPhase: .retention)
        let n = named.visit(["/misc", "/imprint"])
        #expect(n.touchpoints[0] != n.touchpoints[1])
        #expect(!named.mapper.catalog[n.touchpoints[0]].isOther)
    }

    @Test("ruleHits counts page views per rule, unmatched per path, across visits and repeats")
    func counts() throws {
        var shop = try Shop()
        _ = shop.visit(["/", "/p/1", "/p/2", "/p/1", "/imprint"])
        _ = shop.visit(["/p/1", "/imprint", "/jobs", "event:view", "event:cart", "event:purchase"])
        #expect(shop.mapper.ruleHits == [1, 0, 4, 1, 1, 0, 0, 1, 0])
        let unmatched = Dictionary(uniqueKeysWithValues: shop.mapper.unmatched.map { (shop.symbols[$0.key], $0.value) })
        #expect(unmatched == ["/imprint": 2, "/jobs": 1])
        // every page view is counted exactly once
        #expect(shop.mapper.ruleHits.reduce(0, +) + shop.mapper.unmatched.values.reduce(0, +) == 11)
        // the rule that never matched shows as 0
        #expect(shop.mapper.ruleHits.last == 0)
    }

    @Test("event:<type> paths map by event type to touchpoints and funnel steps")
    func eventPaths() throws {
        var shop = try Shop()
        let m = shop.visit(["event:view", "event:cart", "event:purchase"], orders: 1)
        #expect(shop.names(m) == ["Product", "Add to cart", "Order confirmation"])
        #expect(m.steps == [.productView, .addToCart, .purchase])
        #expect(m.outcome == .purchase)
        // no checkout event, but a purchase implies the checkout: every step is reached
        #expect(FunnelStep.allCases.allSatisfy { m.reached($0) })
        let browsing = shop.visit(["event:view"])
        #expect(browsing.reached(.productView) && !browsing.reached(.addToCart))
        let unknown = shop.visit(["event:scroll"])
        #expect(shop.names(unknown) == ["other"])
    }

    @Test("outcome: bounce, browse, cart, checkout, purchase (a purchase is a visit with an order)")
    func outcomes() throws {
        var shop = try Shop()
        #expect(shop.visit(["/"]).outcome == .bounce)
        #expect(shop.visit(["/", "/imprint"]).outcome == .browse)
        #expect(shop.visit(["/p/1", "/cart/add"]).outcome == .cart)
        #expect(shop.visit(["/p/1", "/cart/add", "/checkout/address"]).outcome == .checkout)
        let bought = shop.visit(["/checkout/payment"], orders: 1)
        #expect(bought.outcome == .purchase)
        #expect(bought.steps.contains(.purchase))
        // a confirmation page without an order (a reload of an order counted before) is no purchase
        let reload = shop.visit(["/checkout/confirmation"])
        #expect(!reload.steps.contains(.purchase) && reload.outcome == .bounce)
    }

    @Test("outcomes sort from bounce to purchase, as declared")
    func outcomeOrder() {
        #expect(VisitOutcome.allCases.map(\.order) == [0, 1, 2, 3, 4])
        #expect(VisitOutcome.allCases.reversed().sorted() == [.bounce, .browse, .cart, .checkout, .purchase])
        #expect(VisitOutcome.cart < .checkout && !(VisitOutcome.purchase < .bounce))
    }

    @Test("the visit's channel comes from the channel rules")
    func channel() throws {
        var shop = try Shop()
        #expect(shop.visit(["/"], referrer: "www.google.de").channel == .organicSearch)
        #expect(shop.visit(["/"]).channel == .direct)
    }
}
