import Foundation
import JourneysCore

/// The values of an order table's `ordered_at` and `value` columns: a time that could be read
/// two ways (a date-time without a zone) is refused, not guessed; a value is read as the logs'
/// order values are (`MoneyText`, which says how `1,234` and `12,50` read).
enum OrderTableValues {
    /// Unix seconds of `2025-06-01` (the day's first instant in `zone`, the pipeline's time
    /// zone) or of `2025-06-01T10:20:30Z`, `...+02:00` or `...+0200`, optionally with a fraction
    /// of a second (dropped).
    static func time(_ text: String, zone: TimeZone) -> Int64? {
        let b = Array(text.utf8)
        guard b.count >= 10, let date = CivilDate(text.prefix(10)) else { return nil }
        if b.count == 10 { return date.startTime(in: zone) }
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let h = number(b, 11, 2), let m = number(b, 14, 2), let s = number(b, 17, 2),
              h < 24, m < 60, s < 60 else { return nil }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let digits = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > digits else { return nil }
        }
        guard i < b.count else { return nil }  // no zone: whose 10:20?
        let offset: Int
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == b.count else { return nil }
            offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            let rest = b.count - i - 1
            guard let oh = number(b, i + 1, 2), oh < 24 else { return nil }
            let om: Int?
            if rest == 5 && b[i + 3] == UInt8(ascii: ":") { om = number(b, i + 4, 2) }
            else if rest == 4 { om = number(b, i + 3, 2) }
            else { om = nil }
            guard let om, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        default:
            return nil
        }
        return Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s - offset)
    }

    /// Cents of a value as `MoneyText` reads it (`129.90`, `1.234,56`, `EUR 12.50`); nil for an
    /// empty, unreadable, negative or too large one.
    static func cents(_ text: String, currency: String? = nil) -> Int64? {
        if case .cents(let c) = MoneyText.read(text, currency: currency) { return c }
        return nil
    }

    /// Cents as `1234.56`, for messages.
    static func shown(cents: Int64) -> String {
        let hundredths = cents % 100
        return "\(cents / 100).\(hundredths < 10 ? "0" : "")\(hundredths)"
    }

    /// The number written by the `count` ASCII digits at `start`, if they are all digits.
    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var v = 0
        for i in start..<(start + count) {
            guard (0x30...0x39).contains(b[i]) else { return nil }
            v = v * 10 + Int(b[i] - 0x30)
        }
        return v
    }
}
