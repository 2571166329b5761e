import Foundation
import JourneysCore
import ReportModel
import Touchpoints

/// One person's visits as a score fold sees them: every visit of the data read, oldest first,
/// with its mapping. Each person is added to a fold exactly once, so counts of distinct people
/// are exact and partials of disjoint people merge by adding.
package struct PersonVisits {
    var visits: [Visit]
    var mapped: [MappedVisit]
    package init(visits: [Visit], mapped: [MappedVisit]) { self.visits = visits; self.mapped = mapped }
}

/// What every fold needs besides the visits: the period, the rules and names of the config.
package struct FoldContext {
    var catalog: TouchpointCatalog
    var symbols: SymbolTable
    var period: Range<Int64>
    var previous: Range<Int64>?
    var lookback: Int64
    var settings: QuestionSettings
    /// Local day numbers of the period's first and last day, and of the previous period's.
    var periodDays: ClosedRange<Int>
    var previousDays: ClosedRange<Int>?
    /// The local day of the latest visit start read: carts after it cannot be followed.
    var lastDataDay: Int = .max
    /// Half-life of the time-decay attribution model, in seconds.
    var timeDecayHalfLife: Int64 = 7 * 86_400
    /// Average customer lifespan for CLV from the logs' window, in years.
    var customerLifespanYears: Double = 3
    /// Per touchpoint index: its funnel step and phase, and whether it is the site search, read
    /// once here rather than copied out of the catalog per page view.
    var stepOf: [FunnelStep?] = []
    var phaseOf: [Phase] = []
    var isSearch: [Bool] = []

    init(catalog: TouchpointCatalog, symbols: SymbolTable, period: Range<Int64>, previous: Range<Int64>?, lookback: Int64,
         settings: QuestionSettings, periodDays: ClosedRange<Int>, previousDays: ClosedRange<Int>?) {
        self.catalog = catalog; self.symbols = symbols; self.period = period; self.previous = previous
        self.lookback = lookback; self.settings = settings; self.periodDays = periodDays; self.previousDays = previousDays
        stepOf = catalog.entries.map(\.funnelStep)
        phaseOf = catalog.entries.map(\.phase)
        isSearch = catalog.entries.map { $0.name == settings.searchTouchpoint }
    }

    /// Which period a visit start belongs to: 0 this one, 1 the previous one, nil neither.
    func bucket(_ start: Int64) -> Int? {
        if period.contains(start) { return 0 }
        if let previous, previous.contains(start) { return 1 }
        return nil
    }
}

/// What a fold's finish reads besides its own partial: the fold context, the funnel for the
/// sections measured against it, and the one ledger of rows withheld for being about fewer
/// than `privacy.min_people` people (report.json `questions.suppressed`).
struct FinishContext {
    var fold: FoldContext
    /// The report's funnel, finished before the sections that compare with it.
    var funnel: [FunnelRow] = []
    /// Rows withheld per table; a table that withheld none is listed with 0.
    private(set) var withheld: [String: Int] = [:]

    init(_ fold: FoldContext) { self.fold = fold }

    /// Records that `table` withheld `rows` rows.
    mutating func withhold(_ rows: Int, in table: String) { withheld[table, default: 0] += rows }

    /// The ledger as report.json shows it.
    var suppressed: Suppressed {
        Suppressed(k: fold.settings.minPeople, rows: withheld.values.reduce(0, +), byTable: withheld)
    }
}

/// A section of score as a fold, in the shape of Spark's `Aggregator`: `init(zero:)` is the
/// empty partial, `add` takes one person, `merge` joins the partial of other people exactly
/// (integers and keyed counts only), and `finish` turns the merged partial into the report's
/// part, sorting where order matters and recording the rows it withholds in the context.
protocol SectionFold: Codable {
    associatedtype Output
    init(zero context: FoldContext)
    mutating func add(_ person: PersonVisits, _ context: FoldContext)
    mutating func merge(_ other: Self)
    func finish(_ context: inout FinishContext) -> Output
}

/// Counts per row of a table, each with the number of distinct people behind it.
struct RowCounts: Equatable, Codable {
    var n = 0
    var people = 0
    var visits = 0
    var purchases = 0
    var orders = 0
    var cents: Int64 = 0
    var carts = 0
    /// Visits with at least one of `carts` (a product added to the cart in the visit).
    var cartVisits = 0
    var exits = 0

    mutating func merge(_ o: RowCounts) {
        n += o.n; people += o.people; visits += o.visits; purchases += o.purchases
        orders += o.orders; cents = Cents.add(cents, o.cents); carts += o.carts; cartVisits += o.cartVisits; exits += o.exits
    }
}

/// Rows keyed by a stable key (a touchpoint index, a logged value) whose people are counted
/// once per person: call `nextPerson()` before adding a person's rows.
struct KeyedCounts<Key: Hashable & Comparable & Codable>: Codable {
    private(set) var rows: [Key: RowCounts] = [:]
    private var seen: Set<Key> = []
    /// A partial keeps its rows; `seen` belongs to the person being added.
    private enum CodingKeys: String, CodingKey { case rows }

    mutating func nextPerson() { seen.removeAll(keepingCapacity: true) }

    /// Adds one to `n` of `key` (and to its people when the person is new to it), then `update`.
    mutating func add(_ key: Key, _ update: (inout RowCounts) -> Void = { _ in }) {
        touch(key) { row in
            row.n += 1
            update(&row)
        }
    }

    /// Updates `key`'s row without counting one more of it (a cart or an order of a product
    /// counted by its views); the person still counts once.
    mutating func touch(_ key: Key, _ update: (inout RowCounts) -> Void) {
        var row = rows[key] ?? RowCounts()
        if seen.insert(key).inserted { row.people += 1 }
        update(&row)
        rows[key] = row
    }

    /// The same rows under other keys (symbols numbered anew); rows whose keys meet add up.
    mutating func mapKeys(_ f: (Key) -> Key) {
        var mapped: [Key: RowCounts] = [:]
        for (k, r) in rows { mapped[f(k), default: RowCounts()].merge(r) }
        rows = mapped
    }

    mutating func merge(_ other: KeyedCounts<Key>) {
        for (k, r) in other.rows { rows[k, default: RowCounts()].merge(r) }
    }

    /// The rows about at least `k` people, largest `n` first (ties by key), at most `limit`,
    /// and how many rows were withheld for being about fewer than `k` people.
    func top(_ limit: Int, k: Int) -> (rows: [(key: Key, counts: RowCounts)], suppressed: Int) {
        let shown = rows.filter { $0.value.people >= k }
            .sorted { $0.value.n != $1.value.n ? $0.value.n > $1.value.n : $0.key < $1.key }
            .prefix(limit)
            .map { (key: $0.key, counts: $0.value) }
        return (Array(shown), rows.values.filter { $0.people < k }.count)
    }
}

/// A visit's touchpoints with repeats folded (a variant).
func foldedTouchpoints(_ touchpoints: some Sequence<Int>) -> [Int] {
    var path: [Int] = []
    for tp in touchpoints where path.last != tp { path.append(tp) }
    return path
}

/// A sequence of touchpoint indexes as a table key, ordered element by element.
struct TouchpointSequence: Hashable, Comparable, Codable {
    var steps: [Int]
    init(_ steps: [Int]) { self.steps = steps }
    static func < (a: Self, b: Self) -> Bool { a.steps.lexicographicallyPrecedes(b.steps) }
}
