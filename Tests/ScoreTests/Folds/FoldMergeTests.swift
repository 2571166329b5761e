import JourneysCore
import ReportModel
import Testing
@testable import Score
import Sections

/// A fold's partials merge exactly: any split of the people gives the same report sections.
@Suite struct FoldMergeTests {
    static let day: Int64 = 86_400

    func shop() -> ScoreTestShop {
        var s = ScoreTestShop()
        for i in 0..<40 {
            let d = UInt64(i), start = Int64(i % 14) * Self.day + Int64(i) * 600
            switch i % 5 {
            case 0: s.visit(d, at: start, ["/", "/p/a", "/cart/add"])
            case 1: s.visit(d, at: start, ["/search", "/p/b", "/cart/add", "/checkout/pay", "/checkout/done"], order: ("o\(i)", Int64(1_000 + i * 37)),
                            searches: [(0, "term \(i % 3)")])
            case 2: s.visit(d, at: start, ["/p/a", "/survey"], surveys: [SurveyAnswer(kind: .nps, score: i % 11, page: 1)])
            case 3: s.visit(d, at: start, ["/support/start", "/support/end"], gap: Int64(30 + i))
            default: s.visit(d, at: start, ["/p/c"], campaignName: "c\(i % 2)")
            }
            if i % 3 == 0 { s.visit(d, at: start + 3 * Self.day, ["/", "/checkout/pay", "/checkout/done"], order: ("r\(i)", 2_500)) }
        }
        return s
    }

    @Test(arguments: [1, 2, 3, 7]) func mergedPartialsEqualOneFold(parts: Int) throws {
        var settings = QuestionSettings()
        settings.minPeople = 2
        let input = try shop().input(period: 7 * Self.day..<14 * Self.day, previous: 0..<7 * Self.day, settings: settings)
        let context = input.foldContext
        let whole = QuestionFolds.folded(input.people, context)
        var partials = Array(repeating: QuestionFolds(zero: context), count: parts)
        for (j, journey) in input.journeys.enumerated() {
            let person = PersonVisits(visits: journey.visits.map { input.visits[$0] }, mapped: journey.visits.map { input.mapped[$0] })
            partials[(j * 7919) % parts].add(person, context)
        }
        var merged = partials[0]
        for p in partials.dropFirst() { merged.merge(p) }
        let funnel = VisitFolds.folded(input.people, context).finished(context).funnel
        #expect(merged.finished(context, funnel: funnel) == whole.finished(context, funnel: funnel))
        let kpis = Figure.kpis(merged.figures(0, hasPrevious: true), before: merged.figures(1, hasPrevious: true), partial: false)
        let expected = Figure.kpis(whole.figures(0, hasPrevious: true), before: whole.figures(1, hasPrevious: true), partial: false)
        #expect(kpis == expected)
    }
}
