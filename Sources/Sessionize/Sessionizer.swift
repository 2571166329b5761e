import Foundation
import HeapModule
import JourneysCore

/// Cuts a time-ordered stream of events into visits as it goes. It holds only open visits (one per
/// active device) and a small reorder buffer; a visit is closed once its timeout has passed.
package final class Sessionizer {
    package let rules: SessionRules
    private var days: LocalDays
    private var open: [Pseudonym: OpenVisit] = [:]
    private var closed: [Visit] = []
    private var pending = Heap<Pending>()
    private var arrivals: UInt64 = 0
    private var latestSeen: Int64 = .min
    private var watermark: Int64 = .min
    private var nextSweep: Int64 = .min

    /// Events that arrived later than the tolerance allows; left out and counted.
    package private(set) var lateEvents = 0
    /// Visits cut by the maximum visit length.
    package private(set) var cutVisits = 0
    package private(set) var events = 0
    /// Events at or after this time only finish visits already open; they start none.
    /// A visit straddling the period's end belongs to the period it started in.
    package var newVisitsUntil: Int64 = .max
    /// Events left out because they would have started a visit after `newVisitsUntil`.
    package private(set) var afterEnd = 0

    private struct OpenVisit {
        var visit: Visit
        var localDay: Int
    }

    private struct Pending: Comparable {
        var event: Event
        var arrival: UInt64
        static func < (a: Pending, b: Pending) -> Bool {
            a.event.time != b.event.time ? a.event.time < b.event.time : a.arrival < b.arrival
        }
        static func == (a: Pending, b: Pending) -> Bool { a.arrival == b.arrival }
    }

    package init(rules: SessionRules, timeZone: TimeZone) {
        self.rules = rules
        days = LocalDays(zone: timeZone)
    }

    /// Number of visits open right now: what memory grows with.
    package var openVisits: Int { open.count }

    /// Adds one event; events may arrive out of order by up to the rules' tolerance.
    package func add(_ event: Event) {
        if event.time < watermark {
            lateEvents += 1
            return
        }
        arrivals += 1
        pending.insert(Pending(event: event, arrival: arrivals))
        if event.time > latestSeen { latestSeen = event.time }
        while let first = pending.min, first.event.time <= latestSeen - rules.outOfOrderTolerance {
            _ = pending.popMin()
            process(first.event)
        }
    }

    /// Closes every visit and returns them all, ordered by start time (then device).
    package func finish() -> [Visit] {
        while let first = pending.popMin() { process(first.event) }
        for (_, v) in open { closed.append(v.visit) }
        open.removeAll()
        closed.sort { $0.start != $1.start ? $0.start < $1.start : $0.device < $1.device }
        return closed
    }

    private func process(_ event: Event) {
        events += 1
        watermark = event.time
        if event.time >= nextSweep {
            sweep(now: event.time)
            nextSweep = event.time + 60
        }
        let day = rules.splitAtMidnight ? days.day(of: event.time) : 0
        if var current = open[event.device] {
            var startNew = event.time - current.visit.end >= rules.timeout
            if !startNew && rules.splitAtMidnight && day != current.localDay { startNew = true }
            if !startNew && rules.newVisitOnCampaignChange, let c = event.campaign, c != current.visit.campaign {
                startNew = true
            }
            if !startNew && event.time - current.visit.start >= rules.maxVisitLength {
                startNew = true
                current.visit.wasCut = true
                cutVisits += 1
            }
            if !startNew {
                append(event, to: &current.visit)
                open[event.device] = current
                return
            }
            closed.append(current.visit)
            open.removeValue(forKey: event.device)
        }
        if event.time >= newVisitsUntil {
            afterEnd += 1
            return
        }
        var visit = Visit(device: event.device, start: event.time)
        visit.referrerHost = event.referrerHost
        visit.campaign = event.campaign
        visit.deviceClass = event.deviceClass
        append(event, to: &visit)
        open[event.device] = OpenVisit(visit: visit, localDay: day)
    }

    private func append(_ event: Event, to visit: inout Visit) {
        visit.end = event.time
        visit.pages.append(event.path)
        if !event.customer.isNone && visit.customer.isNone { visit.customer = event.customer }
        if let order = event.order, !visit.orders.contains(where: { $0.id == order.id }) {
            visit.orders.append(order)
        }
        if let survey = event.survey { visit.surveys.append(survey) }
    }

    /// Closes visits whose timeout has passed.
    private func sweep(now: Int64) {
        let expired = open.filter { now - $0.value.visit.end >= rules.timeout }
        for (key, v) in expired {
            closed.append(v.visit)
            open.removeValue(forKey: key)
        }
    }
}
