/// Day numbers for civil (proleptic Gregorian) dates, so that order histories can be kept as plain
/// integers: day 0 is 1970-01-01, as in Unix time.
package enum CivilDay {
    /// The day number of a calendar date, or nil when the date does not exist (month 13, 31 April,
    /// 29 February of a common year).
    ///
    /// Howard Hinnant's `days_from_civil`: counting years from 1 March makes the leap day the last
    /// day of its year, so every era of 400 years has the same 146,097 days and no table is needed.
    package static func number(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day number of an eight-digit `YYYYMMDD` date, as the CDNOW logs and many shop exports
    /// write it; nil for anything else.
    package static func number(yyyymmdd text: some StringProtocol) -> Int? {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int(text) else { return nil }
        return number(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
