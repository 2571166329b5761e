import Foundation

/// Parts of a total rounded for printing so that the printed parts add up to the printed total:
/// "+1.6 pp = +1.7 mix - 0.1 rate" must add up to the last decimal, which rounding each number on
/// its own does not promise (0.26 + 0.26 = 0.52 prints as 0.3 + 0.3 = 0.5 with one decimal).
///
/// The largest-remainder method: the total is rounded to `decimals` decimals (halves away from
/// zero); every part is rounded down, and the units still missing from the total go one each to
/// the parts that lost the most in rounding down (ties to the earlier part). Each printed part is
/// then within one unit of the last decimal of the exact part, and rounded to nearest where the
/// sum allows it. A number within a billionth of a unit (or of itself, when larger) of a multiple
/// of half a unit is taken as that multiple, so that binary noise (1.65 stored as 1.64999...)
/// does not decide a rounding.
package struct RoundedParts: Sendable, Equatable {
    package var decimals: Int
    /// The total and the parts in units of the last decimal kept (17 for 1.7 with one decimal):
    /// integers, so that their sums are exact.
    package var totalUnits: Int
    package var partUnits: [Int]

    /// The total and parts as numbers to print with `decimals` decimals.
    package var total: Double { Double(totalUnits) / Self.scale(decimals) }
    package var parts: [Double] { partUnits.map { Double($0) / Self.scale(decimals) } }

    /// Rounds `parts`, which should add up to `total` (the largest-remainder method spreads any
    /// difference too, but then a part can move by more than one unit). `decimals` is 0...9 and
    /// every number finite and below 10^(15 - decimals) in size, or this stops the program.
    package init(_ parts: [Double], total: Double, decimals: Int) {
        precondition((0...9).contains(decimals), "RoundedParts keeps 0 to 9 decimals, not \(decimals)")
        let scale = Self.scale(decimals)
        func units(_ x: Double) -> Double {
            precondition(x.isFinite && abs(x) * scale < 1e15, "RoundedParts cannot round \(x) to units")
            let u = x * scale, half = (u * 2).rounded() / 2
            return abs(u - half) < 1e-9 * max(1, abs(u)) ? half : u
        }
        let exact = parts.map(units)
        var rounded = exact.map { Int($0.rounded(.down)) }
        let target = Int(units(total).rounded(.toNearestOrAwayFromZero))
        let missing = target - rounded.reduce(0, +)
        if !rounded.isEmpty, missing != 0 {
            let remainders = zip(exact, rounded).map { $0 - Double($1) }
            // Units to add go to the largest remainders, units to take back (only when the parts do
            // not add up to the total) from the smallest.
            let order = rounded.indices.sorted { i, j in
                remainders[i] != remainders[j] ? (missing > 0) == (remainders[i] > remainders[j]) : i < j
            }
            for k in 0..<abs(missing) { rounded[order[k % order.count]] += missing.signum() }
        }
        self.decimals = decimals
        self.totalUnits = target
        self.partUnits = rounded
    }

    /// Whether `init` can round these numbers: all finite and below 10^(15 - decimals) in size.
    /// A caller with numbers read from a file asks first, instead of stopping the program.
    package static func canRound(_ numbers: [Double], decimals: Int) -> Bool {
        (0...9).contains(decimals) && numbers.allSatisfy { $0.isFinite && abs($0) * scale(decimals) < 1e15 }
    }

    private static func scale(_ decimals: Int) -> Double { pow(10, Double(decimals)) }
}
