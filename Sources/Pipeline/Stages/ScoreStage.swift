import Foundation
import JourneysCore
import Score
import ReportModel
import Touchpoints
import Sections

/// Computes every figure of the report.
enum ScoreStage {
    /// What score reads besides the people: the period, the config's settings, the touchpoints
    /// of `catalog` and the run's `symbols`. Known before the people are folded (`FoldStage`).
    static func settings(_ window: PeriodWindow, config: PipelineConfig, catalog: TouchpointCatalog, symbols: SymbolTable) -> ScoreSettings {
        let period = window.period
        var settings = ScoreSettings(catalog: catalog, symbols: symbols, period: window.periodRange,
                                     previous: window.previousCovered ? window.previousRange : nil,
                                     lookback: Int64(config.lookbackDays) * 86_400)
        settings.timeDecayHalfLife = Int64(config.timeDecayHalfLifeDays * 86_400)
        settings.retentionSpend = config.retentionSpend
        settings.lastDay = period.last
        settings.previousLastDay = period.previous.last
        settings.periodDays = period.first.dayNumber...period.last.dayNumber
        settings.previousDays = window.previousCovered ? period.previous.first.dayNumber...period.previous.last.dayNumber : nil
        var questions = QuestionSettings()
        questions.cesPoints = config.cesPoints
        questions.minAnswers = config.minAnswers
        questions.searchTouchpoint = config.searchTouchpoint
        questions.recoveryDays = config.cartRecoveryDays
        questions.minPeople = config.minPeople
        questions.sections = config.sectionSettings
        questions.timeZone = TimeZone(identifier: config.timeZone) ?? TimeZone(identifier: "UTC")!
        settings.questions = questions
        if period.isPartial { settings.lastDataDay = LocalDays.day(of: window.span.latest, in: window.zone) }
        // Numbers of the config are rounded like every number of report.json.
        settings.customerLifespanYears = (config.customerLifespanYears * 10_000).rounded() / 10_000
        return settings
    }

    /// The accounting of the lines (extract's and sessionize's counts) and of the touchpoint
    /// rules' use, as score reports it.
    static func accounting(quality: DataQuality, lateEvents: Int, cutVisits: Int, afterPeriod: Int, rules: TouchpointMapper,
                           config: PipelineConfig) -> InputAccounting {
        InputAccounting(quality: quality, lateEvents: lateEvents, afterPeriod: afterPeriod, cutVisits: cutVisits,
                        ruleNames: config.touchpointRules.map(\.touchpoint), ruleHits: rules.ruleHits, unmatched: rules.unmatched)
    }

    /// Computes every figure of the report from the folded people.
    static func run(_ read: FoldedRead, history: HistoryFacts?, config: PipelineConfig) throws -> ReportData {
        guard read.folded.score.orderValuesFit else { throw OrderValuesOverflow() }
        let p = read.window.period
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
        return Scorer.score(read.folded.score, settings: read.settings, accounting: read.accounting, history: history, context: context)
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
