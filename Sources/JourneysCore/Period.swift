import Foundation

/// The stretch of days a report covers: an ISO week, a month or a date range, in the pipeline's
/// time zone. `first...last` are whole local days.
package struct Period: Hashable, Sendable, CustomStringConvertible {
    package enum Kind: String, Sendable { case week, month, range }

    package var kind: Kind
    package var first: CivilDate
    package var last: CivilDate
    /// True when the input ends before the period does.
    package var isPartial: Bool = false

    package init(kind: Kind, first: CivilDate, last: CivilDate) {
        self.kind = kind; self.first = first; self.last = last
    }

    /// Parses `2026-W47`, `2026-11` or `2026-11-02..2026-11-15`.
    package init?(parsing text: String) {
        if let range = text.range(of: "..") {
            guard let a = CivilDate(text[..<range.lowerBound]), let b = CivilDate(text[range.upperBound...]), a <= b
            else { return nil }
            self.init(kind: .range, first: a, last: b)
        } else if let w = text.range(of: "-W") {
            guard let y = Int(text[..<w.lowerBound]), text[..<w.lowerBound].count == 4,
                  let week = Int(text[w.upperBound...]), text[w.upperBound...].count == 2, week >= 1,
                  week <= Period.weeksIn(isoYear: y) else { return nil }
            self = .isoWeek(year: y, week: week)
        } else {
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            self.init(kind: .month, first: CivilDate(year: y, month: m, day: 1),
                      last: CivilDate(year: y, month: m, day: CivilDate.daysIn(year: y, month: m)))
        }
    }

    package static func isoWeek(year: Int, week: Int) -> Period {
        let monday = CivilDate.mondayOf(isoYear: year, week: week)
        return Period(kind: .week, first: monday, last: monday.adding(days: 6))
    }

    /// The ISO week containing `date`.
    package static func isoWeek(containing date: CivilDate) -> Period {
        let w = date.isoWeek
        return isoWeek(year: w.year, week: w.week)
    }

    package static func weeksIn(isoYear: Int) -> Int {
        CivilDate(year: isoYear, month: 12, day: 28).isoWeek.week
    }

    package var days: Int { last.dayNumber - first.dayNumber + 1 }

    /// The period of the same kind and length just before this one.
    package var previous: Period {
        switch kind {
        case .week:
            return Period(kind: .week, first: first.adding(days: -7), last: last.adding(days: -7))
        case .month:
            let y = first.month == 1 ? first.year - 1 : first.year
            let m = first.month == 1 ? 12 : first.month - 1
            return Period(kind: .month, first: CivilDate(year: y, month: m, day: 1),
                          last: CivilDate(year: y, month: m, day: CivilDate.daysIn(year: y, month: m)))
        case .range:
            return Period(kind: .range, first: first.adding(days: -days), last: first.adding(days: -1))
        }
    }

    /// The name used for the report's folder and headings: `2026-W47`, `2026-11`, `2026-11-02..2026-11-15`.
    package var description: String {
        switch kind {
        case .week:
            let w = first.isoWeek
            return "\(w.year)-W\(w.week < 10 ? "0" : "")\(w.week)"
        case .month:
            return String(first.description.prefix(7))
        case .range:
            return "\(first)..\(last)"
        }
    }

    /// Unix time of the first instant of the period, in `zone`.
    package func startTime(in zone: TimeZone) -> Int64 { first.startTime(in: zone) }
    /// Unix time just after the period's last instant, in `zone`.
    package func endTime(in zone: TimeZone) -> Int64 { last.adding(days: 1).startTime(in: zone) }
}
