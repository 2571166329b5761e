import JourneysCore


/// Counts per row of a table, each with the number of distinct people behind it. Public, as
/// `KeyedCounts` is.
public struct RowCounts: Equatable, Codable {
    public var n = 0
    public var people = 0
    public var visits = 0
    public var purchases = 0
    public var orders = 0
    public var cents: Int64 = 0
    public var carts = 0
    /// Visits with at least one of `carts` (a product added to the cart in the visit).
    public var cartVisits = 0
    public var exits = 0

    @inlinable public init() {}

    public mutating func merge(_ o: RowCounts) {
        n += o.n; people += o.people; visits += o.visits; purchases += o.purchases
        orders += o.orders; cents = Cents.add(cents, o.cents); carts += o.carts; cartVisits += o.cartVisits; exits += o.exits
    }
}

/// Rows keyed by a stable key (a touchpoint index, a logged value) whose people are counted
/// once per person: call `nextPerson()` before adding a person's rows.
///
/// Each key is hashed once per row it updates: the key leads to its row's place in a flat list,
/// and each row remembers the last person who counted in it, so that no set of the person's keys
/// is kept. The type is inlinable so that the folds of other modules get it specialized to their
/// key: it is updated for every visit, several times (the compiler serializes the bodies of
/// public inlinable code only, hence public). It is coded as the dictionary of its rows.
public struct KeyedCounts<Key: Hashable & Comparable & Codable>: Codable {
    /// One row and the number of the last person counted in it (0: none of this partial's).
    @usableFromInline
    struct Slot {
        @usableFromInline var counts: RowCounts
        @usableFromInline var person: Int
        @inlinable init(_ counts: RowCounts, person: Int) { self.counts = counts; self.person = person }
    }

    /// Each key's place in `slots`.
    @usableFromInline var places: [Key: Int] = [:]
    @usableFromInline var slots: [Slot] = []
    /// The number of the person being added, from 1.
    @usableFromInline var person = 1
    private enum CodingKeys: String, CodingKey { case rows }

    @inlinable public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for (key, row) in try c.decode([Key: RowCounts].self, forKey: .rows) {
            places[key] = slots.count
            slots.append(Slot(row, person: 0))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows)
    }

    /// The rows by key.
    package var rows: [Key: RowCounts] {
        var all: [Key: RowCounts] = [:]
        all.reserveCapacity(places.count)
        for (key, place) in places { all[key] = slots[place].counts }
        return all
    }

    /// The number of rows.
    @inlinable public var count: Int { slots.count }

    /// The row of `key`, if it has one.
    @inlinable public subscript(key: Key) -> RowCounts? { places[key].map { slots[$0].counts } }

    @inlinable public mutating func nextPerson() { person += 1 }

    /// Adds one to `n` of `key` (and to its people when the person is new to it), then `update`.
    @inlinable public mutating func add(_ key: Key, _ update: (inout RowCounts) -> Void = { _ in }) {
        touch(key) { row in
            row.n += 1
            update(&row)
        }
    }

    /// Updates `key`'s row without counting one more of it (a cart or an order of a product
    /// counted by its views); the person still counts once.
    @inlinable public mutating func touch(_ key: Key, _ update: (inout RowCounts) -> Void) {
        let place: Int
        if let known = places[key] {
            place = known
        } else {
            place = slots.count
            places[key] = place
            slots.append(Slot(RowCounts(), person: 0))
        }
        let current = person
        slots.withUnsafeMutableBufferPointer { all in
            if all[place].person != current { all[place].person = current; all[place].counts.people += 1 }
            update(&all[place].counts)
        }
    }

    /// The same rows under other keys (symbols numbered anew); rows whose keys meet add up.
    package mutating func mapKeys(_ f: (Key) -> Key) {
        var mapped = KeyedCounts()
        for (key, place) in places { mapped.mergeRow(f(key), slots[place].counts) }
        self = mapped
    }

    /// Joins the rows of other people: rows of one key add up.
    @inlinable public mutating func merge(_ other: KeyedCounts<Key>) {
        places.reserveCapacity(places.count + other.places.count / 2)
        for (key, place) in other.places { mergeRow(key, other.slots[place].counts) }
    }

    /// Joins the rows of other people as `merge` does, the smaller table into the larger, and
    /// leaves `other` empty, its rows freed on another thread: for a part that is not needed
    /// afterwards, so that the two tables are not both kept whole while the rest is merged.
    @inlinable public mutating func absorb(_ other: inout KeyedCounts<Key>) {
        if other.slots.count > slots.count { swap(&self, &other) }
        // room for the new keys at once, so that the table is not grown by doubling as they come
        var fresh = 0
        for key in other.places.keys where places[key] == nil { fresh += 1 }
        places.reserveCapacity(places.count + fresh)
        slots.reserveCapacity(slots.count + fresh)
        for (key, place) in other.places { mergeRow(key, other.slots[place].counts) }
        other.discard()
    }

    /// Empties the table, its rows freed on another thread.
    @usableFromInline mutating func discard() {
        Discard.inBackground(self)
        self = KeyedCounts()
    }

    /// Adds `row` to `key`'s row; no person of this partial is counted in it.
    @inlinable mutating func mergeRow(_ key: Key, _ row: RowCounts) {
        if let place = places[key] {
            slots[place].counts.merge(row)
        } else {
            places[key] = slots.count
            slots.append(Slot(row, person: 0))
        }
    }

    /// The rows about at least `k` people, largest `n` first (ties by key), at most `limit`,
    /// and how many rows were withheld for being about fewer than `k` people.
    package func top(_ limit: Int, k: Int) -> (rows: [(key: Key, counts: RowCounts)], suppressed: Int) {
        var (shown, withheld) = candidates(limit, k: k)
        shown.sort { $0.counts.n != $1.counts.n ? $0.counts.n > $1.counts.n : $0.key < $1.key }
        return (Array(shown.prefix(limit)), withheld)
    }

    /// The rows about at least `k` people that may be among the `limit` largest `n`, in no order:
    /// those whose `n` is at least the `limit`-th largest (ties with it included), so that only
    /// they are sorted by a finish, whatever breaks its ties; and how many rows were withheld for
    /// being about fewer than `k` people. A table of thousands of rows shows a dozen.
    package func candidates(_ limit: Int, k: Int) -> (rows: [(key: Key, counts: RowCounts)], suppressed: Int) {
        var counts: [Int] = []
        counts.reserveCapacity(slots.count)
        for slot in slots where slot.counts.people >= k { counts.append(slot.counts.n) }
        let withheld = slots.count - counts.count
        var least = Int.min
        if limit > 0 && limit < counts.count {
            counts.sort(by: >)
            least = counts[limit - 1]
        }
        var shown: [(key: Key, counts: RowCounts)] = []
        for (key, place) in places where slots[place].counts.people >= k && slots[place].counts.n >= least {
            shown.append((key, slots[place].counts))
        }
        return (shown, withheld)
    }
}

/// A visit's touchpoints with repeats folded (a variant). Inlinable, so that the folds of score
/// get it specialized to their sequence: it runs for every visit, in several folds.
@inlinable public func foldedTouchpoints(_ touchpoints: some Collection<Int>) -> [Int] {
    var path: [Int] = []
    path.reserveCapacity(touchpoints.count)
    for tp in touchpoints where path.last != tp { path.append(tp) }
    return path
}

/// A sequence of touchpoint indexes as a table key, ordered element by element. Public, so that
/// `KeyedCounts` of it is specialized where it is used.
///
/// A short sequence (at most `inlineCapacity` steps, each within -32768...32767: a touchpoint's
/// index or -1 for steps left out) is held in two words, a longer one in an array: a shop's
/// tables hold tens of thousands of these keys, and an array each (its header, its allocation,
/// eight bytes a step) made them most of the tables' memory. Every sequence has one form, so
/// equal sequences compare and hash by that form; the coded form is the list of steps either way.
public struct TouchpointSequence: Hashable, Comparable, Codable {
    /// Steps in 16 bits each: the count in the lowest 16 bits of `low`, then up to seven steps.
    @usableFromInline var low: UInt64
    @usableFromInline var high: UInt64
    /// The steps of a sequence that does not fit inline; nil for one that does.
    @usableFromInline var spilled: [Int]?

    /// The most steps held inline.
    public static let inlineCapacity = 7

    @inlinable public init(_ steps: [Int]) {
        low = 0; high = 0; spilled = nil
        guard steps.count <= Self.inlineCapacity, steps.allSatisfy({ $0 >= -32768 && $0 <= 32767 }) else {
            spilled = steps
            return
        }
        low = UInt64(steps.count)
        for (i, step) in steps.enumerated() {
            let bits = UInt64(UInt16(bitPattern: Int16(step)))
            let slot = i + 1
            if slot < 4 { low |= bits << (16 * UInt64(slot)) } else { high |= bits << (16 * UInt64(slot - 4)) }
        }
    }

    /// The steps, in order.
    @inlinable public var steps: [Int] {
        if let spilled { return spilled }
        return (0..<Int(low & 0xFFFF)).map { i in
            let slot = i + 1
            let word = slot < 4 ? low >> (16 * UInt64(slot)) : high >> (16 * UInt64(slot - 4))
            return Int(Int16(bitPattern: UInt16(truncatingIfNeeded: word)))
        }
    }

    @inlinable public static func == (a: Self, b: Self) -> Bool { a.low == b.low && a.high == b.high && a.spilled == b.spilled }
    @inlinable public func hash(into hasher: inout Hasher) {
        if let spilled { hasher.combine(spilled) } else { hasher.combine(low); hasher.combine(high) }
    }
    public static func < (a: Self, b: Self) -> Bool { a.steps.lexicographicallyPrecedes(b.steps) }

    private enum CodingKeys: String, CodingKey { case steps }
    public init(from decoder: Decoder) throws {
        self.init(try decoder.container(keyedBy: CodingKeys.self).decode([Int].self, forKey: .steps))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(steps, forKey: .steps)
    }
}
