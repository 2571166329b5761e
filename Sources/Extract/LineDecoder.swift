import ByteCoding
import JourneysCore

/// Reads the lines of one file in its format, chosen from the options or from the file's first
/// non-empty line, and turns each into an event or the reason it is left out.
final class LineDecoder {
    enum Kind {
        case combined
        case layout(LogLayout, [LogLayout.Field])
        case json(JSONFieldScanner)
        case csv(CSVMapping, columns: [Int?], count: Int)
    }

    let kind: Kind
    /// Scratch room for decoded strings (JSON escapes, CSV quotes): views into it live until the next line.
    private let arena: UnsafeMutableRawBufferPointer
    private var arenaUsed = 0
    private var ranges: [Range<Int>] = []
    private var csvFields: [CSVRow.Field] = []
    private var jsonValues: [JSONFieldScanner.Value?] = []
    private var jsonPriorities: [Int] = []
    private var purchasePaths: Set<Symbol> = []
    /// Event paths after the CSV mapping's renaming, by path before it.
    private var aliasedPaths: [Symbol: Symbol] = [:]
    private let sessionCookies: [[UInt8]]

    /// JSON slots, in the order of `JSONMapping.paths`.
    enum Slot: Int, CaseIterable {
        case time, type, name, customer, device, url, referrer, userAgent, ip, orderID, revenue, surveyType, surveyScore, duration
    }

    private init(kind: Kind, options: ExtractOptions) {
        self.kind = kind
        let needsArena: Bool
        switch kind {
        case .json, .csv: needsArena = true
        default: needsArena = false
        }
        arena = .allocate(byteCount: needsArena ? options.maxLineBytes + 4096 : 16, alignment: 8)
        sessionCookies = options.sessionCookies.map { Array($0.utf8) }
        if case .json(let scanner) = kind {
            jsonValues = Array(repeating: nil, count: scanner.slots)
            jsonPriorities = Array(repeating: .max, count: scanner.slots)
        }
    }

    deinit { arena.deallocate() }

    /// The decoder for a file whose first non-empty line is `first`; `isHeader` tells whether
    /// that line is a header (not data).
    static func make(first: UnsafeRawBufferPointer, options: ExtractOptions, path: String) throws -> (LineDecoder, isHeader: Bool) {
        var line = first
        if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
            line = UnsafeRawBufferPointer(rebasing: line[3...])  // UTF-8 byte order mark
        }
        switch options.format {
        case .combined:
            return (LineDecoder(kind: .combined, options: options), false)
        case .layout(let format):
            let layout = try LogLayout(format)
            let fields = layout.pieces.compactMap { if case .field(let f) = $0 { f } else { nil } }
            return (LineDecoder(kind: .layout(layout, fields), options: options), false)
        case .json:
            return (LineDecoder(kind: .json(JSONFieldScanner(paths: options.jsonMapping.paths)), options: options), false)
        case .csv:
            guard let csv = csvDecoder(header: line, options: options) else {
                let wanted = options.csvMapping.map { $0.allColumns.joined(separator: ", ") }
                    ?? "one of the built-in schemas (\(CSVMapping.builtIn.map { $0.header.joined(separator: ",") }.joined(separator: " | ")))"
                throw ExtractError(path: path, reason: csvHeaderProblem(line, options: options) ?? "CSV header does not have the columns \(wanted)")
            }
            return (csv, true)
        case .auto:
            var i = 0
            while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
            if i < line.count, line[i] == 0x7B {
                return (LineDecoder(kind: .json(JSONFieldScanner(paths: options.jsonMapping.paths)), options: options), false)
            }
            if let csv = csvDecoder(header: line, options: options) { return (csv, true) }
            if let problem = csvHeaderProblem(line, options: options) { throw ExtractError(path: path, reason: problem) }
            return (LineDecoder(kind: .combined, options: options), false)
        }
    }

    /// Why a first line that reads as a CSV header fits no mapping, or `nil` when it is not a
    /// header (an access log's first line). Without this, such a file would be read as an access
    /// log and every row would become a "malformed" line.
    private static func csvHeaderProblem(_ line: UnsafeRawBufferPointer, options: ExtractOptions) -> String? {
        let separator = options.csvMapping?.separator ?? 0x2C
        var fields: [CSVRow.Field] = []
        guard CSVRow.split(line, separator: separator, into: &fields), fields.count > 1 else { return nil }
        let names = fields.map {
            String(decoding: UnsafeRawBufferPointer(rebasing: line[$0.range]), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        // A header is names: letters, digits and a few separators; an access log line has a `[time]`.
        let isName: (String) -> Bool = { name in
            !name.isEmpty && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-. ".unicodeScalars.contains($0) }
        }
        guard names.allSatisfy(isName) else { return nil }
        let header = names.joined(separator: ",")
        if let mapping = options.csvMapping {
            let missing = mapping.allColumns.filter { !names.contains($0) }
            guard !missing.isEmpty else { return nil }
            return "the CSV header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) that the config's csv mapping names (header: \(header))"
        }
        return "the CSV header matches none of the built-in schemas and the config has no csv mapping (header: \(header))"
    }

    private static func csvDecoder(header: UnsafeRawBufferPointer, options: ExtractOptions) -> LineDecoder? {
        var candidates: [CSVMapping] = []
        if let m = options.csvMapping { candidates.append(m) }
        for (_, mapping) in CSVMapping.builtIn where !candidates.contains(mapping) { candidates.append(mapping) }
        for mapping in candidates {
            var fields: [CSVRow.Field] = []
            guard CSVRow.split(header, separator: mapping.separator, into: &fields), fields.count > 1 else { continue }
            var names: [String] = []
            for f in fields {
                var raw = [UInt8](UnsafeRawBufferPointer(rebasing: header[f.range]))
                if f.doubledQuotes { raw = Array(String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"").utf8) }
                names.append(String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespaces))
            }
            let isBuiltIn = CSVMapping.builtIn.contains { $0.mapping == mapping }
            if isBuiltIn && !CSVMapping.builtIn.contains(where: { $0.mapping == mapping && $0.header == names }) { continue }
            guard mapping.allColumns.allSatisfy(names.contains) else { continue }
            func column(_ name: String?) -> Int? { name.flatMap { names.firstIndex(of: $0) } }
            let columns: [Int?] = [column(mapping.time), column(mapping.type), column(mapping.customer), column(mapping.device),
                                   column(mapping.url), column(mapping.referrer), column(mapping.userAgent), column(mapping.ip),
                                   column(mapping.orderID), column(mapping.value), column(mapping.duration)]
            return LineDecoder(kind: .csv(mapping, columns: columns, count: names.count), options: options)
        }
        return nil
    }

    // MARK: - lines

    func decode(_ line: UnsafeRawBufferPointer, _ context: ExtractContext) -> ExtractContext.LineResult {
        switch kind {
        case .combined:
            return context.classify(accessLogLine: line)
        case .layout(let layout, let fields):
            return decodeLayout(line, layout, fields, context)
        case .json(let scanner):
            return decodeJSON(line, scanner, context)
        case .csv(let mapping, let columns, let count):
            return decodeCSV(line, mapping, columns, count, context)
        }
    }

    /// The line's time, for choosing the period; `nil` when it has none that reads.
    func timestamp(_ line: UnsafeRawBufferPointer) -> Int64? {
        switch kind {
        case .combined:
            return InputScan.accessLogTimestamp(in: line)
        case .layout(let layout, let fields):
            guard layout.split(line, into: &ranges) else { return nil }
            for (k, f) in fields.enumerated() {
                if let t = Self.time(f, UnsafeRawBufferPointer(rebasing: line[ranges[k]])) { return t }
            }
            return nil
        case .json(let scanner):
            guard scanner.scan(line, values: &jsonValues, priorities: &jsonPriorities),
                  let v = jsonValues[Slot.time.rawValue] else { return nil }
            return jsonTime(v, line)
        case .csv(let mapping, let columns, let count):
            guard CSVRow.split(line, separator: mapping.separator, into: &csvFields), csvFields.count == count,
                  let c = columns[0] else { return nil }
            return FlexibleTimestamp.parseAny(UnsafeRawBufferPointer(rebasing: line[csvFields[c].range]))
        }
    }

    private static func time(_ field: LogLayout.Field, _ v: UnsafeRawBufferPointer) -> Int64? {
        switch field {
        case .timeLocal: LogTimestamp.parse(v)
        case .timeISO8601: FlexibleTimestamp.parseISO(v)
        case .msec: FlexibleTimestamp.parseEpoch(v)
        default: nil
        }
    }

    private func decodeLayout(_ line: UnsafeRawBufferPointer, _ layout: LogLayout, _ fields: [LogLayout.Field],
                              _ context: ExtractContext) -> ExtractContext.LineResult {
        if !isASCII(line) && !isValidUTF8(line) { return .skipped(.invalidUTF8) }
        guard layout.split(line, into: &ranges) else { return .skipped(.malformed) }
        var r = LineRecord()
        var hasTime = false
        var forwarded = false
        for (k, f) in fields.enumerated() {
            let v = UnsafeRawBufferPointer(rebasing: line[ranges[k]])
            switch f {
            case .remoteAddr:
                if !forwarded { r.client = v }
            case .forwardedFor:
                // the first address is the client's; proxies append theirs
                if !LineRecord.isMissing(v) {
                    var e = 0
                    while e < v.count, v[e] != 0x2C { e += 1 }
                    var s = 0
                    while s < e, v[s] == 0x20 { s += 1 }
                    var t = e
                    while t > s, v[t - 1] == 0x20 { t -= 1 }
                    if t > s { r.client = UnsafeRawBufferPointer(rebasing: v[s..<t]); forwarded = true }
                }
            case .remoteUser:
                r.customer = v
                r.customerIsRemoteUser = true
            case .timeLocal, .timeISO8601, .msec:
                guard !hasTime else { continue }
                guard let t = Self.time(f, v) else { return .skipped(.badTimestamp) }
                r.time = t
                hasTime = true
            case .request:
                var j = 0
                while j < v.count && v[j] != 0x20 { j += 1 }
                if j < v.count {
                    r.method = UnsafeRawBufferPointer(rebasing: v[0..<j])
                    let t = j + 1
                    var e = v.count
                    while e > t && v[e - 1] != 0x20 { e -= 1 }
                    let target = e > t ? UnsafeRawBufferPointer(rebasing: v[t..<(e - 1)]) : UnsafeRawBufferPointer(rebasing: v[t...])
                    guard !target.isEmpty else { return .skipped(.malformed) }
                    r.target = target
                } else if LineRecord.isMissing(v) {
                    r.method = LineRecord.empty  // `-`: no request line (a scanner); filtered by method
                } else {
                    return .skipped(.malformed)
                }
            case .method:
                r.method = v
            case .uri:
                r.target = v
            case .path:
                if r.target.isEmpty { r.target = v }
            case .query:
                var q = v
                if q.first == 0x3F { q = UnsafeRawBufferPointer(rebasing: q[1...]) }
                if !LineRecord.isMissing(q) { r.query = q }
            case .status:
                if LineRecord.isMissing(v) { continue }
                var s = 0
                for d in v {
                    guard d &- 0x30 < 10, s < 1000 else { return .skipped(.malformed) }
                    s = s * 10 + Int(d &- 0x30)
                }
                r.status = s
            case .referrer:
                r.referrer = v
            case .userAgent:
                r.agent = v
            case .cookie:
                if !LineRecord.isMissing(v) { r.cookie = v }
            case .cookieHeader:
                if r.cookie == nil, let c = cookie(in: v) { r.cookie = c }
            case .skip:
                break
            }
        }
        guard hasTime else { return .skipped(.badTimestamp) }
        if r.target.isEmpty && r.method == nil { return .skipped(.malformed) }
        return context.classify(r)
    }

    /// The value of the first of the session cookies in a `Cookie` header (`a=1; sid=abc`).
    private func cookie(in header: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        for name in sessionCookies {
            var i = 0
            let n = header.count
            while i < n {
                while i < n, header[i] == 0x20 { i += 1 }
                var e = i
                while e < n, header[e] != 0x3B { e += 1 }
                let pair = UnsafeRawBufferPointer(rebasing: header[i..<e])
                if pair.count > name.count, pair[name.count] == 0x3D, pair.prefix(name.count).elementsEqual(name) {
                    let value = UnsafeRawBufferPointer(rebasing: pair[(name.count + 1)...])
                    if !value.isEmpty { return value }
                }
                i = e + 1
            }
        }
        return nil
    }

    // MARK: JSON

    private func jsonTime(_ v: JSONFieldScanner.Value, _ line: UnsafeRawBufferPointer) -> Int64? {
        let raw = UnsafeRawBufferPointer(rebasing: line[v.range])
        switch v.kind {
        case .number: return FlexibleTimestamp.parseEpoch(raw)
        case .string: return v.escaped ? nil : FlexibleTimestamp.parseAny(raw)
        case .literal: return nil
        }
    }

    /// A string or number value as bytes, decoding escapes into the arena; `nil` for `null`,
    /// booleans and bad escapes.
    private func jsonText(_ v: JSONFieldScanner.Value?, _ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard let v, v.kind != .literal else { return nil }
        let raw = UnsafeRawBufferPointer(rebasing: line[v.range])
        guard v.escaped else { return raw }
        let out = arena.baseAddress! + arenaUsed
        guard arenaUsed + raw.count <= arena.count, let n = JSONFieldScanner.unescape(raw, into: out) else { return nil }
        arenaUsed += n
        return UnsafeRawBufferPointer(start: out, count: n)
    }

    private func decodeJSON(_ line: UnsafeRawBufferPointer, _ scanner: JSONFieldScanner,
                            _ context: ExtractContext) -> ExtractContext.LineResult {
        if !isASCII(line) && !isValidUTF8(line) { return .skipped(.invalidUTF8) }
        guard scanner.scan(line, values: &jsonValues, priorities: &jsonPriorities) else { return .skipped(.malformed) }
        arenaUsed = 0
        guard let tv = jsonValues[Slot.time.rawValue] else { return .skipped(.missingField) }
        guard let time = jsonTime(tv, line) else { return .skipped(.badTimestamp) }
        var r = LineRecord()
        r.time = time
        func text(_ s: Slot) -> UnsafeRawBufferPointer? { jsonText(jsonValues[s.rawValue], line) }
        if let url = text(.url), !url.isEmpty { r.target = url }
        if let name = text(.name) ?? text(.type), !name.isEmpty {
            r.eventPath = context.eventPath(name)
            if purchasePaths.isEmpty {
                purchasePaths = Set(context.options.jsonMapping.purchaseEvents.map { context.intern("event:" + $0) })
            }
        }
        r.customer = text(.customer)
        r.cookie = text(.device)
        r.referrer = text(.referrer)
        r.agent = text(.userAgent)
        if let ip = text(.ip) { r.client = ip }
        r.surveyType = text(.surveyType)
        r.surveyScore = text(.surveyScore)
        r.handlingSeconds = text(.duration)
        if purchasePaths.contains(r.eventPath) {
            r.orderID = text(.orderID)
            r.orderValue = text(.revenue)
            makeOrder(&r, context)
        }
        return context.classify(r)
    }

    // MARK: CSV

    private func csvText(_ column: Int?, _ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard let column else { return nil }
        let f = csvFields[column]
        let raw = UnsafeRawBufferPointer(rebasing: line[f.range])
        guard f.doubledQuotes else { return raw.isEmpty ? nil : raw }
        let out = arena.baseAddress! + arenaUsed
        guard arenaUsed + raw.count <= arena.count else { return nil }
        let n = CSVRow.collapseQuotes(raw, into: out)
        arenaUsed += n
        return UnsafeRawBufferPointer(start: out, count: n)
    }

    private func decodeCSV(_ line: UnsafeRawBufferPointer, _ mapping: CSVMapping, _ columns: [Int?], _ count: Int,
                           _ context: ExtractContext) -> ExtractContext.LineResult {
        if !isASCII(line) && !isValidUTF8(line) { return .skipped(.invalidUTF8) }
        guard CSVRow.split(line, separator: mapping.separator, into: &csvFields) else { return .skipped(.malformed) }
        guard csvFields.count == count else { return .skipped(.csvFieldCount) }
        arenaUsed = 0
        guard let rawTime = csvText(columns[0], line) else { return .skipped(.missingField) }
        guard let time = FlexibleTimestamp.parseAny(rawTime) else { return .skipped(.badTimestamp) }
        guard let type = csvText(columns[1], line) else { return .skipped(.missingField) }
        var r = LineRecord()
        r.time = time
        let named = context.eventPath(type)
        if let renamed = aliasedPaths[named] {
            r.eventPath = renamed
        } else {
            let name = String(context.symbols[named].dropFirst(6))
            r.eventPath = mapping.typeAliases[name].map { context.intern("event:" + $0) } ?? named
            aliasedPaths[named] = r.eventPath
        }
        if purchasePaths.isEmpty {
            purchasePaths = Set(mapping.purchaseTypes.map { context.intern("event:" + $0) })
        }
        r.customer = csvText(columns[2], line)
        r.cookie = csvText(columns[3], line)
        if let url = csvText(columns[4], line) { r.target = url }
        r.referrer = csvText(columns[5], line)
        r.agent = csvText(columns[6], line)
        if let ip = csvText(columns[7], line) { r.client = ip }
        r.handlingSeconds = csvText(columns[10], line)
        if purchasePaths.contains(r.eventPath) {
            r.orderValue = csvText(columns[9], line)
            r.orderID = csvText(columns[8], line)
            // an export has a row per line item: rows of one order add up
            r.orderIsLineItems = true
            makeOrder(&r, context)
        }
        return context.classify(r)
    }

    // MARK: purchases

    /// Makes a purchase event an order, in every format alike. Without an order id the order is
    /// the person's purchase at this second: its id is a keyed hash of the session, device or
    /// customer id (else client address and user agent) and the time, so that the rows of one
    /// purchase add up and a purchase is never lost for want of an id. Without a value the order
    /// is worth 0. A row with no identity at all is rejected later as `missing_field`.
    private func makeOrder(_ r: inout LineRecord, _ context: ExtractContext) {
        if let id = r.orderID, !LineRecord.isMissing(id) {
            if r.orderValue == nil { r.orderValue = LineRecord.empty }
            return
        }
        var seed = [UInt8]((r.cookie ?? r.customer).map { Array($0) } ?? [])
        if seed.isEmpty { seed = Array(r.client) + [0x1F] + (r.agent.map { Array($0) } ?? []) }
        withUnsafeBytes(of: r.time.littleEndian) { seed.append(contentsOf: $0) }
        let bytes = Array(Pseudonym(raw: context.options.pseudonymKey.hash(seed)).description.utf8)
        guard arenaUsed + bytes.count <= arena.count else { return }
        let out = arena.baseAddress! + arenaUsed
        out.copyMemory(from: bytes, byteCount: bytes.count)
        arenaUsed += bytes.count
        r.orderID = UnsafeRawBufferPointer(start: out, count: bytes.count)
        r.orderIsLineItems = true
        if r.orderValue == nil { r.orderValue = LineRecord.empty }
    }
}

extension JSONMapping {
    /// The paths of every slot, in `LineDecoder.Slot` order.
    var paths: [[String]] {
        [time, type, name, customer, device, url, referrer, userAgent, ip, orderID, revenue, surveyType, surveyScore, duration]
    }
}

import Foundation
