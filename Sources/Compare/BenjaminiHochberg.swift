/// The Benjamini-Hochberg procedure: which of a family of tests to call discoveries so that, on
/// average, at most a share `q` of the discoveries are false. A week's "What changed" runs dozens
/// of tests (every key figure against last week, its recent weeks and a year ago, every channel
/// and device); at 5% each, chance alone would flag a few of them every week. When no change is
/// real at all, the procedure flags anything at most `q` of the time (for independent or
/// positively dependent tests), which is what keeps an unremarkable week's list empty.
package enum BenjaminiHochberg {
    /// The indices of `pValues` that are discoveries at false discovery rate `q`: with the
    /// p-values sorted, p(1) <= ... <= p(m), the largest k with p(k) <= k q / m, and every test
    /// whose p-value is at most p(k). Empty when none qualifies; a p-value that is not a number
    /// in 0...1 never qualifies (and still counts in m).
    package static func discoveries(_ pValues: [Double], q: Double) -> Set<Int> {
        let m = pValues.count
        guard m > 0, q > 0 else { return [] }
        let order = pValues.indices.filter { (0...1).contains(pValues[$0]) }.sorted {
            pValues[$0] != pValues[$1] ? pValues[$0] < pValues[$1] : $0 < $1
        }
        var cut = -1
        for (rank, i) in order.enumerated() where pValues[i] <= Double(rank + 1) * q / Double(m) { cut = rank }
        return cut < 0 ? [] : Set(order[0...cut])
    }
}
