import ReportModel

/// Two reports compared: every key figure with its change and noise test, channels and devices,
/// what appeared, vanished or moved in the journey map and the paths, why the headline rates
/// moved, and what changed (`ChangeList`, the list the new period's page shows too). `journeys diff` prints it; the report publishes it beside the
/// page when the previous period's report is there.
package struct ReportDiff: Sendable, Equatable {
    package struct Period: Sendable, Equatable {
        package var name: String
        package var first: String
        package var last: String
        package var isPartial: Bool
    }
    package var base: Period
    package var new: Period
    /// A partial period on either side: counts and sums are not compared, rates are.
    package var ratesOnly: Bool
    package var currency: String
    package var locale: String
    package var kpis: [KPIChange]
    package var channels: [SegmentChange]
    package var devices: [SegmentChange]
    package var touchpoints: SetChange
    package var links: SetChange
    package var paths: SetChange
    package var rateSplits: [RateSplit]
    /// What changed, ranked: the same list the new period's page and the index draw.
    package var changes: ChangeList
    /// The journey map's boxes and links that changed beyond noise, for its marks.
    package var map = MapChanges()

    /// Compares `new` with `base`. Throws when the two were made by different rules (sessions,
    /// identity, lookback, time zone, currency), which would make every difference meaningless.
    package static func compare(base: ReportData, new: ReportData) throws(CompareError) -> ReportDiff {
        try checkComparable(base, new)
        let ratesOnly = base.period.isPartial || new.period.isPartial
        var kpis = new.kpis.compactMap { KPIChange.of($0.key, base: base, new: new) }
        for k in base.kpis where new.kpi(k.key) == nil {
            if let c = KPIChange.of(k.key, base: base, new: new) { kpis.append(c) }
        }
        // NPS, CSAT and CES are tested on the answers behind them, whether or not the reports list them as KPIs.
        for change in KPIChange.satisfaction(base: base.satisfaction, new: new.satisfaction) {
            if let i = kpis.firstIndex(where: { $0.id == change.id }) {
                kpis[i].test = change.test
                kpis[i].testName = change.testName
            } else {
                kpis.append(change)
            }
        }
        if ratesOnly {
            for i in kpis.indices where !kpis[i].isRate { kpis[i].isCompared = false }
        }
        let channels = SegmentChange.channels(base: base, new: new)
        let devices = SegmentChange.devices(base: base, new: new)
        func period(_ r: ReportData) -> Period {
            Period(name: r.period.name, first: r.period.first, last: r.period.last, isPartial: r.period.isPartial)
        }
        return ReportDiff(
            base: period(base), new: period(new), ratesOnly: ratesOnly, currency: new.period.currency, locale: new.period.locale,
            kpis: kpis, channels: channels, devices: devices,
            touchpoints: SetChange(base: SetChange.touchpoints(base), new: SetChange.touchpoints(new)),
            links: SetChange(base: SetChange.links(base), new: SetChange.links(new)),
            paths: SetChange(base: SetChange.paths(base), new: SetChange.paths(new)),
            rateSplits: RateSplit.all(base: base, new: new),
            changes: ChangeList.of(new: new, base: base, kpis: kpis, channels: channels, devices: devices, ratesOnly: ratesOnly),
            map: MapChanges.of(base: base.journeyMap, new: new.journeyMap))
    }

    /// The rules both reports must share, and what differs when they do not.
    static func checkComparable(_ a: ReportData, _ b: ReportData) throws(CompareError) {
        let checks: [(String, String, String)] = [
            ("session rules", a.sessionRules.summary, b.sessionRules.summary),
            ("identity", a.sessionRules.identity, b.sessionRules.identity),
            ("attribution lookback", "\(a.sessionRules.lookbackDays) days", "\(b.sessionRules.lookbackDays) days"),
            ("time zone", a.period.timeZone, b.period.timeZone),
            ("currency", a.period.currency, b.period.currency),
        ]
        for (what, x, y) in checks where x != y {
            throw CompareError("the reports were made with different \(what): \(a.period.name) has '\(x)', \(b.period.name) has '\(y)'")
        }
    }

    /// A KPI change by id.
    package func kpi(_ id: String) -> KPIChange? { kpis.first { $0.id == id } }

    /// The thresholds of `--fail-on` that the changes cross (only changes larger than noise
    /// can); throws for an entry the reports cannot check (an unknown KPI, pp on a non-rate).
    package func crossed(_ thresholds: [Threshold]) throws(ThresholdError) -> [(Threshold, KPIChange)] {
        let known = Set(kpis.map(\.id)), rates = Set(kpis.filter(\.isRate).map(\.id))
        if let error = Threshold.firstError(in: thresholds, known: known, rates: rates) { throw error }
        var out: [(Threshold, KPIChange)] = []
        for t in thresholds {
            guard let k = kpi(t.kpi), let b = k.base, let n = k.new else { continue }
            if try t.isCrossed(base: b, new: n, isRate: k.isRate, isLargerThanNoise: k.isSignificant) { out.append((t, k)) }
        }
        return out
    }

    package static func == (a: ReportDiff, b: ReportDiff) -> Bool {
        a.base == b.base && a.new == b.new && a.kpis == b.kpis && a.channels == b.channels && a.devices == b.devices
            && a.touchpoints == b.touchpoints && a.links == b.links && a.paths == b.paths && a.rateSplits == b.rateSplits
            && a.changes == b.changes
    }
}
