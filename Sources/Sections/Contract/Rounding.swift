/// Rounds ratios for report.json so that float noise never shows up as a diff between runs.
@inline(__always) package func rounded(_ x: Double, _ places: Double = 10_000) -> Double { (x * places).rounded() / places }

/// a / b rounded as report.json writes ratios; nil for b = 0.
package func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : rounded(Double(a) / Double(b)) }
