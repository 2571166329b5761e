import ByteCoding
import JourneysCore

/// Where a line holds a customer id, so that a data-quality sample shows `[customer]` there: the
/// samples mask IP and e-mail addresses by their shape, but a customer id (`c-99999`) has none,
/// so it is found by its place in the line's format. A sampled line is often one that did not
/// parse, so each format is searched as far as the line allows:
/// - access logs (Combined, Common, a `log_format`): the user field, the fields between the
///   client and the `[time]` (or the layout's `$remote_user` when the line splits);
/// - JSON events: the string or number after each key named by `json.customer` (its last part);
/// - CSV exports: the customer column, when the row has that many fields;
/// - every format: the value of `identity.customer_id: query:<parameter>` in a URL.
extension LineDecoder {
    static func customerFields(in line: UnsafeRawBufferPointer, decoder: LineDecoder?,
                               options: ExtractOptions) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        switch decoder?.kind {
        case .combined, nil:
            userFields(line, into: &fields)
        case .layout(let layout, let pieces):
            if let k = pieces.firstIndex(of: .remoteUser) {
                var ranges: [Range<Int>] = []
                if layout.split(line, into: &ranges), k < ranges.count {
                    let r = ranges[k]
                    if !LineRecord.isMissing(UnsafeRawBufferPointer(rebasing: line[r])) { fields.append(r) }
                } else {
                    userFields(line, into: &fields)
                }
            }
        case .json:
            for path in options.jsonMapping.customer {
                guard let key = path.split(separator: ".").last else { continue }
                jsonValues(line, key: Array(key.utf8), into: &fields)
            }
        case .csv(let mapping, let columns, _):
            if let c = columns[2] {
                var split: [CSVRow.Field] = []
                if CSVRow.split(line, separator: mapping.separator, into: &split), c < split.count, !split[c].range.isEmpty {
                    fields.append(split[c].range)
                }
            }
        }
        if let name = options.customerQueryParameter { queryValues(line, name: Array(name.utf8), into: &fields) }
        return fields
    }

    /// The fields between the first one (the client) and ` [` (the time) that are not `-`: the
    /// ident and user fields of Common and Combined Log Format, after a virtual host if any.
    private static func userFields(_ line: UnsafeRawBufferPointer, into fields: inout [Range<Int>]) {
        var end = 0
        while end + 1 < line.count, !(line[end] == 0x20 && line[end + 1] == 0x5B) { end += 1 }
        guard end + 1 < line.count else { return }
        var i = 0
        while i < end, line[i] != 0x20 { i += 1 }  // the client
        while i < end {
            while i < end, line[i] == 0x20 { i += 1 }
            let start = i
            while i < end, line[i] != 0x20 { i += 1 }
            if i > start, !(i - start == 1 && line[start] == 0x2D) { fields.append(start..<i) }
        }
    }

    /// The value after each `"key"` followed by `:`: a string's content or a bare token.
    private static func jsonValues(_ line: UnsafeRawBufferPointer, key: [UInt8], into fields: inout [Range<Int>]) {
        guard !key.isEmpty else { return }
        let n = line.count
        var i = 0
        while i + key.count + 2 <= n {
            defer { i += 1 }
            guard line[i] == 0x22, line[i + key.count + 1] == 0x22,
                  UnsafeRawBufferPointer(rebasing: line[(i + 1)..<(i + 1 + key.count)]).elementsEqual(key) else { continue }
            var j = i + key.count + 2
            while j < n, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
            guard j < n, line[j] == 0x3A else { continue }
            j += 1
            while j < n, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
            guard j < n else { return }
            if line[j] == 0x22 {
                var e = j + 1
                while e < n, line[e] != 0x22 { e += line[e] == 0x5C ? 2 : 1 }
                let end = min(e, n)
                if end > j + 1 { fields.append((j + 1)..<end) }
            } else {
                var e = j
                while e < n, line[e] != 0x2C, line[e] != 0x7D, line[e] != 0x20 { e += 1 }
                let token = UnsafeRawBufferPointer(rebasing: line[j..<e])
                if e > j, !token.elementsEqual("null".utf8) { fields.append(j..<e) }
            }
        }
    }

    /// The value of each `name=` that follows `?`, `&` or `;`, up to the next `&`, `;`, `#`,
    /// space or quote.
    private static func queryValues(_ line: UnsafeRawBufferPointer, name: [UInt8], into fields: inout [Range<Int>]) {
        guard !name.isEmpty else { return }
        let n = line.count
        var i = 1
        while i + name.count < n {
            defer { i += 1 }
            let before = line[i - 1]
            guard before == 0x3F || before == 0x26 || before == 0x3B, line[i + name.count] == 0x3D,
                  UnsafeRawBufferPointer(rebasing: line[i..<(i + name.count)]).elementsEqual(name) else { continue }
            let start = i + name.count + 1
            var e = start
            while e < n, line[e] != 0x26, line[e] != 0x3B, line[e] != 0x23, line[e] != 0x20, line[e] != 0x22 { e += 1 }
            if e > start { fields.append(start..<e) }
        }
    }
}
