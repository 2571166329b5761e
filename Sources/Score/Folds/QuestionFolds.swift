import Foundation
import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// The CX sections' folds, one partial of score (part of `ScorePartial`): every person folded
/// once into each section's fold, partials of disjoint people merged, then each section finished
/// into the report's rows and KPIs.
struct QuestionFolds: FoldContainer {
    var satisfaction: SatisfactionFold
    var support = SupportFold()
    var carts: CartRecoveryFold
    var variants = VariantFold()
    var tables: ValueTablesFold

    package static let folds = [FoldSlot(\Self.satisfaction), FoldSlot(\Self.support), FoldSlot(\Self.carts),
                        FoldSlot(\Self.variants), FoldSlot(\Self.tables)]

    init(zero context: FoldContext) {
        satisfaction = SatisfactionFold(zero: context)
        carts = CartRecoveryFold(zero: context)
        tables = ValueTablesFold(zero: context)
    }

    /// The CX sections; `suppressed` is the context's whole ledger, so every table finished
    /// before (paths, loops) is counted with these.
    func finish(_ context: inout FinishContext) -> (JourneyQuestions, SatisfactionJoin) {
        let join = satisfaction.finish(&context)
        let variantRows = variants.finish(&context)
        let t = tables.finish(&context)
        let support = support.finish(&context)
        let cartRecovery = carts.finish(&context)
        let questions = JourneyQuestions(
            support: support, cartRecovery: cartRecovery,
            variants: variantRows.variants, friction: variantRows.friction,
            entryPages: t.entryPages, campaigns: t.campaigns, searchTerms: t.searchTerms, products: t.products,
            suppressed: context.suppressed)
        return (questions, join)
    }

    /// Whether the satisfaction KPI `id` rests on fewer than `minAnswers` answers in this
    /// period or the previous one: its change is then not tested (a small sample is no news).
    func isSmallSample(_ id: String, minAnswers: Int) -> Bool {
        let s = satisfaction.all
        let h: [[Int]]
        switch id {
        case "nps": h = s.nps
        case "csat", "csat_top2": h = s.csat
        case "ces": h = s.ces
        default: return false
        }
        return h.contains { $0.reduce(0, +) < minAnswers }
    }

    /// The KPIs of these sections, this period's against the previous one's.
    func figures(_ b: Int, hasPrevious: Bool) -> [Figure] {
        let s = satisfaction.all, c = carts.cohorts[b], t = support.total[b]
        func count(_ h: [Int], top: Int) -> (x: Int, n: Int) { (h.suffix(top).reduce(0, +), h.reduce(0, +)) }
        let nps = s.nps[b], n = nps.reduce(0, +), p = nps[9] + nps[10], d = nps[0...6].reduce(0, +)
        let csat = count(s.csat[b], top: 1), top2 = count(s.csat[b], top: 2), ces = count(s.ces[b], top: 1)
        func score(_ x: (x: Int, n: Int)) -> Double? { x.n == 0 ? nil : rounded(Double(x.x) / Double(x.n) * 100, 10) }
        let aht = t.timed == 0 ? nil : rounded(Double(t.seconds) / Double(t.timed), 10)
        var figures = [
            Figure(.nps, n == 0 ? nil : rounded(Double(p - d) / Double(n) * 100, 10), .nps(p, d, n)),
            Figure(.csat, score(csat), .proportion(csat.x, csat.n)),
            Figure(.csatTop2, score(top2), .proportion(top2.x, top2.n)),
            Figure(.ces, score(ces), .proportion(ces.x, ces.n)),
            Figure(.supportContacts, Double(t.contacts), .count(t.contacts)),
            Figure(.ahtSeconds, aht, .mean(support.sample(b))),
            Figure(.customerCartAbandonment, ratio(c.peopleAbandoned, c.people), .proportion(c.peopleAbandoned, c.people)),
            Figure(.cartRecoveryRate, ratio(c.recovered, c.abandoned), .proportion(c.recovered, c.abandoned)),
            Figure(.medianDaysToRecovery, carts.medianDays(b), nil),
        ]
        if b == 1 && !hasPrevious { for i in figures.indices { figures[i].value = nil; figures[i].sample = nil } }
        return figures
    }
}
