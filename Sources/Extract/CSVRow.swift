/// Splits one CSV row into field ranges over its bytes (RFC 4180 quoting: `"a, b"`, `""` for a
/// quote inside a quoted field). Rows spanning several lines are not supported.
enum CSVRow {
    struct Field {
        var range: Range<Int>
        /// The field was quoted and holds `""` pairs to collapse.
        var doubledQuotes: Bool
    }

    /// False when a quote is not closed or text follows a closing quote.
    static func split(_ b: UnsafeRawBufferPointer, separator: UInt8, into fields: inout [Field]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let n = b.count
        var i = 0
        while true {
            if i < n, b[i] == 0x22 {
                i += 1
                let start = i
                var doubled = false
                while true {
                    guard i < n else { return false }
                    if b[i] == 0x22 {
                        if i + 1 < n, b[i + 1] == 0x22 { doubled = true; i += 2; continue }
                        break
                    }
                    i += 1
                }
                fields.append(Field(range: start..<i, doubledQuotes: doubled))
                i += 1
                guard i == n || b[i] == separator else { return false }
            } else {
                let start = i
                if let base = b.baseAddress, i < n,
                   let hit = memchr(base + i, Int32(separator), n - i) {
                    i = base.distance(to: UnsafeRawPointer(hit))
                } else {
                    i = n
                }
                fields.append(Field(range: start..<i, doubledQuotes: false))
            }
            if i >= n { return true }
            i += 1  // separator
            if i == n { fields.append(Field(range: n..<n, doubledQuotes: false)); return true }
        }
    }

    /// A field's text with `""` collapsed, written to `out` (room for `raw.count` bytes); its length.
    static func collapseQuotes(_ raw: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer) -> Int {
        var o = 0
        var i = 0
        while i < raw.count {
            out.storeBytes(of: raw[i], toByteOffset: o, as: UInt8.self)
            o += 1
            i += (raw[i] == 0x22 && i + 1 < raw.count && raw[i + 1] == 0x22) ? 2 : 1
        }
        return o
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
