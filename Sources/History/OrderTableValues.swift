import Foundation
import JourneysCore

/// The values of an order table's `ordered_at` and `value` columns, read strictly: a value
/// that could be read two ways (a date-time without a zone, `129,90`) is refused, not guessed.
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

    /// Cents of `129.90`, `129.9` or `129`: digits, then at most two decimals after a point; no
    /// sign, no thousands separator.
    static func cents(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        let point = b.firstIndex(of: UInt8(ascii: ".")) ?? b.count
        let whole = b[..<point], fraction = point < b.count ? b[(point + 1)...] : []
        guard !whole.isEmpty, whole.count <= 13, point == b.count ? true : (1...2).contains(fraction.count),
              whole.allSatisfy({ (0x30...0x39).contains($0) }), fraction.allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        let units = whole.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        var cents = fraction.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        if fraction.count == 1 { cents *= 10 }
        return units * 100 + cents
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
