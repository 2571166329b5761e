import JourneysCore
import Score
import Testing

@Suite struct ChannelTableTests {
    /// One person: paid social on day 0, e-mail on day 7, direct with the order on day 14.
    @Test func creditsAPathOfThreeChannelsPerModel() throws {
        let day: Int64 = 86_400
        var s = ScoreTestShop()
        s.visit(5, at: 0, ["/p/a"], campaign: ("facebook", "paid_social"))
        s.visit(5, at: 7 * day, ["/p/a"], campaign: ("newsletter", "email"))
        s.visit(5, at: 14 * day, ["/p/a", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 5_000))
        let data = Scorer.score(try s.input(period: 0..<(15 * day)), context: ScoreTestShop.context)
        let rows = Dictionary(uniqueKeysWithValues: data.channels.map { ($0.channel, $0) })
        let social = try #require(rows["paid_social"]), email = try #require(rows["email"]), direct = try #require(rows["direct"])
        #expect((social.attribution.firstTouch, email.attribution.firstTouch, direct.attribution.firstTouch) == (1, 0, 0))
        #expect((social.attribution.lastTouch, email.attribution.lastTouch, direct.attribution.lastTouch) == (0, 0, 1))
        #expect((social.attribution.lastNonDirect, email.attribution.lastNonDirect, direct.attribution.lastNonDirect) == (0, 1, 0))
        #expect(social.attribution.linear == 0.3333)
        #expect((social.attribution.positionBased, email.attribution.positionBased, direct.attribution.positionBased) == (0.4, 0.2, 0.4))
        // time decay, half-life 7 days: weights 1/4, 1/2, 1 -> 1/7, 2/7, 4/7
        #expect(social.attribution.timeDecay == 0.1429)
        #expect(email.attribution.timeDecay == 0.2857)
        #expect(direct.attribution.timeDecay == 0.5714)
        #expect(social.journeysStarted == 1 && direct.journeysStarted == 0)
        #expect(direct.journeysClosed == 1 && direct.orders == 1 && direct.revenue == 50)
    }

    @Test func visitsBeforeTheLookbackWindowGetNoCredit() throws {
        let day: Int64 = 86_400
        var s = ScoreTestShop()
        s.visit(6, at: 0, ["/"], referrer: "www.google.com")
        s.visit(6, at: 40 * day, ["/checkout/done"], order: ("o2", 1_000))
        let data = Scorer.score(try s.input(period: 0..<(41 * day), lookback: 30 * day), context: ScoreTestShop.context)
        let rows = Dictionary(uniqueKeysWithValues: data.channels.map { ($0.channel, $0) })
        #expect(rows["direct"]?.attribution.firstTouch == 1)
        #expect(rows["organic_search"]?.attribution.firstTouch == 0)
    }
}
