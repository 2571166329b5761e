import JourneysCore
import ReportModel

/// Where each known customer stands in the week a period ends, and how they moved since the week
/// before: new (first visit this week), returning (a visit in the 8 weeks to this one), resurrected
/// (back this week after 8 weeks or more without a visit), dormant (last visit 8 to 25 weeks ago),
/// lost (26 weeks or more). Every customer the history knows is in exactly one state; a week with
/// an order counts as a week with a visit.
enum Lifecycle {
    static let activeWeeks = 8
    static let lostWeeks = 26

    /// The state of a customer with visits in `weeks` (Monday day numbers) in the week of `monday`;
    /// nil before their first visit.
    static func state(_ weeks: Set<Int>, monday: Int) -> LifecycleInfo.State? {
        // One pass: the first week, the last week before this one, and whether this one had a visit.
        var first = Int.max, before = Int.min, visited = false
        for w in weeks where w <= monday {
            first = min(first, w)
            if w == monday { visited = true } else { before = max(before, w) }
        }
        guard first != .max else { return nil }
        if first == monday { return .new }
        let gap = (monday - before) / 7
        if visited { return gap >= activeWeeks ? .resurrected : .returning }
        if gap < activeWeeks { return .returning }
        return gap < lostWeeks ? .dormant : .lost
    }

    static func info(_ visitWeeks: [Pseudonym: Set<Int>], lastDay: CivilDate) -> LifecycleInfo {
        let monday = lastDay.adding(days: 1 - lastDay.isoWeekday).dayNumber
        var counts: [LifecycleInfo.State: Int] = [:]
        var flows: [LifecycleInfo.Flow: Int] = [:]
        for (_, weeks) in visitWeeks {
            guard let now = state(weeks, monday: monday) else { continue }
            counts[now, default: 0] += 1
            let then = state(weeks, monday: monday - 7)
            flows[LifecycleInfo.Flow(from: then, to: now), default: 0] += 1
        }
        let (year, week) = CivilDate(dayNumber: monday).isoWeek
        return LifecycleInfo(week: String(format: "%04d-W%02d", year, week),
                             counts: Dictionary(uniqueKeysWithValues: LifecycleInfo.State.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
                             flows: flows.map { LifecycleInfo.FlowCount(from: $0.key.from?.rawValue, to: $0.key.to.rawValue, customers: $0.value) }
                                 .sorted { ($0.from ?? "", $0.to) < ($1.from ?? "", $1.to) })
    }
}
