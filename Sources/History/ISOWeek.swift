import JourneysCore

/// An ISO 8601 week (Monday to Sunday), the unit of the history's visit counts, for lifecycle
/// states that ask "did this customer visit in that week, and in the week before?". Stored by its
/// name, `2026-W47`, which sorts as time does.
package struct ISOWeek: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package let year: Int
    package let week: Int

    /// Nil for a week the year does not have (`2026-W53`).
    package init?(year: Int, week: Int) {
        guard (0...9999).contains(year), week >= 1, week <= Period.weeksIn(isoYear: year) else { return nil }
        self.year = year; self.week = week
    }

    /// The week `date` falls in.
    package init(containing date: CivilDate) {
        let w = date.isoWeek
        year = w.year; week = w.week
    }

    /// Parses `2026-W47`.
    package init?(_ name: some StringProtocol) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
              let y = Int(parts[0]), let w = Int(parts[1].dropFirst()) else { return nil }
        self.init(year: y, week: w)
    }

    package var monday: CivilDate { CivilDate.mondayOf(isoYear: year, week: week) }
    package var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }
    package var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }

    /// The same week a year earlier, for year-over-year: week 53 of a year is compared with week
    /// 52 of the year before when that year has no week 53.
    package var yearEarlier: ISOWeek {
        ISOWeek(checked: year - 1, min(week, Period.weeksIn(isoYear: year - 1)))
    }

    private init(checked year: Int, _ week: Int) { self.year = year; self.week = week }

    package var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W\(week < 10 ? "0" : "")\(week)"
    }

    package static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
