import Foundation

/// The fitted models as the report will store them:
/// `{"bgnbd":{"a","alpha","b","r"},"customers":N,"gammaGamma":{"p","q","v"},"timeUnit":"week"}`,
/// every parameter rounded to 4 significant digits so that the last bits of a fit never show up in
/// a diff between two weeks' reports.
package struct CLVModelSummary: Sendable, Equatable, Codable {
    /// The customers the BG/NBD fit used.
    package var customers: Int
    /// The unit of t_x, T and alpha; always "week".
    package var timeUnit: String
    package var bgnbd: BGNBD.Parameters
    package var gammaGamma: GammaGamma.Parameters

    /// The summary of two fits, rounded.
    package init(bgnbd: Fit<BGNBD.Parameters>, gammaGamma: Fit<GammaGamma.Parameters>) {
        customers = bgnbd.customers
        timeUnit = "week"
        let b = bgnbd.parameters, g = gammaGamma.parameters
        self.bgnbd = BGNBD.Parameters(r: Self.rounded(b.r), alpha: Self.rounded(b.alpha),
                                      a: Self.rounded(b.a), b: Self.rounded(b.b))
        self.gammaGamma = GammaGamma.Parameters(p: Self.rounded(g.p), q: Self.rounded(g.q), v: Self.rounded(g.v))
    }

    /// The JSON text: sorted keys, no spaces, numbers in their shortest form.
    package func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// `value` to 4 significant digits: the nearest double to an integer times a power of ten.
    /// Both the scaling by 10^k and the division or multiplication back are exact or correctly
    /// rounded for the magnitudes the models produce, so 0.24259 becomes exactly the double 0.2426
    /// that JSON prints as `0.2426`. Zero and non-finite values stay as they are.
    package static func rounded(_ value: Double, significantDigits: Int = 4) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exponent = Int(floor(log10(abs(value))))
        let shift = significantDigits - 1 - exponent
        if shift >= 0 {
            let scale = pow(10, Double(shift))
            return (value * scale).rounded() / scale
        }
        let scale = pow(10, Double(-shift))
        return (value / scale).rounded() * scale
    }
}
