import ByteCoding
import Extract
import Foundation

/// One page request of an access log as `journeys init` learns from it: owned strings, since a
/// set-up run keeps only per-path and per-visitor summaries, never the lines.
package struct RequestLine: Sendable {
    /// Unix seconds (UTC).
    package var time: Int64
    /// The offset from UTC the log wrote its timestamp in, in minutes (`+0100` is 60).
    package var offsetMinutes: Int
    /// Who: the client address and user agent together (only ever used as a dictionary key).
    package var visitor: String
    package var method: String
    /// The path without query, never empty.
    package var path: String
    /// The query's pairs in order, keys as written, values percent-decoded.
    package var query: [(key: String, value: String)]
    package var status: Int
    /// The referrer's host (lower-cased) and path, when the line has a referrer URL.
    package var referrerHost: String?
    package var referrerPath: String?
    /// For a tracking event that carried an order: whether the order has a value (nil: no order).
    package var orderHasValue: Bool? = nil
}

/// What happened to the lines `journeys init` read: every line is one of these.
package struct RequestTally: Sendable, Equatable {
    package var read = 0
    package var pageViews = 0
    package var malformed = 0
    package var bots = 0
    package var assets = 0
    /// 4xx and 5xx responses, and methods other than GET and POST.
    package var otherResponses = 0
    /// Lines read in each format: access-log lines that parse as `combined`, `common` or
    /// `vhost_combined`; the lines of the files whose first line shows `json` or a `csv` header.
    package var formats: [String: Int] = [:]
    /// Tracking events without a page URL, by their path (`event:<name>`): they are no pages to
    /// learn a URL scheme from, but each becomes a rule of its own.
    package var eventViews: [String: Int] = [:]
    /// Paths of the events that carried an order.
    package var purchasePaths: Set<String> = []
    package init() {}
}

/// Reads the logs of a set-up run: access logs in Combined, Common and virtual-host Combined Log
/// Format, and tracking events (JSON lines, CSV exports) as `journeys extract` reads them with
/// `events`; plain or gzip, files, folders or globs. Bots, static assets, error responses and
/// methods other than GET and POST are counted and left out, as the report leaves them out.
package struct RequestReader {
    package var botAgents = ExtractOptions.defaultBotAgents
    package var assetExtensions = ExtractOptions().assetExtensions
    /// How tracking events are read (their JSON mapping or CSV columns).
    package var events = ExtractOptions()
    /// Whether events without a page URL reach `forEach`'s body too (as `event:<name>` paths),
    /// beside being counted in `eventViews`.
    package var eventsWithoutURL = false

    package init() {}

    /// Calls `body` with every page request of `files`, in file order. Tracking events with a
    /// page URL are page requests (GET, no query); those without one are counted in `eventViews`.
    package func forEach(files: [String], _ body: (RequestLine) -> Void) throws -> RequestTally {
        var tally = RequestTally()
        for file in files {
            let reader = LineReader(source: try openByteSource(path: file), maxLineBytes: 64 * 1024)
            var decoder: LineEvents? = nil
            var format: String? = nil
            loop: while true {
                switch try reader.next() {
                case .end: break loop
                case .tooLong, .truncated: tally.read += 1; tally.malformed += 1
                case .line(let line):
                    tally.read += 1
                    if line.isEmpty { tally.read -= 1; continue }
                    if format == nil {
                        let events = LineEvents(options: self.events)
                        let first = line.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF })
                        if first == UInt8(ascii: "{") {
                            format = "json"; decoder = events
                        } else if case .skipped(.header)? = try events.result(line, file: 0, path: file) {
                            format = "csv"; decoder = events
                            tally.read -= 1
                            continue
                        } else {
                            format = "access"
                        }
                    }
                    if let decoder, let format {
                        event(line, decoder, file: file, format: format, tally: &tally, body)
                        continue
                    }
                    if let request = parse(line, tally: &tally) {
                        tally.pageViews += 1
                        body(request)
                    }
                }
            }
        }
        return tally
    }

    /// One tracking event: a page request when it has a URL path, else an event view.
    private func event(_ line: UnsafeRawBufferPointer, _ decoder: LineEvents, file: String, format: String,
                       tally: inout RequestTally, _ body: (RequestLine) -> Void) {
        tally.formats[format, default: 0] += 1
        switch try? decoder.result(line, file: 0, path: file) {
        case .event(let e)?:
            let path = decoder.string(e.path)
            tally.pageViews += 1
            if e.order != nil { tally.purchasePaths.insert(path) }
            if !path.hasPrefix("/") {
                tally.eventViews[path, default: 0] += 1
                guard eventsWithoutURL else { return }
            }
            var request = RequestLine(time: e.time, offsetMinutes: 0, visitor: String(e.device.raw, radix: 16), method: "GET",
                                      path: path, query: [], status: 200)
            request.orderHasValue = e.order.map(\.hasValue)
            body(request)
        case .skipped(let why)?:
            switch why {
            case .bot: tally.bots += 1
            case .staticAsset: tally.assets += 1
            case .header: tally.read -= 1
            case .clientError, .serverError, .method, .redirect: tally.otherResponses += 1
            default: tally.malformed += 1
            }
        case nil:
            tally.malformed += 1
        }
    }

    /// One line as a page request, or nil with the reason counted.
    func parse(_ line: UnsafeRawBufferPointer, tally: inout RequestTally) -> RequestLine? {
        let plain = CombinedLogParser.parse(line)
        guard let f = plain ?? CombinedLogParser.parse(line, skippingFields: 1),
              let time = LogTimestamp.parse(UnsafeRawBufferPointer(rebasing: line[f.time])) else {
            tally.malformed += 1
            return nil
        }
        tally.formats[plain == nil ? "vhost_combined" : f.referrer == nil ? "common" : "combined", default: 0] += 1
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: line[r]), as: UTF8.self) }
        let agent = f.userAgent.map(text) ?? ""
        let lowerAgent = agent.lowercased()
        if f.userAgent != nil && (agent.isEmpty || agent == "-" || botAgents.contains(where: { lowerAgent.contains($0) })) {
            tally.bots += 1
            return nil
        }
        let method = text(f.method)
        guard method == "GET" || method == "POST", f.status < 400 else {
            tally.otherResponses += 1
            return nil
        }
        let (path, query) = Self.split(target: text(f.target))
        if let dot = path.lastIndex(of: "."), !path[dot...].contains("/"),
           assetExtensions.contains(path[path.index(after: dot)...].lowercased()) {
            tally.assets += 1
            return nil
        }
        var request = RequestLine(time: time, offsetMinutes: Self.offset(text(f.time)), visitor: text(f.host) + "\u{1F}" + agent,
                                  method: method, path: path, query: query, status: f.status)
        if let r = f.referrer, let url = URLComponents(string: text(r)), let host = url.host {
            request.referrerHost = host.lowercased()
            request.referrerPath = url.path.isEmpty ? "/" : url.path
        }
        return request
    }

    /// The path (scheme and host of an absolute target dropped, `/` when empty) and the query's pairs.
    static func split(target: String) -> (String, [(key: String, value: String)]) {
        var rest = Substring(target)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        if rest.hasPrefix("http://") || rest.hasPrefix("https://") {
            let afterScheme = rest[rest.index(rest.firstIndex(of: ":")!, offsetBy: 3)...]
            rest = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        let path = rest.isEmpty ? "/" : String(rest)
        var pairs: [(key: String, value: String)] = []
        for pair in query.split(whereSeparator: { $0 == "&" || $0 == ";" }) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first, !key.isEmpty else { continue }
            let raw = parts.count > 1 ? String(parts[1]) : ""
            let value = Array(raw.utf8).withUnsafeBytes { PercentDecoding.decode($0, plusAsSpace: true) }
            pairs.append((String(key), value))
        }
        return (path, pairs)
    }

    /// `10/Oct/2026:13:55:36 +0100` -> 60; 0 when the timestamp has no offset.
    static func offset(_ stamp: String) -> Int {
        guard let space = stamp.lastIndex(where: { $0 == " " }) else { return 0 }
        let zone = stamp[stamp.index(after: space)...]
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
              let hours = Int(zone.dropFirst().prefix(2)), let minutes = Int(zone.suffix(2)) else { return 0 }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }
}
