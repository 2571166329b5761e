/// One line of a comma-separated file split into its fields, with RFC 4180 quoting: a field in
/// double quotes may hold commas, and `""` in it stands for one quote. A quoted field that spans
/// lines is not read (an order table has none): its line is malformed.
enum CSVLine {
    /// The fields of `line` (without its line break); nil when a quote is not closed or text
    /// follows a closing quote.
    static func fields(_ line: UnsafeRawBufferPointer) -> [String]? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var fields: [String] = []
        var i = 0
        let n = line.count
        while true {
            if i < n && line[i] == quote {
                var bytes: [UInt8] = []
                var closed = false
                i += 1
                while i < n {
                    if line[i] == quote {
                        if i + 1 < n && line[i + 1] == quote { bytes.append(quote); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    bytes.append(line[i])
                    i += 1
                }
                guard closed, i == n || line[i] == comma else { return nil }
                fields.append(String(decoding: bytes, as: UTF8.self))
            } else {
                let start = i
                while i < n && line[i] != comma { i += 1 }
                fields.append(String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<i]), as: UTF8.self))
            }
            if i == n { return fields }
            i += 1  // the comma; a line ending in one has an empty last field
        }
    }
}
