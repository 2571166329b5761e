import CLVModels
import Testing

@Suite struct GammaGammaTests {
    /// The parameters Fader and Hardie published for CDNOW.
    static let published = GammaGamma.Parameters(p: 6.25, q: 3.74, v: 15.44)

    /// The log-likelihood at the published parameters over the fixture's 946 repeat customers, from
    /// SciPy 1.17 (`gammaln`) over the same (x, mean value).
    @Test func logLikelihoodMatchesSciPy() {
        let value = GammaGamma.logLikelihood(Self.published, customers: CDNOW.calibration.values)
        #expect(abs(value - -4055.919232049545) < 1e-8, "\(value)")
    }

    /// p (v + x m) / (p x + q - 1), evaluated by Python.
    @Test func expectedAverageValue() {
        let reference: [(x: Int, m: Double, value: Double)] = [
            (1, 11.77, 18.916852057842046), (2, 22.35, 24.663713910761153), (6, 10.0, 11.717196819085487),
        ]
        for r in reference {
            let value = Self.published.expectedAverageValue(for: CustomerSummary(frequency: r.x, recency: 1, age: 2, monetaryValue: r.m))
            #expect(abs(value / r.value - 1) < 1e-14, "\(r): \(value)")
        }
        // Outside the model: the population's mean p v / (q - 1).
        let mean = 35.21897810218978
        #expect(abs(Self.published.meanValue / mean - 1) < 1e-14)
        #expect(Self.published.expectedAverageValue(for: CustomerSummary(frequency: 0, recency: 0, age: 2)) == Self.published.meanValue)
        #expect(Self.published.expectedAverageValue(for: CustomerSummary(frequency: 2, recency: 1, age: 2, monetaryValue: -5))
            == Self.published.meanValue)
        #expect(GammaGamma.Parameters(p: 1, q: 0.9, v: 1).meanValue == .infinity)
    }

    /// More purchases at the same mean pull the expectation from the population's mean towards the
    /// customer's own.
    @Test func moreRepeatsTrustTheOwnMeanMore() {
        var previous = Self.published.meanValue
        for x in 1...50 {
            let value = Self.published.expectedAverageValue(for: CustomerSummary(frequency: x, recency: 1, age: 2, monetaryValue: 100))
            #expect(value > previous && value < 100)
            previous = value
        }
    }

    @Test func customersWithoutPositiveRepeatSpendAreLeftOut() {
        let some = CDNOW.calibration.values.filter(\.entersGammaGamma).prefix(100)
        let more = Array(some) + [CustomerSummary(frequency: 0, recency: 0, age: 3),
                                  CustomerSummary(frequency: 2, recency: 1, age: 3, monetaryValue: 0),
                                  CustomerSummary(frequency: 2, recency: 1, age: 3, monetaryValue: -10)]
        #expect(GammaGamma.logLikelihood(Self.published, customers: some)
            == GammaGamma.logLikelihood(Self.published, customers: more))
        let fit = GammaGamma.fit(more)
        #expect(fit.customers == 100 && fit.repeatCustomers == 100)
    }

    @Test func tooFewRepeatCustomersIsNotStable() {
        let customers = [CustomerSummary(frequency: 1, recency: 1, age: 2, monetaryValue: 20),
                         CustomerSummary(frequency: 3, recency: 2, age: 2, monetaryValue: 35)]
        let fit = GammaGamma.fit(customers)
        #expect(!fit.isStable)
        #expect(fit.issues == [.tooFewRepeatCustomers(have: 2, need: 30)])
        #expect(fit.iterations == 0 && fit.parameters.p.isNaN)
    }

    @Test func issuesReadAsSentences() {
        #expect(FitIssue.unboundedMeanSpend(q: 0.8).description == "q = 0.8 is at most 1, so the mean spend per purchase is unbounded")
        #expect(FitIssue.notConverged(iterations: 20000).description == "the fit did not converge (20000 iterations)")
    }
}
