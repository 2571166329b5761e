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
    package init() {}
}

/// Reads the access logs of a set-up run: Combined, Common and virtual-host Combined Log Format,
/// plain or gzip, files, folders or globs. Bots, static assets, error responses and methods
/// other than GET and POST are counted and left out, as the report leaves them out.
package struct RequestReader {
    package var botAgents = ExtractOptions.defaultBotAgents
    package var assetExtensions = ExtractOptions().assetExtensions

    package init() {}

    /// Calls `body` with every page request of `files`, in file order.
    package func forEach(files: [String], _ body: (RequestLine) -> Void) throws -> RequestTally {
        var tally = RequestTally()
        for file in files {
            let reader = LineReader(source: try openByteSource(path: file), maxLineBytes: 64 * 1024)
            loop: while true {
                switch try reader.next() {
                case .end: break loop
                case .tooLong, .truncated: tally.read += 1; tally.malformed += 1
                case .line(let line):
                    tally.read += 1
                    if line.isEmpty { tally.read -= 1; continue }
                    if let request = parse(line, tally: &tally) {
                        tally.pageViews += 1
                        body(request)
                    }
                }
            }
        }
        return tally
    }

    /// One line as a page request, or nil with the reason counted.
    func parse(_ line: UnsafeRawBufferPointer, tally: inout RequestTally) -> RequestLine? {
        guard let f = CombinedLogParser.parse(line) ?? CombinedLogParser.parse(line, skippingFields: 1),
              let time = LogTimestamp.parse(UnsafeRawBufferPointer(rebasing: line[f.time])) else {
            tally.malformed += 1
            return nil
        }
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
