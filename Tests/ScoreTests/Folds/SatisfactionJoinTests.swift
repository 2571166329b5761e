import JourneysCore
import ReportModel
import Score
import Testing
import Sections

@Suite struct SatisfactionJoinTests {
    static let day: Int64 = 86_400
    var open: QuestionSettings {
        var s = QuestionSettings()
        s.minPeople = 1
        return s
    }

    func score(_ shop: ScoreTestShop, settings: QuestionSettings? = nil, previous: Range<Int64>? = nil) throws -> ReportData {
        Scorer.score(try shop.input(period: 7 * Self.day..<14 * Self.day, previous: previous, settings: settings ?? open),
                     context: ScoreTestShop.context)
    }

    @Test func zeroAnswersGiveNoScoresAndNoIntervals() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/", "/p/a"])
        let data = try score(shop)
        for id in ["nps", "csat", "csat_top2", "ces"] {
            #expect(data.kpi(id)?.value == nil, "\(id)")
            #expect(data.kpi(id)?.interval == nil, "\(id)")
        }
        let all = try #require(data.satisfaction.joined).all
        #expect(all.nps.answers == 0 && all.nps.value == nil && all.nps.smallSample)
        #expect(data.satisfaction.joined?.byChannel == [])
    }

    @Test func oneAnswerIsAScoreWithASmallSampleWarning() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 8 * Self.day, ["/p/a", "/survey"], surveys: [SurveyAnswer(kind: .nps, score: 10, page: 1)])
        let data = try score(shop)
        #expect(data.kpi("nps")?.value == 100)
        let nps = try #require(data.satisfaction.joined).all.nps
        #expect(nps.answers == 1 && nps.promoters == 1 && nps.passives == 0 && nps.detractors == 0)
        #expect(nps.smallSample)
        // NPS of one promoter: variance 0, the interval is the point
        #expect(nps.interval == [100, 100])
    }

    @Test func topBoxTopTwoAndMeanFollowTheirDefinitions() throws {
        var shop = ScoreTestShop()
        // CSAT answers 5, 4, 3, 5: top box 2 of 4, top two 3 of 4, mean 4.25
        for (i, s) in [5, 4, 3, 5].enumerated() {
            shop.visit(UInt64(10 + i), at: 8 * Self.day + Int64(i) * 100, ["/p/a", "/survey"], surveys: [SurveyAnswer(kind: .csat, score: s, page: 1)])
        }
        // CES on 5 points: 5, 5, 1: top box 2 of 3, mean 3.67
        for (i, s) in [5, 5, 1].enumerated() {
            shop.visit(UInt64(20 + i), at: 9 * Self.day + Int64(i) * 100, ["/", "/survey"], surveys: [SurveyAnswer(kind: .ces, score: s, page: 1)])
        }
        let data = try score(shop)
        #expect(data.kpi("csat")?.value == 50)
        #expect(data.kpi("csat_top2")?.value == 75)
        #expect(data.kpi("ces")?.value == 66.7)
        let all = try #require(data.satisfaction.joined).all
        #expect(all.csat.mean == 4.25 && all.csat.topTwo == 75)
        #expect(all.ces.mean == 3.67)
        // Wilson interval of 2 of 4, in points: 15.0 .. 85.0
        #expect(data.kpi("csat")?.interval == [15, 85])
    }

    @Test func answersJoinTheTouchpointBeforeThemInTheVisitOrAnEarlierOne() throws {
        var shop = ScoreTestShop()
        // A buys, comes back days later through the survey link: the answer is about the confirmation.
        shop.visit(1, at: 8 * Self.day, ["/p/a", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o1", 5_000))
        shop.visit(1, at: 10 * Self.day, ["/survey"], surveys: [SurveyAnswer(kind: .nps, score: 3, page: 0)])
        // B answers in the middle of a visit, after a product page.
        shop.visit(2, at: 9 * Self.day, ["/", "/p/b", "/survey", "/"], device: .mobile,
                   surveys: [SurveyAnswer(kind: .nps, score: 9, page: 2)])
        // C answers with nothing before.
        shop.visit(3, at: 11 * Self.day, ["/survey"], surveys: [SurveyAnswer(kind: .nps, score: 8, page: 0)])
        let joined = try #require(try score(shop).satisfaction.joined)
        let byTouchpoint = Dictionary(uniqueKeysWithValues: joined.byTouchpoint.map { ($0.id, $0.nps) })
        #expect(byTouchpoint["Confirmation"]?.answers == 1 && byTouchpoint["Confirmation"]?.value == -100)
        #expect(byTouchpoint["Product"]?.answers == 1 && byTouchpoint["Product"]?.value == 100)
        #expect(byTouchpoint["(nothing before)"]?.answers == 1)
        #expect(joined.byDevice.map(\.id).sorted() == ["desktop", "mobile"])
        #expect(joined.detractorPaths.map(\.steps) == [["Product", "Add to cart", "Checkout", "Confirmation"]])
        #expect(joined.promoterPaths.map(\.steps) == [["Home", "Product"]])
    }

    @Test func previousPeriodAnswersComeWithEachScore() throws {
        var shop = ScoreTestShop()
        shop.visit(1, at: 1 * Self.day, ["/", "/survey"], surveys: [SurveyAnswer(kind: .nps, score: 0, page: 1)])
        shop.visit(2, at: 8 * Self.day, ["/", "/survey"], surveys: [SurveyAnswer(kind: .nps, score: 10, page: 1)])
        let data = try score(shop, previous: 0..<7 * Self.day)
        #expect(data.kpi("nps")?.value == 100)
        #expect(data.kpi("nps")?.previous == -100)
        let home = try #require(data.satisfaction.joined?.byTouchpoint.first { $0.id == "Home" })
        #expect(home.nps.previous == -100 && home.nps.previousAnswers == 1)
    }

    /// k-suppression at k-1, k and k+1 people: a channel's row is shown from k people on.
    @Test(arguments: [4, 5, 6]) func rowsAboutFewerThanKPeopleAreWithheld(people: Int) throws {
        var shop = ScoreTestShop()
        for i in 0..<people {
            shop.visit(UInt64(100 + i), at: 8 * Self.day + Int64(i) * 1_000, ["/", "/survey"],
                       surveys: [SurveyAnswer(kind: .nps, score: 9, page: 1)])
        }
        var settings = QuestionSettings()
        settings.minPeople = 5
        let data = try score(shop, settings: settings)
        let rows = try #require(data.satisfaction.joined).byChannel
        let withheld = try #require(data.questions).suppressed
        #expect(rows.count == (people >= 5 ? 1 : 0))
        #expect(withheld.byTable["satisfaction.byChannel"] == (people >= 5 ? 0 : 1))
        #expect(withheld.k == 5)
        // the KPI itself is never withheld
        #expect(data.kpi("nps")?.value == 100)
    }
}

/// The visit tables follow the same rule: a path or loop of fewer than k people is withheld.
@Suite struct PathPrivacyTests {
    @Test(arguments: [4, 5, 6]) func pathsAndLoopsAboutFewerThanKPeopleAreWithheld(people: Int) throws {
        var shop = ScoreTestShop()
        for i in 0..<people {
            // the same path, with a loop Product -> Add to cart -> Product, for each person
            shop.visit(UInt64(200 + i), at: 8 * 86_400 + Int64(i) * 1_000, ["/", "/p/a", "/cart/add", "/p/a"])
        }
        var settings = QuestionSettings()
        settings.minPeople = 5
        let data = Scorer.score(try shop.input(period: 7 * 86_400..<14 * 86_400, settings: settings), context: ScoreTestShop.context)
        let shown = people >= 5
        #expect(data.paths.count == (shown ? 1 : 0))
        #expect(data.loops.count == (shown ? 1 : 0))
        let withheld = try #require(data.questions).suppressed
        #expect(withheld.byTable["paths"] == (shown ? 0 : 1) && withheld.byTable["loops"] == (shown ? 0 : 1))
        #expect(withheld.rows == withheld.byTable.values.reduce(0, +))
    }
}
