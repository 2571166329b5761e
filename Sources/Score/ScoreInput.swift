import JourneysCore
import Touchpoints
import ReportModel

/// What the earlier stages hand to score: visits with their mapping, journeys, and the
/// accounting of the input. Score reads it, never the logs. Each order id stands in one visit
/// only (sessionize keeps the first), so score sums orders without looking for repeats.
package struct ScoreInput: Sendable {
    package var visits: [Visit]
    package var mapped: [MappedVisit]
    package var journeys: [Journey]
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
    /// What the history store knows (earlier orders, earlier periods' KPIs); nil without a history.
    package var history: HistoryFacts? = nil
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
    package var quality: DataQuality
    package var lateEvents: Int
    package var afterPeriod: Int = 0
    package var cutVisits: Int
    package var ruleNames: [String]
    package var ruleHits: [Int]
    package var unmatched: [Symbol: Int]

    package init(visits: [Visit], mapped: [MappedVisit], journeys: [Journey], catalog: TouchpointCatalog,
                 symbols: SymbolTable, period: Range<Int64>, previous: Range<Int64>?, lookback: Int64,
                 quality: DataQuality = DataQuality(), lateEvents: Int = 0, cutVisits: Int = 0,
                 ruleNames: [String] = [], ruleHits: [Int] = [], unmatched: [Symbol: Int] = [:]) {
        self.visits = visits; self.mapped = mapped; self.journeys = journeys; self.catalog = catalog
        self.symbols = symbols; self.period = period; self.previous = previous; self.lookback = lookback
        self.quality = quality; self.lateEvents = lateEvents; self.cutVisits = cutVisits
        self.ruleNames = ruleNames; self.ruleHits = ruleHits; self.unmatched = unmatched
    }

    /// Journey index of every visit.
    package var personOfVisit: [Int] {
        var person = Array(repeating: -1, count: visits.count)
        for (j, journey) in journeys.enumerated() {
            for v in journey.visits { person[v] = j }
        }
        return person
    }

    /// Visits that started in `range`, in time order.
    package func visits(startingIn range: Range<Int64>) -> [Int] {
        visits.indices.filter { range.contains(visits[$0].start) }
    }
}

/// Rounds ratios for report.json so that float noise never shows up as a diff between runs.
@inline(__always) func rounded(_ x: Double, _ places: Double = 10_000) -> Double { (x * places).rounded() / places }

func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : rounded(Double(a) / Double(b)) }

/// The median; the mean of the middle two for an even count; nil for none.
func median(_ xs: [Double]) -> Double? {
    guard !xs.isEmpty else { return nil }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
