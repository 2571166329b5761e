import Foundation
import JourneysCore
import ReportModel
import Touchpoints

/// One person's visits as a score fold sees them: every visit of the data read, oldest first,
/// with its mapping. Each person is added to a fold exactly once, so counts of distinct people
/// are exact and partials of disjoint people merge by adding.
package struct PersonVisits {
    package var visits: [Visit]
    package var mapped: [MappedVisit]
    package init(visits: [Visit], mapped: [MappedVisit]) { self.visits = visits; self.mapped = mapped }
}

/// What every fold needs besides the visits: the period, the rules and names of the config.
package struct FoldContext {
    package var catalog: TouchpointCatalog
    package var symbols: SymbolTable
    package var period: Range<Int64>
    package var previous: Range<Int64>?
    package var lookback: Int64
    package var settings: QuestionSettings
    /// Local day numbers of the period's first and last day, and of the previous period's.
    package var periodDays: ClosedRange<Int>
    package var previousDays: ClosedRange<Int>?
    /// The local day of the latest visit start read: carts after it cannot be followed.
    package var lastDataDay: Int = .max
    /// Half-life of the time-decay attribution model, in seconds.
    package var timeDecayHalfLife: Int64 = 7 * 86_400
    /// Average customer lifespan for CLV from the logs' window, in years.
    package var customerLifespanYears: Double = 3
    /// Per touchpoint index: its funnel step and phase, and whether it is the site search, read
    /// once here rather than copied out of the catalog per page view.
    package var stepOf: [FunnelStep?] = []
    package var phaseOf: [Phase] = []
    package var isSearch: [Bool] = []
    /// The sections in folders of their own that people are folded into (`SectionPartials`).
    package var sections: [any ReportSection.Type] = SectionList.folded

    package init(catalog: TouchpointCatalog, symbols: SymbolTable, period: Range<Int64>, previous: Range<Int64>?, lookback: Int64,
         settings: QuestionSettings, periodDays: ClosedRange<Int>, previousDays: ClosedRange<Int>?) {
        self.catalog = catalog; self.symbols = symbols; self.period = period; self.previous = previous
        self.lookback = lookback; self.settings = settings; self.periodDays = periodDays; self.previousDays = previousDays
        stepOf = catalog.entries.map(\.funnelStep)
        phaseOf = catalog.entries.map(\.phase)
        isSearch = catalog.entries.map { $0.name == settings.searchTouchpoint }
    }

    /// Which period a visit start belongs to: 0 this one, 1 the previous one, nil neither.
    package func bucket(_ start: Int64) -> Int? {
        if period.contains(start) { return 0 }
        if let previous, previous.contains(start) { return 1 }
        return nil
    }
}

/// What a fold's finish reads besides its own partial: the fold context, the funnel for the
/// sections measured against it, and the one ledger of rows withheld for being about fewer
/// than `privacy.min_people` people (report.json `questions.suppressed`).
package struct FinishContext {
    package var fold: FoldContext
    /// The report's funnel, finished before the sections that compare with it.
    package var funnel: [FunnelRow] = []
    /// Rows withheld per table; a table that withheld none is listed with 0.
    package private(set) var withheld: [WithheldTable: Int] = [:]

    package init(_ fold: FoldContext) { self.fold = fold }

    /// Records that `table` withheld `rows` rows.
    package mutating func withhold(_ rows: Int, in table: WithheldTable) { withheld[table, default: 0] += rows }

    /// The ledger as report.json shows it.
    package var suppressed: Suppressed {
        Suppressed(k: fold.settings.minPeople, rows: withheld.values.reduce(0, +),
                   byTable: Dictionary(uniqueKeysWithValues: withheld.map { ($0.key.rawValue, $0.value) }))
    }
}

/// A partial aggregate of people: `merge` joins the partial of other, disjoint people exactly
/// (integers, keyed counts and sets only), so people may be folded in any number of parts
/// (threads, buckets of a spill, shards in other processes) and merged in any grouping to the
/// same finish, byte for byte.
package protocol Mergeable {
    mutating func merge(_ other: Self)
    /// Joins `other` as `merge` does and may leave it empty, freeing its tables as they are
    /// joined: for a part that is not read afterwards (the threads' partials of a run).
    mutating func absorb(_ other: inout Self)
}

extension Mergeable {
    package mutating func absorb(_ other: inout Self) { merge(other) }

    /// Joins the parts, in the order given.
    package mutating func merge(contentsOf parts: some Sequence<Self>) {
        for part in parts { merge(part) }
    }

    /// The parts joined into the first, in the order given; nil for no part.
    package static func merged(_ parts: some Sequence<Self>) -> Self? {
        var rest = parts.makeIterator()
        guard var whole = rest.next() else { return nil }
        while let part = rest.next() { whole.merge(part) }
        return whole
    }
}

/// A section of score as a fold, in the shape of Spark's `Aggregator`: `init(zero:)` is the
/// empty partial, `add` takes one person, `merge` joins the partial of other people exactly,
/// and `finish` turns the merged partial into the report's part, sorting where order matters
/// and recording the rows it withholds in the context (`FinishContext.withhold`), the one
/// place withheld rows are counted.
package protocol SectionFold: Mergeable, Codable {
    associatedtype Output
    init(zero context: FoldContext)
    mutating func add(_ person: PersonVisits, _ context: FoldContext)
    func finish(_ context: inout FinishContext) -> Output
}
