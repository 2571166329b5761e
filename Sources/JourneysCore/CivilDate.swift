import Foundation

/// A calendar date without time zone; the unit of periods and of the daily files of logs.
package struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// Parses `YYYY-MM-DD`.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `YYYYMMDD`, as `compactString` writes it and the CDNOW logs and many shop exports
    /// date their rows; nil for anything else, or a date that does not exist.
    package init?(compact text: some StringProtocol) {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int(text) else { return nil }
        let (y, m, d) = (value / 10_000, value / 100 % 100, value % 100)
        guard CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Whether the date exists (no 30 February).
    package static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(year: year, month: month)
    }

    package static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's `days_from_civil`.
    package var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    package init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    package func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// 1 = Monday ... 7 = Sunday.
    package var isoWeekday: Int { Self.isoWeekday(ofDay: dayNumber) }

    /// The ISO weekday of day number `day` (1 = Monday): day 0, 1970-01-01, was a Thursday.
    package static func isoWeekday(ofDay day: Int) -> Int { ((day % 7) + 7 + 3) % 7 + 1 }

    /// The day number of the Monday of the week of day number `day`.
    package static func monday(ofDay day: Int) -> Int { day + 1 - isoWeekday(ofDay: day) }

    /// ISO 8601 week-numbering year and week.
    package var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - isoWeekday)
        let week = (thursday.dayNumber - CivilDate(year: thursday.year, month: 1, day: 1).dayNumber) / 7 + 1
        return (thursday.year, week)
    }

    /// The Monday of ISO week `week` of `year`.
    package static func mondayOf(isoYear: Int, week: Int) -> CivilDate {
        let jan4 = CivilDate(year: isoYear, month: 1, day: 4)
        return jan4.adding(days: 1 - jan4.isoWeekday + (week - 1) * 7)
    }

    package static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// "20261116", as logrotate's `dateext` names rotated files.
    package var compactString: String { description.replacingOccurrences(of: "-", with: "") }

    package var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Unix time of the first instant of this date in `zone`: local midnight, or the end of the
    /// daylight-saving gap where clocks jump over midnight (America/Santiago, America/Havana).
    package func startTime(in zone: TimeZone) -> Int64 {
        let utcMidnight = Int64(dayNumber) * 86_400
        var guess = utcMidnight - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utcMidnight))))
        guess = utcMidnight - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(guess))))
        // The guess is right unless an offset change lies near midnight: then find the first
        // instant whose local date is this date (local dates only grow with time).
        if CivilDate.of(time: guess, in: zone) == self && CivilDate.of(time: guess - 1, in: zone) < self { return guess }
        var low = guess - 3 * 3600, high = guess + 3 * 3600
        while low < high {
            let mid = low + (high - low) / 2
            if CivilDate.of(time: mid, in: zone) < self { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The local date of a Unix time in `zone`.
    package static func of(time: Int64, in zone: TimeZone) -> CivilDate {
        CivilDate(dayNumber: LocalDays.day(of: time, in: zone))
    }
}
