/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// Exists so dates, weekdays, ISO weeks and file names are computed by plain integer math,
/// independent of Foundation calendars and locales (which must not change the logs' bytes).
package struct CivilDate: Sendable, Equatable, Comparable {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a day number (Howard Hinnant's `civil_from_days`).
    package init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    package var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday, 1 = Monday ... 7 = Sunday.
    package var isoWeekday: Int {
        let w = (dayNumber + 3) % 7   // 1970-01-01 was a Thursday (index 3 from Monday)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// ISO 8601 week number and week-based year.
    package var isoWeek: (year: Int, week: Int) {
        let thursday = CivilDate(dayNumber: dayNumber - isoWeekday + 4)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1).dayNumber
        return (thursday.year, (thursday.dayNumber - jan1) / 7 + 1)
    }

    /// "2026-11-16".
    package var isoString: String {
        "\(year)-\(Self.pad2(month))-\(Self.pad2(day))"
    }

    /// "20261116", as logrotate's `dateext` writes it.
    package var compactString: String {
        "\(year)\(Self.pad2(month))\(Self.pad2(day))"
    }

    package static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    package static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return CivilDate(dayNumber: CivilDate(year: year, month: month, day: day).dayNumber)
            == CivilDate(year: year, month: month, day: day)
    }

    /// English month abbreviations as Apache and nginx write them, whatever the locale.
    package static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
