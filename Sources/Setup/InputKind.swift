import ByteCoding
import Extract
import Foundation

/// How the lines of the inputs are written, as `journeys init` found them: the config it writes
/// names the format (and for tracking events the fields or columns) instead of leaving it to be
/// guessed again on every run.
package struct InputKind: Sendable, Equatable {
    /// Lines read in each format: `combined`, `common`, `vhost_combined` (access logs), `json`, `csv`.
    package var lines: [String: Int] = [:]
    /// Files whose first line shows JSON lines / a CSV header.
    package var jsonFiles = 0
    package var csvFiles = 0
    /// JSON fields found, by the config's `json:` key: the dotted path present in most of the
    /// sampled events, and in how many of them.
    package var jsonFields: [(key: String, path: String, events: Int)] = []
    package var jsonSampled = 0
    /// The CSV columns: a built-in schema's (named) or recognised from the header's names.
    package var csvMapping: CSVMapping? = nil
    package var csvSchema: String? = nil

    package init() {}

    package static func == (a: InputKind, b: InputKind) -> Bool {
        a.lines == b.lines && a.jsonFiles == b.jsonFiles && a.csvFiles == b.csvFiles && a.csvMapping == b.csvMapping
            && a.csvSchema == b.csvSchema && a.jsonSampled == b.jsonSampled
            && a.jsonFields.map { "\($0.key)=\($0.path)=\($0.events)" } == b.jsonFields.map { "\($0.key)=\($0.path)=\($0.events)" }
    }

    /// Whether the inputs are tracking events (JSON lines or a CSV export) rather than access logs.
    package var isEvents: Bool { jsonFiles + csvFiles > 0 }

    /// The config's `log_format` value: the one format that read the lines, or `auto` when the
    /// files hold several (each file then chooses from its first line).
    package var logFormat: String {
        let access = (lines["combined"] ?? 0) + (lines["common"] ?? 0) + (lines["vhost_combined"] ?? 0)
        let kinds = [access > 0, jsonFiles > 0, csvFiles > 0].filter { $0 }.count
        if kinds > 1 { return "auto" }
        if jsonFiles > 0 { return "json" }
        if csvFiles > 0 { return "csv" }
        return "combined"
    }

    // MARK: Recognising the inputs

    /// Number of events (or CSV rows) per file looked at for the JSON fields (or purchase types).
    static let jsonSample = 2000

    /// Looks at the first lines of `files`: JSON lines have their fields found, a CSV header is a
    /// built-in schema or has its columns recognised by name (`csvMapping`).
    package static func recognise(files: [String]) throws -> InputKind {
        var kind = InputKind()
        var counts: [String: [String: Int]] = [:]  // json key -> path -> events
        var purchaseTypes: Set<String> = []
        for file in files {
            let reader = LineReader(source: try openByteSource(path: file), maxLineBytes: 64 * 1024)
            var first: [UInt8]? = nil
            var isJSON = false
            var header: [UInt8]? = nil
            var rows = 0
            loop: while true {
                switch try reader.next() {
                case .end: break loop
                case .tooLong, .truncated: continue
                case .line(let line):
                    if line.isEmpty { continue }
                    if first == nil {
                        var bytes = Array(line)
                        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                        first = bytes
                        isJSON = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{")
                        if !isJSON {
                            guard let csv = csvColumns(header: String(decoding: bytes, as: UTF8.self)) else { break loop }
                            kind.csvFiles += 1
                            if kind.csvMapping == nil { kind.csvMapping = csv.mapping; kind.csvSchema = csv.schema }
                            guard csv.schema == nil, let m = kind.csvMapping, m.orderID != nil else { break loop }
                            header = bytes
                            continue
                        }
                        kind.jsonFiles += 1
                    }
                    if let header, let m = kind.csvMapping {
                        // A recognised CSV export: the event types of the rows with an order id are purchases.
                        let names = String(decoding: header, as: UTF8.self).components(separatedBy: String(UnicodeScalar(m.separator)))
                            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
                        let fields = String(decoding: line, as: UTF8.self).components(separatedBy: String(UnicodeScalar(m.separator)))
                        if let t = names.firstIndex(of: m.type), let o = names.firstIndex(of: m.orderID ?? ""), fields.count == names.count,
                           !fields[o].isEmpty, !fields[t].isEmpty {
                            purchaseTypes.insert(fields[t])
                        }
                        rows += 1
                        if rows == jsonSample { break loop }
                        continue
                    }
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
                    kind.jsonSampled += 1
                    rows += 1
                    for (key, candidates) in jsonCandidates {
                        for path in candidates where value(object, path) != nil { counts[key, default: [:]][path, default: 0] += 1 }
                    }
                    if rows == jsonSample { break loop }
                }
            }
        }
        if !purchaseTypes.isEmpty, kind.csvSchema == nil { kind.csvMapping?.purchaseTypes = purchaseTypes }
        for (key, _) in jsonCandidates {
            guard let found = counts[key], let best = found.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
            kind.jsonFields.append((key, best.key, best.value))
        }
        return kind
    }

    /// The mapping that reads the JSON events as found: each field's path first, the defaults
    /// after it (an event lacking the usual field may still carry another).
    package var jsonMapping: JSONMapping {
        var m = JSONMapping.default
        func first(_ key: String, _ list: inout [String]) {
            guard let path = jsonFields.first(where: { $0.key == key })?.path else { return }
            list = [path] + list.filter { $0 != path }
        }
        first("time", &m.time); first("type", &m.type); first("name", &m.name); first("customer", &m.customer)
        first("device", &m.device); first("url", &m.url); first("referrer", &m.referrer); first("user_agent", &m.userAgent)
        first("ip", &m.ip); first("order_id", &m.orderID); first("revenue", &m.revenue)
        return m
    }

    /// The config's `json:` keys and the default paths each tries.
    static let jsonCandidates: [(String, [String])] = {
        let d = JSONMapping.default
        return [("time", d.time), ("type", d.type), ("name", d.name), ("customer", d.customer), ("device", d.device),
                ("url", d.url), ("referrer", d.referrer), ("user_agent", d.userAgent), ("ip", d.ip),
                ("order_id", d.orderID), ("revenue", d.revenue)]
    }()

    /// The value at a dotted path (`context.page.url`), nil when absent, null or empty.
    static func value(_ object: [String: Any], _ path: String) -> Any? {
        var current: Any = object
        for part in path.split(separator: ".") {
            guard let dict = current as? [String: Any], let next = dict[String(part)] else { return nil }
            current = next
        }
        if current is NSNull { return nil }
        if let s = current as? String, s.isEmpty { return nil }
        return current
    }

    /// Header names (lower-cased) that say what a CSV column holds, most telling first.
    nonisolated(unsafe) static let csvNames: [(key: WritableKeyPath<CSVMapping, String?>, names: [String])] = [
        (\.customer, ["customer_id", "user_id", "userid", "customerid", "customer", "user"]),
        (\.device, ["session_id", "user_session", "sessionid", "visitor_id", "visitorid", "anonymous_id", "device_id",
                    "client_id", "cookie", "session", "visitor"]),
        (\.url, ["url", "page_url", "pageurl", "page", "path", "page_path", "request"]),
        (\.referrer, ["referrer", "referer", "page_referrer"]),
        (\.userAgent, ["user_agent", "useragent", "agent"]),
        (\.ip, ["ip", "client_ip", "ip_address", "remote_addr"]),
        (\.orderID, ["order_id", "orderid", "transaction_id", "transactionid", "order"]),
        (\.value, ["revenue", "order_value", "value", "amount", "total", "price"]),
    ]
    static let csvTimeNames = ["event_time", "timestamp", "time", "created_at", "datetime", "date", "ts"]
    static let csvTypeNames = ["event_type", "event", "type", "action", "event_name", "name"]

    /// The CSV mapping of a header line: a built-in schema's, or columns recognised by their
    /// names when the header has a time and an event-type column; nil for anything else.
    static func csvColumns(header: String) -> (mapping: CSVMapping, schema: String?)? {
        let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let separator = [",", ";", "\t"].max(by: { trimmed.components(separatedBy: $0).count < trimmed.components(separatedBy: $1).count }),
              trimmed.components(separatedBy: separator).count >= 2 else { return nil }
        let columns = trimmed.components(separatedBy: separator).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
        if separator == ",", let builtIn = CSVMapping.builtIn.first(where: { $0.header == columns }) {
            return (builtIn.mapping, builtIn.mapping == CSVMapping.retailRocket ? "RetailRocket events" : "e-commerce behaviour events")
        }
        let lower = columns.map { $0.lowercased() }
        func column(_ names: [String], except used: Set<String>) -> String? {
            for name in names { if let i = lower.firstIndex(of: name), !used.contains(columns[i]) { return columns[i] } }
            return nil
        }
        guard let time = column(csvTimeNames, except: []), let type = column(csvTypeNames, except: [time]) else { return nil }
        var m = CSVMapping(time: time, type: type)
        var used: Set<String> = [time, type]
        for (key, names) in csvNames {
            if let c = column(names, except: used) { m[keyPath: key] = c; used.insert(c) }
        }
        m.separator = separator.utf8.first!
        m.typeAliases = [:]
        return (m, nil)
    }
}
