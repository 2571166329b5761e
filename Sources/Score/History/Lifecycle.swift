import Sections
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
        var before: Int? = nil, visited = false
        for w in weeks where w <= monday {
            if w == monday { visited = true } else { before = max(before ?? w, w) }
        }
        return state(visited: visited, lastBefore: before, firstOrder: firstOrder, monday: monday)
    }

    /// The state in the week of `monday`, from whether that week was active and the last active
    /// week before it (nil for none).
    static func state(visited: Bool, lastBefore: Int?, firstOrder: Int, monday: Int) -> LifecycleInfo.State? {
        guard firstOrder <= monday else { return nil }
        if firstOrder == monday { return .new }
        let gap = (monday - max(firstOrder, lastBefore ?? firstOrder)) / 7
        if visited { return gap >= activeWeeks ? .resurrected : .returning }
        if gap < activeWeeks { return .returning }
        return gap < lostWeeks ? .dormant : .lost
    }

    /// `visitWeeks`: per person, the weeks with a visit; `history`: every known order, whose
    /// weeks count as visits too (all of them: an order after `lastDay` in its week is activity
    /// of that week).
    static func info(_ visitWeeks: [Pseudonym: Set<Int>], history: CustomerHistory, lastDay: CivilDate) -> LifecycleInfo {
        let monday = lastDay.adding(days: 1 - lastDay.isoWeekday).dayNumber, previous = monday - 7
        let last = lastDay.dayNumber
        var counts: [LifecycleInfo.State: Int] = [:]
        var flows: [LifecycleInfo.Flow: Int] = [:]
        for k in 0..<history.count where history.firstDay(of: k) <= last {
            let first = CivilDate.monday(ofDay: history.firstDay(of: k))
            // this week, the week before, and the last active week before those
            var this = false, before = false, earlier: Int? = nil
            func active(_ w: Int) {
                if w == monday { this = true } else if w == previous { before = true } else if w < previous { earlier = max(earlier ?? w, w) }
            }
            for i in history.orders(of: k) { active(CivilDate.monday(ofDay: history.day(i))) }
            if let weeks = visitWeeks[history.pseudonyms[k]] { for w in weeks { active(w) } }
            guard let now = state(visited: this, lastBefore: before ? previous : earlier, firstOrder: first, monday: monday) else { continue }
            counts[now, default: 0] += 1
            let then = state(visited: before, lastBefore: earlier, firstOrder: first, monday: previous)
            flows[LifecycleInfo.Flow(from: then, to: now), default: 0] += 1
        }
        let (year, week) = CivilDate(dayNumber: monday).isoWeek
        return LifecycleInfo(week: String(format: "%04d-W%02d", year, week),
                             counts: Dictionary(uniqueKeysWithValues: LifecycleInfo.State.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
                             flows: flows.map { LifecycleInfo.FlowCount(from: $0.key.from?.rawValue, to: $0.key.to.rawValue, customers: $0.value) }
                                 .sorted { ($0.from ?? "", $0.to) < ($1.from ?? "", $1.to) })
    }

    /// `info` of orders listed one by one (each order id once).
    static func info(_ visitWeeks: [Pseudonym: Set<Int>], orders: [HistoryFacts.Order], lastDay: CivilDate) -> LifecycleInfo {
        info(visitWeeks, history: CustomerHistory(orders), lastDay: lastDay)
    }
}
