import Foundation
import JourneysCore
import Sessionize
import Testing

/// Property: on generated traffic, the streaming sessionizer gives exactly the visits of a plain
/// reference that sees the whole log at once: drop late events, sort by (device, time), cut by the
/// rules. The traffic: seeded, a few requests per visitor, gaps around the timeout, campaigns,
/// logins and a change of customer, endless visits, five days over the end of daylight-saving time
/// in Berlin, disorder within the tolerance and a few events beyond it.
@Suite struct StreamingMatchesReferenceTests {
    /// 100,000 by default; `SESSIONIZE_PROPERTY_VISITORS` may lower it for a quick run.
    static let visitors = ProcessInfo.processInfo.environment["SESSIONIZE_PROPERTY_VISITORS"].flatMap { Int($0) } ?? 100_000
    /// 2026-10-23T00:00Z: the traffic runs over 25 October, when Berlin's clocks go back.
    static let base: Int64 = 20_749 * 86_400

    @Test func matomoWithTwoHourVisits() {
        let rules = rules(.matomo) { $0.maxVisitLength = 7200 }
        let counts = check(rules: rules, visitors: Self.visitors, seed: 42)
        // The traffic reaches every rule.
        #expect(counts.reasons[.timeout, default: 0] > 1000)
        #expect(counts.reasons[.midnight, default: 0] > 100)
        #expect(counts.reasons[.campaign, default: 0] > 1000)
        #expect(counts.reasons[.customer, default: 0] > 30)
        #expect(counts.reasons[.cut, default: 0] > 100)
        #expect(counts.late > 50)
        #expect(counts.afterEnd > 1000)
    }

    @Test(arguments: [SessionRules.ga4, .awstats])
    func otherPresets(preset: SessionRules) {
        let counts = check(rules: preset, visitors: max(1, Self.visitors / 10), seed: 7)
        #expect(counts.reasons[.timeout, default: 0] > 100)
        #expect(counts.reasons[.midnight, default: 0] == 0)
        #expect(counts.reasons[.campaign, default: 0] == 0)
    }

    @Test func anyParameterSplitsOnEveryChange() {
        let rules = rules(.ga4) { $0.campaignChange = .anyParameter }
        let counts = check(rules: rules, visitors: max(1, Self.visitors / 10), seed: 9)
        #expect(counts.reasons[.campaign, default: 0] > 100)
    }

    /// The campaign rule as docs/definitions.md states it: under `any`, another campaign in any
    /// field; under `name_or_keyword`, a campaign Matomo sees (a name) with another name or
    /// keyword, unless the visit is a direct entry (which takes the campaign over instead).
    static func isNewCampaign(_ c: Campaign, visit: Visit, _ change: SessionRules.CampaignChange) -> Bool {
        switch change {
        case .off: return false
        case .anyParameter: return c != visit.campaign
        case .nameOrKeyword: return c.nameAndKeyword != 0 && (visit.campaign?.nameAndKeyword ?? 0) != c.nameAndKeyword && !isDirectEntry(visit)
        }
    }

    /// Matomo's direct entry: no campaign with a name, no external referrer.
    static func isDirectEntry(_ visit: Visit) -> Bool {
        (visit.campaign?.nameAndKeyword ?? 0) == 0 && visit.referrerHost.isNone
    }

    // MARK: - The check

    struct Counts {
        var reasons: [Reason: Int] = [:]
        var late = 0
        var afterEnd = 0
    }

    /// Generates traffic, runs both, expects the same visits and counters; returns the reference's counts.
    func check(rules: SessionRules, visitors: Int, seed: UInt64) -> Counts {
        let arrivals = Self.traffic(visitors: visitors, seed: seed, tolerance: rules.outOfOrderTolerance)
        let until = Self.base + 4 * 86_400

        let sessionizer = Sessionizer(rules: rules, timeZone: berlin)
        sessionizer.newVisitsUntil = until
        for e in arrivals { sessionizer.add(e) }
        let streamed = sessionizer.finish()

        let (expected, counts) = Self.reference(arrivals, rules: rules, zone: berlin, newVisitsUntil: until)
        #expect(streamed.count == expected.count)
        if let i = streamed.indices.first(where: { $0 < expected.count && streamed[$0] != expected[$0] }) {
            Issue.record("first difference at visit \(i): streamed \(streamed[i]), expected \(expected[i])")
        }
        #expect(sessionizer.lateEvents == counts.late)
        #expect(sessionizer.afterEnd == counts.afterEnd)
        #expect(sessionizer.cutVisits == counts.reasons[.cut, default: 0])
        #expect(sessionizer.events == arrivals.count - counts.late)
        return counts
    }

    // MARK: - The reference: the whole log at once

    enum Reason: Hashable { case timeout, midnight, campaign, customer, cut }

    static func reference(_ arrivals: [Event], rules: SessionRules, zone: TimeZone,
                          newVisitsUntil: Int64) -> (visits: [Visit], counts: Counts) {
        var counts = Counts()
        // Late: more than the tolerance older than the newest event before it.
        var kept: [Int] = []
        var newest = Int64.min
        for (i, e) in arrivals.enumerated() {
            if newest != .min && e.time < newest - rules.outOfOrderTolerance { counts.late += 1; continue }
            newest = max(newest, e.time)
            kept.append(i)
        }
        // Sort by (device, time, arrival): bucket by device (a counting sort, devices are 1...n),
        // keeping arrival order, then sort each device's few events by time, stably.
        var firstOf = [Int](repeating: 0, count: arrivals.count + 2)
        for i in kept {
            let d = Int(arrivals[i].device.raw)
            precondition(d >= 1 && d <= arrivals.count)
            firstOf[d + 1] += 1
        }
        for d in 1..<firstOf.count { firstOf[d] += firstOf[d - 1] }
        var sorted = [Int](repeating: 0, count: kept.count)
        var next = firstOf
        for i in kept {
            let d = Int(arrivals[i].device.raw)
            sorted[next[d]] = i
            next[d] += 1
        }
        for d in 1...arrivals.count where firstOf[d + 1] - firstOf[d] > 1 {
            // Insertion sort by time; equal times keep arrival order.
            for k in firstOf[d] + 1 ..< firstOf[d + 1] {
                let i = sorted[k]
                var j = k
                while j > firstOf[d] && arrivals[sorted[j - 1]].time > arrivals[i].time {
                    sorted[j] = sorted[j - 1]
                    j -= 1
                }
                sorted[j] = i
            }
        }

        // Local days from the zone's midnights, found with CivilDate (not with LocalDays).
        let firstDay = CivilDate(dayNumber: Int(base / 86_400) - 1)
        let midnights = (0..<40).map { firstDay.adding(days: $0).startTime(in: zone) }
        func localDay(_ time: Int64) -> Int {
            var i = 0
            while i + 1 < midnights.count && midnights[i + 1] <= time { i += 1 }
            precondition(midnights[i] <= time && i + 1 < midnights.count)
            return firstDay.dayNumber + i
        }

        var visits: [Visit] = []
        // Orders of placed events, with their time and arrival; each id is kept once, at its
        // earliest placed event (time, then arrival), after the visits are cut.
        var orders: [(time: Int64, arrival: Int, visit: Int, order: Order)] = []
        var open: Int? = nil       // index in `visits` of the device's open visit
        var openDay = 0
        for i in sorted {
            let e = arrivals[i]
            let day = rules.splitAtMidnight ? localDay(e.time) : 0
            if let o = open, visits[o].device == e.device {
                var reason: Reason? = nil
                if e.time - visits[o].end >= rules.timeout { reason = .timeout }
                else if rules.splitAtMidnight && day != openDay { reason = .midnight }
                else if let c = e.campaign, Self.isNewCampaign(c, visit: visits[o], rules.campaignChange) { reason = .campaign }
                else if !e.customer.isNone && !visits[o].customer.isNone && e.customer != visits[o].customer { reason = .customer }
                else if e.time - visits[o].start >= rules.maxVisitLength { reason = .cut }
                if let reason {
                    counts.reasons[reason, default: 0] += 1
                    if reason == .cut { visits[o].wasCut = true }
                } else {
                    visits[o].end = e.time
                    visits[o].pages.append(e.path)
                    visits[o].pageTimes.append(Int32(e.time - visits[o].start))
                    if visits[o].customer.isNone { visits[o].customer = e.customer }
                    if let order = e.order { orders.append((e.time, i, o, order)) }
                    if let c = e.campaign, rules.campaignChange == .nameOrKeyword, c.nameAndKeyword != 0, Self.isDirectEntry(visits[o]) {
                        visits[o].campaign = c
                    }
                    continue
                }
            }
            open = nil
            if e.time >= newVisitsUntil { counts.afterEnd += 1; continue }
            var v = Visit(device: e.device, start: e.time)
            v.referrerHost = e.referrerHost
            v.campaign = e.campaign
            v.deviceClass = e.deviceClass
            v.customer = e.customer
            v.pages = [e.path]
            v.pageTimes = [0]
            if let order = e.order { orders.append((e.time, i, visits.count, order)) }
            visits.append(v)
            open = visits.count - 1
            openDay = day
        }
        var seen = Set<Symbol>()
        for o in orders.sorted(by: { ($0.time, $0.arrival) < ($1.time, $1.arrival) }) where seen.insert(o.order.id).inserted {
            visits[o.visit].orders.append(o.order)
        }
        // Order by (start, device); a device's visits are already in time order, so the index
        // breaks ties as closing order does.
        let starts = visits.map(\.start), devices = visits.map(\.device)
        var order = Array(visits.indices)
        order.sort { i, j in
            if starts[i] != starts[j] { return starts[i] < starts[j] }
            return devices[i] != devices[j] ? devices[i] < devices[j] : i < j
        }
        return (order.map { visits[$0] }, counts)
    }

    // MARK: - The traffic

    /// Events of `visitors` people in arrival order: each true time delayed by up to the tolerance
    /// (so none is late), one in 1,000 delayed by up to 2,000 s more (late unless nothing newer came).
    static func traffic(visitors: Int, seed: UInt64, tolerance: Int64) -> [Event] {
        var rng = SplitMix64(seed: seed)
        func below(_ n: UInt64) -> UInt64 { rng.next() % n }
        var keyword = utm(1, 2, 3)
        keyword.termAndContent = 11
        keyword.nameAndKeyword = 12
        let campaigns: [Campaign] = [utm(1, 2, 3), utm(4, 5, 6), Campaign(clickID: .gclid, clickValue: 1),
                                     Campaign(clickID: .gclid, clickValue: 2), keyword]
        var events: [Event] = []
        var keys: [UInt64] = []
        events.reserveCapacity(visitors * 4)
        keys.reserveCapacity(visitors * 4)
        for v in 0..<visitors {
            let device = Pseudonym(raw: UInt64(v) + 1)
            var time = base + Int64(below(5 * 86_400))
            let endless = below(100) == 0
            let count = endless ? 10 + Int(below(8)) : 1 + Int(below(5))
            let loginAt = below(5) == 0 ? Int(below(UInt64(count))) : Int.max
            let switchAt = below(20) == 0 ? Int(below(UInt64(count))) : Int.max
            for k in 0..<count {
                if k > 0 {
                    if endless {
                        time += 1200
                    } else {
                        switch below(8) {
                        case 0: time += 1799
                        case 1: time += 1800
                        case 2: time += 1801
                        case 3, 4: time += Int64(below(121))
                        case 5: time += 1500 + Int64(below(601))
                        case 6: time += 3000 + Int64(below(1200))
                        default: time += 3600 + Int64(below(86_400))
                        }
                    }
                }
                var e = Event(time: time, device: device, path: Symbol(raw: UInt32(1 + below(50))))
                if below(7) == 0 { e.campaign = campaigns[Int(below(UInt64(campaigns.count)))] }
                if below(4) == 0 { e.referrerHost = Symbol(raw: 7) }
                if k >= loginAt { e.customer = Pseudonym(raw: 1_000_000_000 + UInt64(v)) }
                if k >= switchAt { e.customer = Pseudonym(raw: 2_000_000_000 + UInt64(v)) }
                if below(50) == 0 { e.order = Order(id: Symbol(raw: UInt32(below(5))), valueCents: 1000) }
                var delay = Int64(below(UInt64(tolerance) + 1))
                if below(1000) == 0 { delay += 1 + Int64(below(2000)) }
                // Arrival order: by delayed time, then generation order, packed in one integer.
                keys.append(UInt64(time + delay - base) << 24 | UInt64(events.count))
                events.append(e)
            }
        }
        precondition(events.count < 1 << 24)
        return keys.sorted().map { events[Int($0 & (1 << 24 - 1))] }
    }
}
