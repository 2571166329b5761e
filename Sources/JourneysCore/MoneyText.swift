/// Reads an order value the way shops write it, from the bytes of a query parameter, a JSON
/// tracking event, a CSV export or an imported order table, into whole cents: the one reader of
/// money in journeys (docs/definitions.md "What counts as a page view", order values).
///
/// - A currency code (three letters, `EUR`) or symbol (`€`, `$`, `£`, `¥`) may stand before or
///   after the number, once, with or without a space; a leading `+` is allowed. Given the shop's
///   currency (the config's `currency`), only its code and symbol are read: `15000JPY` in a shop
///   that sells in EUR is unreadable, not €15,000.
/// - Spaces (also no-break and thin spaces) and `'` only group thousands. When both `.` and `,`
///   appear, the last one is the decimal mark and the other groups thousands (`1,234.56`,
///   `1.234,56`). A mark that appears twice or more groups thousands (`1,234,567`). A single `.`
///   is a decimal point (`19.999`); a single `,` is a thousands separator when exactly three
///   digits follow it and one to three digits not starting with 0 precede it (`1,234` = 1234,
///   as English writes thousands), else a decimal comma (`12,50`, `0,005`, `1,2345`).
/// - Grouped digits come in threes after a first group of one to three (`12 34` is unreadable).
/// - More than two decimals are rounded half away from zero (`19.999` = 20.00, `0.005` = 0.01).
/// - A negative value (`-3`) is unreadable: an order is never worth less than nothing (a refund
///   is not an order). So are exponents (`1e2`), `NaN`, `Infinity` and anything else.
///
/// A number too large for 64-bit cents is `tooLarge`, which no ceiling lets through. Every input,
/// however long or odd, is read in one pass without trapping or allocating.
package enum MoneyText {
    /// The highest ceiling `orders.max_value` may set: 10,000,000.00. With every value at most
    /// this, 64-bit cents hold the sum of over nine billion orders.
    package static let maxCeilingCents: Int64 = 1_000_000_000
    /// The ceiling without a config: 100,000.00.
    package static let defaultCeilingCents: Int64 = 10_000_000

    package enum Reading: Equatable, Sendable {
        /// Empty, or `-` (a log's empty field).
        case missing
        case cents(Int64)
        /// A well-formed amount beyond 92,233,720,368,547,758.07.
        case tooLarge
        case unreadable
    }

    package static func read(_ text: String, currency: String? = nil) -> Reading {
        var copy = text
        return copy.withUTF8 { read(UnsafeRawBufferPointer($0), currency: currency) }
    }

    /// `currency`: the ISO code the shop sells in; nil reads any code or symbol.
    package static func read(_ raw: UnsafeRawBufferPointer, currency: String? = nil) -> Reading {
        var lo = 0
        var hi = raw.count
        skipSpaces(raw, &lo, hi)
        trimSpaces(raw, lo, &hi)
        if lo == hi || (hi - lo == 1 && raw[lo] == 0x2D) { return .missing }
        if raw[lo] == 0x2B {  // +
            lo += 1
        } else if raw[lo] == 0x2D {
            return .unreadable  // negative
        }
        if let n = currencyPrefix(raw, lo, hi) {
            guard isShops(raw, lo, lo + n, currency) else { return .unreadable }
            lo += n
            skipSpaces(raw, &lo, hi)
        } else if let n = currencySuffix(raw, lo, hi) {
            guard isShops(raw, hi - n, hi, currency) else { return .unreadable }
            hi -= n
            trimSpaces(raw, lo, &hi)
        }
        guard lo < hi else { return .unreadable }
        return number(raw, lo, hi)
    }

    // MARK: - the number

    private enum Mark: Equatable { case dot, comma, group }

    /// The separator at `i` and its length in bytes; nil when `i` holds none.
    @inline(__always) private static func mark(_ b: UnsafeRawBufferPointer, _ i: Int, _ hi: Int) -> (Mark, Int)? {
        switch b[i] {
        case 0x2E: return (.dot, 1)
        case 0x2C: return (.comma, 1)
        case 0x20, 0x27: return (.group, 1)  // space, '
        default:
            let n = spaceLength(b, i, hi)
            return n > 0 ? (.group, n) : nil
        }
    }

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    private static func number(_ b: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int) -> Reading {
        // First pass: which marks appear, how often, and where the last dot or comma stands.
        var dots = 0
        var commas = 0
        var last = -1
        var lastMark = Mark.group
        var i = lo
        while i < hi {
            if isDigit(b[i]) { i += 1; continue }
            guard let (m, n) = mark(b, i, hi) else { return .unreadable }
            if m == .dot { dots += 1; last = i; lastMark = m }
            if m == .comma { commas += 1; last = i; lastMark = m }
            i += n
        }
        // Which byte, if any, is the decimal mark.
        var decimalAt = -1
        if dots > 0 && commas > 0 {
            guard (lastMark == .dot ? dots : commas) == 1 else { return .unreadable }
            decimalAt = last
        } else if dots == 1 {
            decimalAt = last
        } else if commas == 1 {
            var after = last + 1
            while after < hi && isDigit(b[after]) { after += 1 }
            var before = last
            while before > lo && isDigit(b[before - 1]) { before -= 1 }
            let thousands = after == hi && after - last - 1 == 3 && (1...3).contains(last - before) && b[before] != 0x30
            if !thousands { decimalAt = last }
        }

        // Second pass: the whole units, grouped in threes where grouped, then the decimals.
        var units: Int64 = 0
        var tooLarge = false
        var digits = 0
        var run = 0  // digits since the last grouping mark
        var grouped = false
        var groupMark: Mark? = nil
        var groupByte: UInt8 = 0
        i = lo
        let intEnd = decimalAt >= 0 ? decimalAt : hi
        while i < intEnd {
            let c = b[i]
            if isDigit(c) {
                if !tooLarge {
                    let (m, o1) = units.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(Int64(c &- 0x30))
                    if o1 || o2 { tooLarge = true } else { units = s }
                }
                digits += 1
                run += 1
                i += 1
                continue
            }
            let (m, n) = mark(b, i, hi)!
            // a grouping mark: after a first group of 1 to 3 digits, every group has 3
            if grouped ? run != 3 : !(1...3).contains(run) { return .unreadable }
            if let g = groupMark {
                guard g == m, m != .group || b[i] == groupByte else { return .unreadable }
            } else {
                groupMark = m
                groupByte = b[i]
            }
            grouped = true
            run = 0
            i += n
        }
        if grouped && run != 3 { return .unreadable }

        var fraction: Int64 = 0  // the first two decimals
        var roundUp = false
        if decimalAt >= 0 {
            i = decimalAt + 1
            guard i < hi else { return .unreadable }  // `12.` has no decimals
            var k = 0
            while i < hi {
                let c = b[i]
                guard isDigit(c) else { return .unreadable }
                let d = Int64(c &- 0x30)
                if k < 2 { fraction = fraction * 10 + d } else if k == 2 { roundUp = d >= 5 }
                k += 1
                i += 1
            }
            if k == 1 { fraction *= 10 }
            digits += k
        }
        guard digits > 0 else { return .unreadable }
        if tooLarge { return .tooLarge }
        let (hundreds, o1) = units.multipliedReportingOverflow(by: 100)
        let (sum, o2) = hundreds.addingReportingOverflow(fraction + (roundUp ? 1 : 0))
        return o1 || o2 ? .tooLarge : .cents(sum)
    }

    // MARK: - currency and spaces

    /// Length of a no-break, narrow no-break or thin space (U+00A0, U+202F, U+2009) at `i`.
    @inline(__always) private static func spaceLength(_ b: UnsafeRawBufferPointer, _ i: Int, _ hi: Int) -> Int {
        if b[i] == 0xC2, i + 1 < hi, b[i + 1] == 0xA0 { return 2 }
        if b[i] == 0xE2, i + 2 < hi, b[i + 1] == 0x80, b[i + 2] == 0xAF || b[i + 2] == 0x89 { return 3 }
        return 0
    }

    private static func skipSpaces(_ b: UnsafeRawBufferPointer, _ lo: inout Int, _ hi: Int) {
        while lo < hi {
            if b[lo] == 0x20 || b[lo] == 0x09 { lo += 1; continue }
            let n = spaceLength(b, lo, hi)
            guard n > 0 else { return }
            lo += n
        }
    }

    private static func trimSpaces(_ b: UnsafeRawBufferPointer, _ lo: Int, _ hi: inout Int) {
        while hi > lo {
            if b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1; continue }
            if hi - 2 >= lo, spaceLength(b, hi - 2, hi) == 2 { hi -= 2; continue }
            if hi - 3 >= lo, spaceLength(b, hi - 3, hi) == 3 { hi -= 3; continue }
            return
        }
    }

    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }

    /// Length of a currency symbol (`€ $ £ ¥`) starting at `i`, 0 when there is none.
    private static func symbolLength(_ b: UnsafeRawBufferPointer, _ i: Int, _ hi: Int) -> Int {
        guard i < hi else { return 0 }
        if b[i] == 0x24 { return 1 }  // $
        if b[i] == 0xC2, i + 1 < hi, b[i + 1] == 0xA3 || b[i + 1] == 0xA5 { return 2 }  // £ ¥
        if b[i] == 0xE2, i + 2 < hi, b[i + 1] == 0x82, b[i + 2] == 0xAC { return 3 }  // €
        return 0
    }

    /// Whether the code or symbol in `lo..<hi` is `currency`'s (any, without one): its three
    /// letters in any case, or its symbol (`€` EUR, `$` USD, `£` GBP, `¥` JPY and CNY).
    private static func isShops(_ b: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int, _ currency: String?) -> Bool {
        guard let currency else { return true }
        let code = Array(currency.utf8)
        if hi - lo == 3, isLetter(b[lo]) {
            return code.count == 3 && (0..<3).allSatisfy { b[lo + $0] | 0x20 == code[$0] | 0x20 }
        }
        let symbol: [UInt8]
        switch currency.uppercased() {
        case "EUR": symbol = [0xE2, 0x82, 0xAC]
        case "USD": symbol = [0x24]
        case "GBP": symbol = [0xC2, 0xA3]
        case "JPY", "CNY": symbol = [0xC2, 0xA5]
        default: return false
        }
        return hi - lo == symbol.count && (0..<symbol.count).allSatisfy { b[lo + $0] == symbol[$0] }
    }

    private static func currencyPrefix(_ b: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int) -> Int? {
        let s = symbolLength(b, lo, hi)
        if s > 0 { return s }
        if hi - lo > 3, isLetter(b[lo]), isLetter(b[lo + 1]), isLetter(b[lo + 2]), !isLetter(b[lo + 3]) { return 3 }
        return nil
    }

    private static func currencySuffix(_ b: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int) -> Int? {
        if hi - lo > 1, b[hi - 1] == 0x24 { return 1 }
        if hi - lo > 2, symbolLength(b, hi - 2, hi) == 2 { return 2 }
        if hi - lo > 3, symbolLength(b, hi - 3, hi) == 3 { return 3 }
        if hi - lo > 3, isLetter(b[hi - 1]), isLetter(b[hi - 2]), isLetter(b[hi - 3]), !isLetter(b[hi - 4]) { return 3 }
        return nil
    }
}
