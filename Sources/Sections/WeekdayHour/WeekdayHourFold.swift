import Foundation
import JourneysCore
import ReportModel

/// The period's visits and their orders by the local weekday and hour of the visit's start, in
/// the report's time zone (`report.timezone`).
struct WeekdayHourFold: SectionFold {
    /// Monday's 24 hours first, then Tuesday's, up to Sunday's.
    var visitsAt = Array(repeating: 0, count: 7 * 24)
    var ordersAt = Array(repeating: 0, count: 7 * 24)
    var days: LocalDays

    init(zone: TimeZone) { days = LocalDays(zone: zone) }

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        for visit in person.visits where context.period.contains(visit.start) {
            let local = visit.start + Int64(days.offset(at: visit.start))
            let day = LocalDays.day(ofLocal: local)
            let weekday = ((day % 7) + 10) % 7  // 1970-01-01 was a Thursday; Monday is 0
            let hour = Int((local - Int64(day) * 86_400) / 3_600)
            visitsAt[weekday * 24 + hour] += 1
            ordersAt[weekday * 24 + hour] += visit.orders.count
        }
    }

    mutating func merge(_ o: WeekdayHourFold) {
        for i in visitsAt.indices { visitsAt[i] += o.visitsAt[i]; ordersAt[i] += o.ordersAt[i] }
    }

    func finish(_ finishing: inout FinishContext) -> WeekdayHour {
        func grid(_ flat: [Int]) -> [[Int]] { (0..<7).map { Array(flat[($0 * 24)..<($0 * 24 + 24)]) } }
        return WeekdayHour(visits: grid(visitsAt), orders: grid(ordersAt))
    }
}

extension WeekdayHourFold {
    init(zero context: FoldContext) { self.init(zone: context.settings.timeZone) }
}
