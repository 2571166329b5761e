import JourneysCore
import ReportModel
import Score
import Testing
@testable import Sections

@Suite struct JourneyQuestionTests {
    static let day: Int64 = 86_400
    func score(_ shop: ScoreTestShop, minPeople: Int = 1) throws -> ReportData {
        var settings = QuestionSettings()
        settings.minPeople = minPeople
        return Scorer.score(try shop.input(period: 7 * Self.day..<14 * Self.day, settings: settings), context: ScoreTestShop.context)
    }

    @Test func dropOffsTellWhatPeopleDidNext() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/p/a", "/"])                 // left at product view, went home in the visit
        shop.visit(2, at: 8 * Self.day, ["/p/b"])                      // left, came back through search two days later
        shop.visit(2, at: 10 * Self.day, ["/search", "/p/b"])          // (left again, nothing after)
        shop.visit(3, at: 9 * Self.day, ["/p/c", "/cart/add"])         // left at add to cart, nothing after
        let drops = try #require(try score(shop).parts[DropOffs.self]).rows
        let product = try #require(drops.first { $0.step == "product_view" })
        #expect(product.left == 3 && product.people == 2)
        let next = Dictionary(uniqueKeysWithValues: product.next.map { ("\($0.kind):\($0.touchpoint)", $0.visits) })
        #expect(next == ["visit:Home": 1, "next_visit:Search": 1, "none:": 1])
        let cart = try #require(drops.first { $0.step == "add_to_cart" })
        #expect(cart.left == 1 && cart.next.map(\.kind) == ["none"])
    }

    /// A segment's funnel counts its visits of the period and the steps each reached, its people
    /// once, and converts by visits with an order.
    @Test func segmentFunnelsCountVisitsStepsAndPeoplePerSegment() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/p/a", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 1_000))
        shop.visit(1, at: 9 * Self.day, ["/p/a"])
        shop.visit(2, at: 8 * Self.day, ["/"], device: .mobile)
        shop.visit(3, at: 2 * Self.day, ["/p/a"], device: .mobile)  // before the period
        let funnels = try #require(try score(shop).parts[SegmentFunnels.self])
        let desktop = try #require(funnels.byDevice.first { $0.id == "desktop" })
        #expect((desktop.visits, desktop.people, desktop.steps) == (2, 1, [2, 1, 1, 1]))
        #expect(desktop.conversionRate == 0.5 && desktop.interval == [0.0945, 0.9055])  // Wilson, 1 of 2
        let mobile = try #require(funnels.byDevice.first { $0.id == "mobile" })
        #expect((mobile.visits, mobile.people, mobile.steps, mobile.conversionRate) == (1, 1, [0, 0, 0, 0], 0))
        #expect(funnels.byDevice.map(\.id) == ["desktop", "mobile"])  // most visits first
        #expect(funnels.byChannel.map(\.id) == ["direct"] && funnels.byChannel.first?.people == 2)
    }

    /// A segment about fewer than `privacy.min_people` people is withheld and counted in its table.
    @Test func segmentFunnelsWithholdSegmentsOfTooFewPeople() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/p/a"])
        shop.visit(2, at: 8 * Self.day, ["/p/b"])
        shop.visit(3, at: 9 * Self.day, ["/"], device: .mobile)
        let data = try score(shop, minPeople: 2)
        let funnels = try #require(data.parts[SegmentFunnels.self])
        #expect(funnels.byDevice.map(\.id) == ["desktop"] && funnels.byChannel.map(\.people) == [3])
        let byTable = try #require(data.questions?.suppressed.byTable)
        #expect(byTable["funnels.byDevice"] == 1 && byTable["funnels.byChannel"] == 0)
    }

    @Test func variantsFoldRepeatsAndCountConversion() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/p/a", "/p/b", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 1_000))
        shop.visit(2, at: 8 * Self.day, ["/p/a", "/cart/add", "/checkout/pay", "/checkout/done"])
        shop.visit(3, at: 8 * Self.day, ["/"])
        let variants = try #require(try score(shop).questions).variants
        #expect(variants.first?.steps == ["Product", "Add to cart", "Checkout", "Confirmation"])
        #expect(variants.first?.visits == 2 && variants.first?.purchases == 1 && variants.first?.conversionRate == 0.5)
        #expect(variants.first?.share == 0.6667)
        #expect(variants.first?.interval == [0.0945, 0.9055])  // Wilson, 1 of 2
    }

    @Test func loggedValueTablesCountViewsCartsOrdersAndTerms() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day + 9 * 3_600, ["/search", "/p/a", "/cart/add", "/checkout/pay", "/checkout/done"],
                   order: ("o1", 4_990), searches: [(0, "wool socks")], campaignName: "black-week")
        shop.visit(2, at: 9 * Self.day, ["/search", "/p/a", "/p/b"], searches: [(0, "wool socks")], campaignName: "black-week")
        let data = try score(shop)
        let q = try #require(data.questions)
        #expect(q.searchTerms.map(\.value) == ["wool socks"])
        let term = try #require(q.searchTerms.first)
        #expect((term.views, term.people, term.purchases) == (2, 2, 1))
        let a = try #require(q.products.first { $0.value == "/p/a" })
        #expect((a.views, a.carts, a.orders, a.revenue) == (2, 1, 1, 49.9))
        #expect(q.products.first { $0.value == "/p/b" }?.carts == 0)
        #expect(q.campaigns.map(\.value) == ["black-week"] && q.campaigns.first?.orders == 1)
        // 1970-01-09 was a Friday (weekday 4), the visit at 09:00 UTC
        let weekdayHour = try #require(data.parts[WeekdayHour.self])
        #expect(weekdayHour.visits[4][9] == 1 && weekdayHour.orders[4][9] == 1)
        #expect(weekdayHour.visits.flatMap { $0 }.reduce(0, +) == 2)
    }

    /// Ordered counts the visits that added the product, not those that viewed it: 4 visits view
    /// /p/a, 2 add it (one twice), 1 of those orders: 1/2, where purchases / viewers would be 1/4.
    @Test func productOrderedIsOfTheVisitsThatAddedIt() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/p/a", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 4_990))
        shop.visit(2, at: 8 * Self.day, ["/p/a", "/cart/add", "/p/a", "/cart/add"])
        shop.visit(3, at: 9 * Self.day, ["/p/a"])
        shop.visit(4, at: 9 * Self.day, ["/p/a", "/p/b", "/cart/add"])  // added b, not a
        let a = try #require(try score(shop).questions?.products.first { $0.value == "/p/a" })
        #expect((a.visits, a.carts, a.cartVisits, a.purchases) == (4, 3, 2, 1))
        #expect(a.conversionRate == 0.5)
        let b = try #require(try score(shop).questions?.products.first { $0.value == "/p/b" })
        #expect((b.cartVisits, b.purchases, b.conversionRate) == (1, 0, 0))
    }

    @Test func loggedValuesAreMaskedBeforeTheyLeaveScore() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/search"], searches: [(0, "jane@example.com")])
        let terms = try #require(try score(shop).questions).searchTerms
        #expect(terms.map(\.value) == ["[e-mail]"])
    }
}
