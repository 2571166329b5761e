import Foundation
import JourneysCore
import Score
import ReportModel
import Touchpoints

/// Computes every figure of the report.
enum ScoreStage {
    /// What score reads besides the people: the period, the config's settings and the accounting
    /// of the input. The people are folded in `FoldStage`.
    static func input(_ sessions: Sessions, mapper: TouchpointMapper, plan: ReadPlan, config: PipelineConfig) -> ScoreInput {
        let extract = sessions.extract
        var input = ScoreInput(
            visits: [], mapped: [], journeys: [], catalog: mapper.catalog,
            symbols: extract.symbols, period: plan.periodRange, previous: plan.previousCovered ? plan.previousRange : nil,
            lookback: Int64(config.lookbackDays) * 86_400, quality: extract.quality, lateEvents: sessions.lateEvents,
            cutVisits: sessions.cutVisits, ruleNames: config.touchpointRules.map(\.touchpoint),
            ruleHits: [], unmatched: [:])
        input.timeDecayHalfLife = Int64(config.timeDecayHalfLifeDays * 86_400)
        input.afterPeriod = sessions.afterPeriod
        input.retentionSpend = config.retentionSpend
        input.lastDay = plan.period.last
        input.previousLastDay = plan.period.previous.last
        input.periodDays = plan.period.first.dayNumber...plan.period.last.dayNumber
        input.previousDays = plan.previousCovered ? plan.period.previous.first.dayNumber...plan.period.previous.last.dayNumber : nil
        var questions = QuestionSettings()
        questions.cesPoints = config.cesPoints
        questions.minAnswers = config.minAnswers
        questions.searchTouchpoint = config.searchTouchpoint
        questions.recoveryDays = config.cartRecoveryDays
        questions.minPeople = config.minPeople
        questions.timeZone = TimeZone(identifier: config.timeZone) ?? TimeZone(identifier: "UTC")!
        input.questions = questions
        if plan.period.isPartial { input.lastDataDay = LocalDays.day(of: plan.span.latest, in: plan.zone) }
        // Numbers of the config are rounded like every number of report.json.
        input.customerLifespanYears = (config.customerLifespanYears * 10_000).rounded() / 10_000
        return input
    }

    /// Computes every figure of the report from the folded people.
    static func run(_ folded: Folded, input: ScoreInput, history: HistoryFacts?, plan: ReadPlan, config: PipelineConfig) throws -> ReportData {
        guard folded.score.orderValuesFit else { throw OrderValuesOverflow() }
        var input = input
        input.ruleHits = folded.mapper.ruleHits
        input.unmatched = folded.mapper.unmatched
        input.history = history
        let p = plan.period
        let rules = config.sessionRules
        let context = Scorer.Context(
            period: PeriodInfo(name: p.description, first: p.first.description, last: p.last.description,
                               isPartial: p.isPartial, previous: p.previous.description, timeZone: config.timeZone,
                               currency: config.currency, locale: config.locale),
            rules: RulesInfo(preset: rules.preset, summary: rules.summary, timeoutMinutes: Int(rules.timeout / 60),
                             newVisitOnCampaignChange: rules.newVisitOnCampaignChange, splitAtMidnight: rules.splitAtMidnight,
                             maxVisitHours: Int(rules.maxVisitLength / 3600), identity: config.identitySummary,
                             lookbackDays: config.lookbackDays,
                             timeDecayHalfLifeDays: (config.timeDecayHalfLifeDays * 10_000).rounded() / 10_000))
        return Scorer.score(folded.score, input, context: context)
    }
}

/// The order values of the read window add up to more than 64-bit cents hold: the report is
/// refused rather than published with a sum that stopped at the bound. Each value is at most
/// `orders.max_value`, so only billions of orders reach it.
package struct OrderValuesOverflow: Error, CustomStringConvertible {
    package var description: String {
        "the order values of the data read add up to more than 92,233,720,368,547,758.07; lower orders.max_value"
    }
}
