import Foundation

/// log |Gamma(x)| as a plain Double. The C library's `lgamma` is what it calls; the name exists
/// because Swift also offers an `lgamma` that returns the sign with the value, which makes a bare
/// `let g = lgamma(x)` ambiguous. The likelihoods only call it for x > 0.
@inline(__always)
func logGamma(_ x: Double) -> Double {
    let value: Double = lgamma(x)
    return value
}
