import CLVModels
import Testing

@Suite struct BGNBDTests {
    /// The parameters FHL 2005 published for CDNOW.
    static let published = BGNBD.Parameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    /// The log-likelihood at the published parameters over the fixture's calibration summaries, from
    /// SciPy 1.17 (`gammaln`, `np.logaddexp`) over the same (x, t_x, T).
    @Test func logLikelihoodMatchesSciPy() {
        let value = BGNBD.logLikelihood(Self.published, customers: CDNOW.calibration.values)
        #expect(abs(value - -9582.430478013674) < 1e-8, "\(value)")
    }

    /// E[X(39) | x, t_x, T], E[X(1) | ...] and P(alive) at the published parameters, from SciPy 1.17
    /// with `hyp2f1` in FHL's equation 10. The second row is FHL 2005's own worked example: a
    /// customer with x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
    static let predictions: [(x: Int, tx: Double, T: Double, in39: Double, in1: Double, alive: Double)] = [
        (0, 0, 38.86, 0.19509805201125396, 0.005595657889482763, 1),
        (2, 30.43, 38.86, 1.226028174767135, 0.037447969741733936, 0.726578570080673),
        (1, 1.71, 38.86, 0.2031869870797511, 0.0060629517982834545, 0.2121009853773791),
        (7, 29.43, 35.38, 4.267756020724348, 0.13845544710000368, 0.766780119960015),
        (0, 0, 32.71, 0.22381530914784692, 0.006518863829697536, 1),
        (14, 37.0, 38.0, 9.514472561244506, 0.3106330456513828, 0.9326517827438836),
    ]

    @Test func predictionsMatchSciPy() {
        for c in Self.predictions {
            let customer = CustomerSummary(frequency: c.x, recency: c.tx, age: c.T)
            let in39 = Self.published.expectedPurchases(inNext: 39, for: customer)
            let in1 = Self.published.expectedPurchases(inNext: 1, for: customer)
            let alive = Self.published.probabilityAlive(customer)
            #expect(abs(in39 / c.in39 - 1) < 1e-12, "E[X(39)] for \(c): \(in39)")
            #expect(abs(in1 / c.in1 - 1) < 1e-10, "E[X(1)] for \(c): \(in1)")
            #expect(abs(alive - c.alive) < 1e-14, "P(alive) for \(c): \(alive)")
        }
    }

    @Test func noTimeNoPurchasesAndMoreTimeMorePurchases() {
        let customer = CustomerSummary(frequency: 3, recency: 20, age: 30)
        #expect(Self.published.expectedPurchases(inNext: 0, for: customer) == 0)
        var previous = 0.0
        for weeks in stride(from: 4.0, through: 520, by: 4) {
            let expected = Self.published.expectedPurchases(inNext: weeks, for: customer)
            #expect(expected.isFinite && expected > previous, "\(weeks) weeks: \(expected)")
            previous = expected
        }
    }

    /// Long horizons of frequent buyers, against mpmath 1.3 at 50 digits. For x = 1000 the series
    /// 2F1(r + x, b + x; a + b + x - 1; z) is about 10^1000 and overflows (SciPy returns inf there
    /// too), so the value must come from Euler's form.
    @Test func longHorizonsOfFrequentBuyers() {
        let reference: [(x: Int, weeks: Double, value: Double)] = [
            (200, 520, 677.98128003461861), (1000, 390, 2948.622899859412),
        ]
        for r in reference {
            let customer = CustomerSummary(frequency: r.x, recency: 39, age: 39)
            let value = Self.published.expectedPurchases(inNext: r.weeks, for: customer)
            #expect(abs(value / r.value - 1) < 1e-10, "x = \(r.x), \(r.weeks) weeks: \(value), mpmath says \(r.value)")
        }
    }

    /// A longer silence since the last purchase makes being alive less likely.
    @Test func silenceLowersPAlive() {
        var previous = 1.0
        for recency in stride(from: 38.0, through: 0, by: -2) {
            let alive = Self.published.probabilityAlive(CustomerSummary(frequency: 4, recency: recency, age: 38))
            #expect(alive < previous)
            previous = alive
        }
    }

    @Test func tooLittleHistoryIsNotStable() {
        // Five customers, two of whom came back.
        let customers = [
            CustomerSummary(frequency: 0, recency: 0, age: 3), CustomerSummary(frequency: 1, recency: 1, age: 3),
            CustomerSummary(frequency: 0, recency: 0, age: 2), CustomerSummary(frequency: 2, recency: 2, age: 2.5),
            CustomerSummary(frequency: 0, recency: 0, age: 1),
        ]
        let fit = BGNBD.fit(customers)
        #expect(!fit.isStable)
        #expect(fit.customers == 5 && fit.repeatCustomers == 2)
        #expect(fit.issues == [.tooFewRepeatCustomers(have: 2, need: 30), .historyTooShort(weeks: 3, need: 4)])
        // refused before any search: no iterations, no numbers
        #expect(fit.iterations == 0 && fit.parameters.r.isNaN && fit.logLikelihood.isNaN)
        #expect(fit.issues.first?.description == "history too short for a stable fit: 2 customers with repeat purchases, at least 30 needed")
    }

    /// Nobody came back: the likelihood rises as r / alpha goes to 0 (no one buys), so alpha runs
    /// off to infinity and the fit is not stable even when the repeat-customer rule is waived.
    @Test func noRepeatPurchasesAtAllIsNotStable() {
        let customers = (0..<200).map { CustomerSummary(frequency: 0, recency: 0, age: Double($0 % 40) + 1) }
        let fit = BGNBD.fit(customers, rule: StabilityRule(minimumRepeatCustomers: 0))
        #expect(!fit.isStable && !fit.converged)
        #expect(fit.issues.contains(.runsAway(name: "alpha", towardsZero: false)), "\(fit.issues)")
        #expect(fit.issues.contains { if case .parameterOutOfRange(name: "alpha", _, _) = $0 { true } else { false } })
    }

    /// Customers who never drop out, each buying at a steady rate of their own until the as-of day:
    /// the drop-out probability runs off towards 0, and far out the likelihood is flat down to its
    /// rounding. The search ends there with the run-off, after a bounded number of likelihood
    /// evaluations, instead of stepping in place until its iteration limit (3,705 evaluations).
    @Test func customersWhoNeverDropOutRunOffWithinFewEvaluations() {
        let customers = (0..<20_000).map { i -> CustomerSummary in
            let age = 20 + Double(i % 80), rate = 0.05 + 0.01 * Double(i % 37)
            let purchases = Int(age * rate)
            return CustomerSummary(frequency: purchases, recency: Double(purchases) / rate, age: age)
        }
        let fit = BGNBD.fit(customers)
        #expect(!fit.isStable && !fit.converged)
        #expect(fit.issues.first == .runsAway(name: "a", towardsZero: true), "\(fit.issues)")
        #expect(fit.evaluations > 0 && fit.evaluations <= 150, "\(fit.evaluations) evaluations")
        #expect(fit.iterations < 100, "\(fit.iterations) iterations")
    }

    @Test func invalidSummariesAreLeftOut() {
        let valid = CDNOW.calibration.values.prefix(300)
        let withInvalid = Array(valid) + [CustomerSummary(frequency: 1, recency: 5, age: 2),
                                          CustomerSummary(frequency: 1, recency: .infinity, age: .infinity)]
        #expect(BGNBD.logLikelihood(Self.published, customers: valid)
            == BGNBD.logLikelihood(Self.published, customers: withInvalid))
    }
}
