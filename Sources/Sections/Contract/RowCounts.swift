import JourneysCore


/// Counts per row of a table, each with the number of distinct people behind it.
package struct RowCounts: Equatable, Codable {
    package var n = 0
    package var people = 0
    package var visits = 0
    package var purchases = 0
    package var orders = 0
    package var cents: Int64 = 0
    package var carts = 0
    /// Visits with at least one of `carts` (a product added to the cart in the visit).
    package var cartVisits = 0
    package var exits = 0

    package init() {}

    package mutating func merge(_ o: RowCounts) {
        n += o.n; people += o.people; visits += o.visits; purchases += o.purchases
        orders += o.orders; cents = Cents.add(cents, o.cents); carts += o.carts; cartVisits += o.cartVisits; exits += o.exits
    }
}

/// Rows keyed by a stable key (a touchpoint index, a logged value) whose people are counted
/// once per person: call `nextPerson()` before adding a person's rows.
package struct KeyedCounts<Key: Hashable & Comparable & Codable>: Codable {
    package private(set) var rows: [Key: RowCounts] = [:]
    private var seen: Set<Key> = []
    /// A partial keeps its rows; `seen` belongs to the person being added.
    private enum CodingKeys: String, CodingKey { case rows }

    package init() {}

    package mutating func nextPerson() { seen.removeAll(keepingCapacity: true) }

    /// Adds one to `n` of `key` (and to its people when the person is new to it), then `update`.
    package mutating func add(_ key: Key, _ update: (inout RowCounts) -> Void = { _ in }) {
        touch(key) { row in
            row.n += 1
            update(&row)
        }
    }

    /// Updates `key`'s row without counting one more of it (a cart or an order of a product
    /// counted by its views); the person still counts once.
    package mutating func touch(_ key: Key, _ update: (inout RowCounts) -> Void) {
        var row = rows[key] ?? RowCounts()
        if seen.insert(key).inserted { row.people += 1 }
        update(&row)
        rows[key] = row
    }

    /// The same rows under other keys (symbols numbered anew); rows whose keys meet add up.
    package mutating func mapKeys(_ f: (Key) -> Key) {
        var mapped: [Key: RowCounts] = [:]
        for (k, r) in rows { mapped[f(k), default: RowCounts()].merge(r) }
        rows = mapped
    }

    package mutating func merge(_ other: KeyedCounts<Key>) {
        for (k, r) in other.rows { rows[k, default: RowCounts()].merge(r) }
    }

    /// The rows about at least `k` people, largest `n` first (ties by key), at most `limit`,
    /// and how many rows were withheld for being about fewer than `k` people.
    package func top(_ limit: Int, k: Int) -> (rows: [(key: Key, counts: RowCounts)], suppressed: Int) {
        let shown = rows.filter { $0.value.people >= k }
            .sorted { $0.value.n != $1.value.n ? $0.value.n > $1.value.n : $0.key < $1.key }
            .prefix(limit)
            .map { (key: $0.key, counts: $0.value) }
        return (Array(shown), rows.values.filter { $0.people < k }.count)
    }
}

/// A visit's touchpoints with repeats folded (a variant).
package func foldedTouchpoints(_ touchpoints: some Sequence<Int>) -> [Int] {
    var path: [Int] = []
    for tp in touchpoints where path.last != tp { path.append(tp) }
    return path
}

/// A sequence of touchpoint indexes as a table key, ordered element by element.
package struct TouchpointSequence: Hashable, Comparable, Codable {
    package var steps: [Int]
    package init(_ steps: [Int]) { self.steps = steps }
    package static func < (a: Self, b: Self) -> Bool { a.steps.lexicographicallyPrecedes(b.steps) }
}
