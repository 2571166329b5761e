import Foundation
import JourneysCore
import Touchpoints
import Sections

/// What score reads of the run besides the people: the period, the config's settings, the
/// touchpoints and the symbols. Known before any person is folded (the folds read it through
/// `FoldContext`), the same for every shard of a sharded run.
package struct ScoreSettings: Sendable {
    package var catalog: TouchpointCatalog
    package var symbols: SymbolTable
    /// The report's period and the one before it, as Unix-time ranges.
    package var period: Range<Int64>
    /// `nil` when the input does not reach back to the previous period.
    package var previous: Range<Int64>?
    /// How far before a conversion visits still count for attribution, in seconds.
    package var lookback: Int64
    /// Half-life of the time-decay attribution model, in seconds.
    package var timeDecayHalfLife: Int64 = 7 * 86_400
    /// Average customer lifespan for CLV, in years (the logs cannot tell it).
    package var customerLifespanYears: Double = 3
    /// Retention spend per calendar year (config), for the retention cost.
    package var retentionSpend: [Int: Double] = [:]
    /// The last days of the period and of the previous one, for the figures of the history.
    package var lastDay: CivilDate? = nil
    package var previousLastDay: CivilDate? = nil
    /// The config of the CX sections (surveys, support, carts, privacy).
    package var questions = QuestionSettings()
    /// Local day numbers of the period and of the previous one.
    package var periodDays: ClosedRange<Int> = 0...0
    package var previousDays: ClosedRange<Int>? = nil
    /// The local day of the latest line read, for a partial period: carts after its window
    /// cannot be followed. nil for a complete period.
    package var lastDataDay: Int? = nil

    package init(catalog: TouchpointCatalog, symbols: SymbolTable, period: Range<Int64>, previous: Range<Int64>?, lookback: Int64) {
        self.catalog = catalog; self.symbols = symbols; self.period = period; self.previous = previous; self.lookback = lookback
    }
}

/// How the input's lines and page views were accounted for: the data-quality counts of extract
/// and sessionize, and the use of the touchpoint rules. Score reports it as it is.
package struct InputAccounting: Sendable {
    package var quality: DataQuality
    package var lateEvents: Int
    package var afterPeriod: Int = 0
    package var cutVisits: Int
    package var ruleNames: [String]
    package var ruleHits: [Int]
    package var unmatched: [Symbol: Int]

    package init(quality: DataQuality = DataQuality(), lateEvents: Int = 0, afterPeriod: Int = 0, cutVisits: Int = 0,
                 ruleNames: [String] = [], ruleHits: [Int] = [], unmatched: [Symbol: Int] = [:]) {
        self.quality = quality; self.lateEvents = lateEvents; self.afterPeriod = afterPeriod; self.cutVisits = cutVisits
        self.ruleNames = ruleNames; self.ruleHits = ruleHits; self.unmatched = unmatched
    }
}

extension FoldContext {
    /// The context every fold of a run reads, from the run's settings.
    package init(_ s: ScoreSettings) {
        self.init(catalog: s.catalog, symbols: s.symbols, period: s.period, previous: s.previous, lookback: s.lookback,
                  settings: s.questions, periodDays: s.periodDays, previousDays: s.previousDays)
        if let last = s.lastDataDay { lastDataDay = last }
        timeDecayHalfLife = s.timeDecayHalfLife
        customerLifespanYears = s.customerLifespanYears
    }
}
