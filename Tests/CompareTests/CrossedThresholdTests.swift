import Compare
import ReportModel
import Testing

/// `--fail-on` thresholds checked through `ReportDiff.crossed`, end to end from two reports.
@Suite struct CrossedThresholdTests {
    /// Two weeks that differ in one KPI only.
    func diff(_ base: KPI, _ new: KPI) throws -> ReportDiff {
        var b = Snapshots.report(name: "2026-W46", first: "2026-11-09", last: "2026-11-15", previous: "2026-W45")
        var n = Snapshots.report(name: "2026-W47", first: "2026-11-16", last: "2026-11-22", previous: "2026-W46")
        b.kpis = [base]
        n.kpis = [new]
        return try ReportDiff.compare(base: b, new: n)
    }

    func crossed(_ diff: ReportDiff, _ text: String) throws -> [String] {
        try diff.crossed(Threshold.list(parsing: text)).map { "\($0.0) by \($0.1.id)" }
    }

    /// Conversion 3,000/100,000 = 3.0% -> 2,600/100,000 = 2.6%: relative (2.6 - 3.0) / 3.0 =
    /// -13.3%; pooled 0.028, z = -0.004 / sqrt(0.028 * 0.972 * 2e-5) = -0.004 / 0.00073777 = -5.42.
    @Test func aRelativeFall() throws {
        let d = try diff(Snapshots.rate("conversion_rate", "Conversion rate", 3_000, of: 100_000),
                         Snapshots.rate("conversion_rate", "Conversion rate", 2_600, of: 100_000))
        #expect(try crossed(d, "conversion_rate:-10%") == ["conversion_rate:-10% by conversion_rate"])
        #expect(try crossed(d, "conversion_rate:-13%") == ["conversion_rate:-13% by conversion_rate"])
        #expect(try crossed(d, "conversion_rate:-14%").isEmpty)
        // A fall is not a rise; as percentage points it is -0.4 pp.
        #expect(try crossed(d, "conversion_rate:+10%").isEmpty)
        #expect(try crossed(d, "conversion_rate:-0.4pp") == ["conversion_rate:-0.4pp by conversion_rate"])
        #expect(try crossed(d, "conversion_rate:-0.5pp").isEmpty)
    }

    /// Cart abandonment 600/1,000 = 60% -> 700/1,000 = 70%: +10 pp; pooled 0.65,
    /// z = 0.1 / sqrt(0.65 * 0.35 * 0.002) = 0.1 / 0.021331 = 4.69. Reaching the amount exactly
    /// (+10pp, although 0.7 - 0.6 is 0.09999999999999998 in binary) crosses it.
    @Test func aRiseInPercentagePoints() throws {
        let d = try diff(Snapshots.rate("cart_abandonment", "Cart abandonment", 600, of: 1_000, better: .lower),
                         Snapshots.rate("cart_abandonment", "Cart abandonment", 700, of: 1_000, better: .lower))
        #expect(try crossed(d, "cart_abandonment:+5pp") == ["cart_abandonment:+5pp by cart_abandonment"])
        #expect(try crossed(d, "cart_abandonment:+10pp") == ["cart_abandonment:+10pp by cart_abandonment"])
        #expect(try crossed(d, "cart_abandonment:+10.5pp").isEmpty)
        #expect(try crossed(d, "cart_abandonment:-5pp").isEmpty)
    }

    /// NPS 30 -> 10 in the snapshots: -20 points, z = -2.48 (see ReportDiffTests).
    @Test func anAbsoluteFallInTheKPIsOwnUnit() throws {
        let d = try ReportDiff.compare(base: Snapshots.w46, new: Snapshots.w47)
        #expect(try crossed(d, "nps:-5") == ["nps:-5 by nps"])
        #expect(try crossed(d, "nps:-20") == ["nps:-20 by nps"])
        #expect(try crossed(d, "nps:-21").isEmpty)
        #expect(try crossed(d, "nps:+5").isEmpty)
        // Several at once, in the order given; the ones not crossed are left out.
        #expect(try crossed(d, "visits:+5%,nps:-5,revenue:+10000,orders:+100") == ["nps:-5 by nps", "revenue:+10000 by revenue"])
    }

    /// A change within noise never fails a build, however large: conversion 1/10 -> 3/10 is
    /// +200% and +20 pp, but pooled 0.2, z = 0.2 / sqrt(0.2 * 0.8 * 0.2) = 1.118 < 1.96. So is
    /// CSAT's +2 in the snapshots (z = 0.29), and CES, with no value in either week.
    @Test func aChangeWithinNoiseNeverCrosses() throws {
        let d = try diff(Snapshots.rate("conversion_rate", "Conversion rate", 1, of: 10),
                         Snapshots.rate("conversion_rate", "Conversion rate", 3, of: 10))
        #expect(try crossed(d, "conversion_rate:+50%,conversion_rate:+5pp").isEmpty)
        let snapshots = try ReportDiff.compare(base: Snapshots.w46, new: Snapshots.w47)
        #expect(try crossed(snapshots, "csat:+1,csat:+1%,ces:-1,ces:+1").isEmpty)
    }

    @Test func anUnknownKPIOrPercentagePointsOnANonRateThrow() throws {
        let d = try ReportDiff.compare(base: Snapshots.w46, new: Snapshots.w47)
        #expect(throws: ThresholdError(entry: "conversoin_rate:-10%", reason: "no KPI 'conversoin_rate'; the KPIs are "
                + "aov, bounce_rate, ces, conversion_rate, csat, nps, orders, page_views, pages_per_visit, revenue, visits")) {
            try d.crossed(Threshold.list(parsing: "conversion_rate:-10%,conversoin_rate:-10%"))
        }
        #expect(throws: ThresholdError(entry: "nps:-5pp", reason: "pp (percentage points) is only for rates, and nps is not one: "
                + "write nps:-5% for a relative change or nps:-5 in its own unit")) {
            try d.crossed(Threshold.list(parsing: "nps:-5pp"))
        }
        // Checked before anything is crossed: a good entry before a bad one does not hide it.
        #expect(throws: ThresholdError.self) { try d.crossed(Threshold.list(parsing: "nps:-5,revenue:+1pp")) }
    }
}
