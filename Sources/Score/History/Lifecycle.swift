import JourneysCore
import ReportModel

/// Where each customer stands in the week a period ends, and how they moved since the week
/// before. A customer is a person with an order in the history up to that week (from the logs or
/// an imported order table); people who never ordered are visitors, not customers, and are not
/// counted. New: first order this week; returning: active in the 8 weeks to this one;
/// resurrected: active this week after 8 weeks or more without activity; dormant: last active 8 to
/// 25 weeks ago; lost: 26 weeks or more. Active means a visit or an order that week (an order
/// counts as a visit: imported orders come without visits).
enum Lifecycle {
    static let activeWeeks = 8
    static let lostWeeks = 26

    /// The state in the week of `monday` of a customer first ordering in the week of
    /// `firstOrder` and active in `weeks` (Monday day numbers); nil before their first order.
    static func state(_ weeks: Set<Int>, firstOrder: Int, monday: Int) -> LifecycleInfo.State? {
        guard firstOrder <= monday else { return nil }
        if firstOrder == monday { return .new }
        // One pass: the last active week before this one, and whether this one was active.
        var before = firstOrder, visited = false
        for w in weeks where w <= monday {
            if w == monday { visited = true } else { before = max(before, w) }
        }
        let gap = (monday - before) / 7
        if visited { return gap >= activeWeeks ? .resurrected : .returning }
        if gap < activeWeeks { return .returning }
        return gap < lostWeeks ? .dormant : .lost
    }

    /// `visitWeeks`: per person, the weeks with a visit or an order; `orders`: every known order.
    static func info(_ visitWeeks: [Pseudonym: Set<Int>], orders: [HistoryFacts.Order], lastDay: CivilDate) -> LifecycleInfo {
        let monday = lastDay.adding(days: 1 - lastDay.isoWeekday).dayNumber
        var firstOrder: [Pseudonym: Int] = [:]
        for o in orders where o.day <= lastDay {
            let week = CivilDate.monday(ofDay: o.day.dayNumber)
            firstOrder[o.customer] = min(firstOrder[o.customer] ?? week, week)
        }
        var counts: [LifecycleInfo.State: Int] = [:]
        var flows: [LifecycleInfo.Flow: Int] = [:]
        for (customer, first) in firstOrder {
            let weeks = visitWeeks[customer] ?? [first]
            guard let now = state(weeks, firstOrder: first, monday: monday) else { continue }
            counts[now, default: 0] += 1
            let then = state(weeks, firstOrder: first, monday: monday - 7)
            flows[LifecycleInfo.Flow(from: then, to: now), default: 0] += 1
        }
        let (year, week) = CivilDate(dayNumber: monday).isoWeek
        return LifecycleInfo(week: String(format: "%04d-W%02d", year, week),
                             counts: Dictionary(uniqueKeysWithValues: LifecycleInfo.State.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
                             flows: flows.map { LifecycleInfo.FlowCount(from: $0.key.from?.rawValue, to: $0.key.to.rawValue, customers: $0.value) }
                                 .sorted { ($0.from ?? "", $0.to) < ($1.from ?? "", $1.to) })
    }
}
