/// The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV"; Fader and
/// Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a customer's purchases are worth
/// Gamma(p, nu) each, and nu varies across customers as Gamma(q, v). Spend is independent of how
/// often one buys, so BG/NBD's purchases times this model's value per purchase is a prediction
/// of revenue.
package enum GammaGamma {
    /// The three population parameters; v is in the shop's currency, p and q have no unit.
    package struct Parameters: Sendable, Equatable, Codable {
        package var p: Double
        package var q: Double
        package var v: Double

        package init(p: Double, q: Double, v: Double) {
            self.p = p
            self.q = q
            self.v = v
        }
    }
}

extension GammaGamma.Parameters {
    /// The population's mean value per purchase, p v / (q - 1); infinite when q <= 1.
    package var meanValue: Double { q > 1 ? p * v / (q - 1) : .infinity }

    /// E[M | x, m]: the expected value of this customer's future purchases (Fader and Hardie 2013,
    /// equation 5), p (v + x m) / (p x + q - 1): a weighted mean of the population's mean and the
    /// customer's own mean m of x repeat purchases, the own mean weighing more the more purchases
    /// there are.
    ///
    /// A customer outside the model (no repeat purchase, or repeat purchases whose mean is zero or
    /// negative, such as refunds) gets the population's mean: their history says nothing the model
    /// can use.
    package func expectedAverageValue(for customer: CustomerSummary) -> Double {
        guard customer.entersGammaGamma, let m = customer.monetaryValue else { return meanValue }
        let x = Double(customer.frequency)
        return p * (v + x * m) / (p * x + q - 1)
    }
}
