import Foundation
import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// Abandoned carts followed per person (docs/definitions.md "Carts per customer"). The carts
/// followed are those of the period's days moved back by the recovery window, so that every
/// cart's window has closed when the period ends: a cart of the period's last Sunday would
/// otherwise count as lost for want of time to come back. Cohort 0 is this period's, 1 the
/// previous period's.
struct CartRecoveryFold: SectionFold {
    struct Cohort: Equatable, Codable {
        var carts = 0
        var abandoned = 0
        var recovered = 0
        var people = 0
        var peopleAbandoned = 0
        /// Seconds from the end of each recovered cart's visit to the start of the visit that bought.
        var recoverySeconds: [Int64] = []

        mutating func merge(_ o: Cohort) {
            carts += o.carts; abandoned += o.abandoned; recovered += o.recovered
            people += o.people; peopleAbandoned += o.peopleAbandoned; recoverySeconds += o.recoverySeconds
        }
    }

    var cohorts = [Cohort(), Cohort()]
    var byChannel = KeyedCounts<String>()
    var byTouchpoint = KeyedCounts<Int>()
    var days: LocalDays

    init(zone: TimeZone) { days = LocalDays(zone: zone) }

    /// The local days whose carts cohort `b` follows: the period's days moved back by the
    /// window, and no later than the window before the last day of data (a partial period).
    static func cohortDays(_ b: Int, _ context: FoldContext) -> ClosedRange<Int>? {
        let n = context.settings.recoveryDays
        guard let days = b == 0 ? context.periodDays : context.previousDays else { return nil }
        let last = min(days.upperBound, context.lastDataDay) - n
        return last < days.lowerBound - n ? nil : (days.lowerBound - n)...last
    }

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        byChannel.nextPerson(); byTouchpoint.nextPerson()
        let window = context.settings.recoveryDays
        let ranges = [Self.cohortDays(0, context), Self.cohortDays(1, context)]
        var hadCart = [false, false], kept = [false, false]
        for (i, visit) in person.visits.enumerated() where person.mapped[i].reached(.addToCart) {
            let day = days.day(of: visit.start)
            guard let b = ranges.firstIndex(where: { $0?.contains(day) == true }) else { continue }
            cohorts[b].carts += 1
            hadCart[b] = true
            if !visit.orders.isEmpty { kept[b] = true; continue }
            cohorts[b].abandoned += 1
            // The first later visit with an order, on or before the window's last local day.
            var j = i + 1
            while j < person.visits.count {
                let later = person.visits[j]
                if days.day(of: later.start) > day + window { break }
                if !later.orders.isEmpty { break }
                j += 1
            }
            guard j < person.visits.count, !person.visits[j].orders.isEmpty,
                  days.day(of: person.visits[j].start) <= day + window else { continue }
            kept[b] = true
            cohorts[b].recovered += 1
            cohorts[b].recoverySeconds.append(person.visits[j].start - visit.end)
            if b == 0 {
                byChannel.add(person.mapped[j].channel.rawValue)
                byTouchpoint.add(person.mapped[j].touchpoints.first ?? -1)
            }
        }
        for b in 0..<2 where hadCart[b] {
            cohorts[b].people += 1
            if !kept[b] { cohorts[b].peopleAbandoned += 1 }
        }
    }

    mutating func merge(_ o: CartRecoveryFold) {
        for b in 0..<2 { cohorts[b].merge(o.cohorts[b]) }
        byChannel.merge(o.byChannel); byTouchpoint.merge(o.byTouchpoint)
    }

    /// Median days to recovery of cohort `b`, at 1 decimal.
    func medianDays(_ b: Int) -> Double? {
        median(cohorts[b].recoverySeconds.map(Double.init)).map { rounded($0 / 86_400, 10) }
    }

    func finish(_ finishing: inout FinishContext) -> CartRecoveryInfo {
        let context = finishing.fold
        let k = context.settings.minPeople, c = cohorts[0]
        let days = Self.cohortDays(0, context) ?? (context.periodDays.lowerBound - context.settings.recoveryDays)...(context.periodDays.lowerBound - context.settings.recoveryDays)
        func sources<K>(_ counts: KeyedCounts<K>, _ name: WithheldTable, id: (K) -> String, label: (K) -> String) -> [CartRecoveryInfo.Source] {
            let (top, withheld) = counts.top(.max, k: k)
            finishing.withhold(withheld, in: name)
            return top.map { CartRecoveryInfo.Source(id: id($0.key), label: label($0.key), carts: $0.counts.n,
                                                     people: $0.counts.people, share: ratio($0.counts.n, c.recovered) ?? 0) }
        }
        func tp(_ t: Int) -> String { t < 0 ? "?" : context.catalog[t].name }
        return CartRecoveryInfo(
            recoveryDays: context.settings.recoveryDays,
            cohortFirst: CivilDate(dayNumber: days.lowerBound).description, cohortLast: CivilDate(dayNumber: days.upperBound).description,
            carts: c.carts, abandoned: c.abandoned, recovered: c.recovered, people: c.people, peopleAbandoned: c.peopleAbandoned,
            byChannel: sources(byChannel, .cartsByChannel, id: { $0 }, label: { Channel(rawValue: $0)?.label ?? $0 }),
            byTouchpoint: sources(byTouchpoint, .cartsByTouchpoint, id: tp, label: tp))
    }
}

extension CartRecoveryFold {
    init(zero context: FoldContext) { self.init(zone: context.settings.timeZone) }
}
