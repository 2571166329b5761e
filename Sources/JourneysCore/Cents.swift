/// Sums of money in cents that never trap. An order value is at most `MoneyText.maxCeilingCents`
/// and never negative, so a sum of the orders one run can read stays far below `Int64.max`;
/// should it still reach it, the sum stops there instead of trapping, and `fits` says so.
package enum Cents {
    /// `a + b`, or `Int64.max` (`Int64.min`) where the sum leaves 64 bits.
    @inlinable @inline(__always) package static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? (b < 0 ? .min : .max) : s
    }

    /// Whether a sum made with `add` is a real sum, not one stopped at a bound.
    @inline(__always) package static func fits(_ sum: Int64) -> Bool { sum != .max && sum != .min }

    /// The sum of `values`, nil when it does not fit in 64 bits.
    package static func checkedSum<S: Sequence>(_ values: S) -> Int64? where S.Element == Int64 {
        var total: Int64 = 0
        for v in values {
            let (s, o) = total.addingReportingOverflow(v)
            if o { return nil }
            total = s
        }
        return total
    }
}
