/// Writes whole numbers with their digits in groups of three (`1,234,567`), by hand rather than
/// with a formatter, so the bytes never depend on the machine's locale data. The report's number
/// style and the command line's line counts both group through it, so they cannot drift apart.
package struct DigitGrouping: Sendable, Equatable {
    /// Written between groups: `,` in English, `.` in German.
    package var separator: String

    package init(separator: String) { self.separator = separator }

    package func string(_ n: Int) -> String { string(Int128(n)) }

    /// Any 128-bit whole number: the report's sums in cents, scaled, stay far inside it.
    package func string(_ n: Int128) -> String {
        // `magnitude` is unsigned, so the most negative number has digits too.
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
