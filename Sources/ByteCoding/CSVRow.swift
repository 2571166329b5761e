/// Splits one CSV row into field ranges over its bytes (RFC 4180 quoting: `"a, b"`, `""` for a
/// quote inside a quoted field). Rows spanning several lines are not supported. The one CSV
/// reader of the project: Extract reads exports with it on the hot path, History an order table.
package enum CSVRow {
    package struct Field {
        package var range: Range<Int>
        /// The field was quoted and holds `""` pairs to collapse.
        package var doubledQuotes: Bool

        package init(range: Range<Int>, doubledQuotes: Bool) {
            self.range = range
            self.doubledQuotes = doubledQuotes
        }
    }

    /// False when a quote is not closed or text follows a closing quote.
    package static func split(_ b: UnsafeRawBufferPointer, separator: UInt8, into fields: inout [Field]) -> Bool {
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
    package static func collapseQuotes(_ raw: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer) -> Int {
        var o = 0
        var i = 0
        while i < raw.count {
            out.storeBytes(of: raw[i], toByteOffset: o, as: UInt8.self)
            o += 1
            i += (raw[i] == 0x22 && i + 1 < raw.count && raw[i + 1] == 0x22) ? 2 : 1
        }
        return o
    }

    /// The fields of `row` as text (UTF-8, `""` collapsed), for readers off the hot path; nil
    /// when a quote is not closed or text follows a closing quote.
    package static func fields(_ row: UnsafeRawBufferPointer, separator: UInt8) -> [String]? {
        var ranges: [Field] = []
        guard split(row, separator: separator, into: &ranges) else { return nil }
        return ranges.map { field in
            let raw = UnsafeRawBufferPointer(rebasing: row[field.range])
            guard field.doubledQuotes else { return String(decoding: raw, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: raw.count) { out in
                collapseQuotes(raw, into: UnsafeMutableRawPointer(out.baseAddress!))
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
