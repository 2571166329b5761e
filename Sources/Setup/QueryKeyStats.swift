/// What the values of one query parameter look like on one kind of page: how often it is there,
/// how often its value is a number, and how many distinct values it takes (counted up to a cap).
package struct QueryKeyStats: Sendable {
    package static let distinctCap = 20_000

    package var count = 0
    package var numeric = 0
    /// Values that are whole numbers or money amounts with two decimals: order values.
    package var amounts = 0
    package var values = Set<String>()

    package init() {}

    package mutating func add(_ value: String) {
        count += 1
        if Self.isNumber(value) { numeric += 1 }
        if Self.isAmount(value) { amounts += 1 }
        if values.count < Self.distinctCap { values.insert(value) }
    }

    package mutating func merge(_ other: QueryKeyStats) {
        count += other.count; numeric += other.numeric; amounts += other.amounts
        for v in other.values where values.count < Self.distinctCap { values.insert(v) }
    }

    /// Share of the values seen once only: near 1 for an order id.
    package var uniqueness: Double { count == 0 ? 0 : Double(values.count) / Double(count) }

    static func isNumber(_ v: String) -> Bool { !v.isEmpty && v.allSatisfy { $0.isASCII && $0.isNumber } }

    /// `59.90`, `59,90`, `1234`: a money amount as a URL carries it.
    static func isAmount(_ v: String) -> Bool {
        guard !v.isEmpty, v.count <= 12 else { return false }
        let parts = v.split(separator: v.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, isNumber(String(whole)) else { return false }
        return parts.count == 1 || (parts[1].count == 2 && isNumber(String(parts[1])))
    }
}
