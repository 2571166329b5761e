import JourneysCore
import Touchpoints
import ReportModel
import Sections

/// People held in memory with everything score reads besides them: the one-process way to
/// score (`Scorer.score(_:context:)`), for tests and small inputs; a run folds its people as
/// they stream past instead and hands the finish the settings and the accounting alone. Each
/// order id stands in one visit only (sessionize keeps the first), so score sums orders
/// without looking for repeats. The settings' and the accounting's fields read as its own
/// (`input.period`, `input.quality`).
@dynamicMemberLookup
package struct ScoreInput: Sendable {
    package var visits: [Visit]
    package var mapped: [MappedVisit]
    package var journeys: [Journey]
    package var settings: ScoreSettings
    package var accounting: InputAccounting
    /// What the history store knows (earlier orders, earlier periods' KPIs); nil without a history.
    package var history: HistoryFacts? = nil

    package init(visits: [Visit], mapped: [MappedVisit], journeys: [Journey], catalog: TouchpointCatalog,
                 symbols: SymbolTable, period: Range<Int64>, previous: Range<Int64>?, lookback: Int64,
                 quality: DataQuality = DataQuality(), lateEvents: Int = 0, cutVisits: Int = 0,
                 ruleNames: [String] = [], ruleHits: [Int] = [], unmatched: [Symbol: Int] = [:]) {
        self.visits = visits; self.mapped = mapped; self.journeys = journeys
        settings = ScoreSettings(catalog: catalog, symbols: symbols, period: period, previous: previous, lookback: lookback)
        accounting = InputAccounting(quality: quality, lateEvents: lateEvents, cutVisits: cutVisits,
                                     ruleNames: ruleNames, ruleHits: ruleHits, unmatched: unmatched)
    }

    package subscript<T>(dynamicMember path: WritableKeyPath<ScoreSettings, T>) -> T {
        get { settings[keyPath: path] }
        set { settings[keyPath: path] = newValue }
    }

    package subscript<T>(dynamicMember path: WritableKeyPath<InputAccounting, T>) -> T {
        get { accounting[keyPath: path] }
        set { accounting[keyPath: path] = newValue }
    }

    /// Every person, one journey each, as the folds take them.
    package var people: some Sequence<PersonVisits> {
        journeys.lazy.map { j in PersonVisits(visits: j.visits.map { visits[$0] }, mapped: j.visits.map { mapped[$0] }) }
    }

    /// The context of the folds.
    package var foldContext: FoldContext { FoldContext(settings) }

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


/// The median; the mean of the middle two for an even count; nil for none.
func median(_ xs: [Double]) -> Double? {
    guard !xs.isEmpty else { return nil }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
