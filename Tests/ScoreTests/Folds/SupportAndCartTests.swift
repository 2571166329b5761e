import JourneysCore
import ReportModel
import Score
import Testing
import Sections

@Suite struct SupportAndCartTests {
    static let day: Int64 = 86_400
    var open: QuestionSettings {
        var s = QuestionSettings()
        s.minPeople = 1
        return s
    }

    @Test func handlingTimeRunsFromStartToEndAndAContactWithoutEndHasNone() throws {
        var shop = ScoreTestShop()
        // start at page 1, end at page 4, pages 100 s apart: 300 s
        shop.visit(1, at: 8 * Self.day, ["/", "/support/start", "/support/msg", "/support/msg", "/support/end"], gap: 100)
        // started, never ended
        shop.visit(2, at: 9 * Self.day, ["/support/start", "/support/msg"], gap: 100)
        // an export's logged duration of 120 s
        shop.visit(3, at: 10 * Self.day, ["/support/start"], durations: [(0, 120)])
        shop.visit(4, at: 11 * Self.day, ["/p/a", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 1_000))
        let data = Scorer.score(try shop.input(period: 7 * Self.day..<14 * Self.day, settings: open), context: ScoreTestShop.context)
        #expect(data.kpi("support_contacts")?.value == 3)
        #expect(data.kpi("aht_seconds")?.value == 210)  // (300 + 120) / 2 timed contacts
        let support = try #require(data.questions).support
        #expect(support.timed == 2 && support.unended == 1)
        #expect(support.contactsPerOrder == 3)
        #expect(support.medianSeconds == 210)
        #expect(support.byKind.map(\.id) == ["Chat"])
        // the phase before the contact: Home (awareness) for the first; the contact's own (retention) for the others
        #expect(Set(support.byPhase.map(\.id)) == ["awareness", "retention"])
    }

    /// A cart on day 8, recovered by an order on day 8 + N, or not by one on day 8 + N + 1.
    @Test(arguments: [(7, true), (8, false)]) func aCartIsRecoveredWithinNDays(orderDay: Int64, recovered: Bool) throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 1 * Self.day + 3_600, ["/p/a", "/cart/add"])
        shop.visit(1, at: (1 + orderDay) * Self.day + 7_200, ["/", "/checkout/pay", "/checkout/done"], order: ("o1", 2_000))
        // someone who bought in the cart visit itself
        shop.visit(2, at: 2 * Self.day, ["/p/b", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o2", 3_000))
        // the period is days 8..14: with N = 7 its carts are those of days 1..7
        let data = Scorer.score(try shop.input(period: 8 * Self.day..<15 * Self.day, settings: open), context: ScoreTestShop.context)
        let carts = try #require(data.questions).cartRecovery
        #expect(carts.cohortFirst == "1970-01-02" && carts.cohortLast == "1970-01-08")
        #expect(carts.carts == 2 && carts.abandoned == 1)
        #expect(carts.recovered == (recovered ? 1 : 0))
        #expect(data.kpi("cart_recovery_rate")?.value == (recovered ? 1 : 0))
        #expect(data.kpi("customer_cart_abandonment")?.value == (recovered ? 0 : 0.5))
        // from the end of the cart visit (day 1, 01:01) to the start of the buying visit
        let days = Double((1 + orderDay) * Self.day + 7_200 - (1 * Self.day + 3_660)) / 86_400
        #expect(data.kpi("median_days_to_recovery")?.value == (recovered ? (days * 10).rounded() / 10 : nil))
        #expect(carts.byChannel.map(\.id) == (recovered ? ["direct"] : []))
    }

    /// A partial period follows only the carts whose window closed by the last day of data.
    @Test func aPartialPeriodFollowsOnlyCartsWhoseWindowClosed() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 2 * Self.day, ["/p/a", "/cart/add"])   // day 2: followed
        shop.visit(2, at: 5 * Self.day, ["/p/a", "/cart/add"])   // day 5: its window ends on day 12, after the data
        var input = try shop.input(period: 8 * Self.day..<15 * Self.day, settings: open)
        input.lastDataDay = 10
        let carts = try #require(Scorer.score(input, context: ScoreTestShop.context).questions).cartRecovery
        #expect(carts.cohortFirst == "1970-01-02" && carts.cohortLast == "1970-01-04")
        #expect(carts.carts == 1)
    }
}
