/// A custom access-log layout compiled once into literals and fields, then used to cut lines
/// into fields by scanning bytes. Reads nginx `log_format` strings (`$remote_addr`, `$time_local`,
/// `$request`, `$cookie_NAME`, ...) and Apache `LogFormat` strings (`%h`, `%t`, `%r`, `%{Referer}i`,
/// `%{NAME}C`, ...); variables it does not use are skipped.
package struct LogLayout: Sendable, Equatable {
    package enum Field: Sendable, Equatable {
        case remoteAddr, forwardedFor, remoteUser
        case timeLocal, timeISO8601, msec
        case request, method, uri, path, query
        case status, referrer, userAgent
        case cookie(String), cookieHeader
        case skip
    }

    package enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case field(Field)
    }

    package let pieces: [Piece]
    package let source: String

    /// Compiles `format`; throws when it has no time field or no request target.
    package init(_ format: String) throws {
        source = format
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        let b = Array(format.utf8)
        var i = 0
        func flush() { if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] } }
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }
        while i < b.count {
            let c = b[i]
            if c == 0x5C, i + 1 < b.count, b[i + 1] == 0x22 {  // \" in an Apache format string
                literal.append(0x22); i += 2; continue
            }
            if c == 0x24 {  // $name or ${name}
                var j = i + 1
                var name: [UInt8] = []
                if j < b.count, b[j] == 0x7B {
                    j += 1
                    while j < b.count, b[j] != 0x7D { name.append(b[j]); j += 1 }
                    j += 1
                } else {
                    while j < b.count, isNameByte(b[j]) { name.append(b[j]); j += 1 }
                }
                if name.isEmpty { literal.append(c); i += 1; continue }
                flush()
                pieces.append(.field(Self.nginxField(String(decoding: name, as: UTF8.self))))
                i = j
                continue
            }
            if c == 0x25, i + 1 < b.count {  // %x, %>s, %{Name}i
                var j = i + 1
                if b[j] == 0x25 { literal.append(0x25); i += 2; continue }
                while j < b.count, b[j] == 0x3C || b[j] == 0x3E || b[j] == 0x21 || b[j] == 0x2C || (b[j] >= 0x30 && b[j] <= 0x39) { j += 1 }
                var argument: String? = nil
                if j < b.count, b[j] == 0x7B {
                    var k = j + 1
                    while k < b.count, b[k] != 0x7D { k += 1 }
                    argument = String(decoding: b[(j + 1)..<min(k, b.count)], as: UTF8.self)
                    j = k + 1
                }
                guard j < b.count else { literal.append(c); i += 1; continue }
                let letter = b[j]
                flush()
                switch Self.apacheField(letter, argument) {
                case .field(let f) where f == .timeLocal && letter == UInt8(ascii: "t"):
                    // %t is `[10/Oct/2000:13:55:36 -0700]`, brackets included
                    pieces.append(.literal([0x5B])); pieces.append(.field(.timeLocal)); literal = [0x5D]
                case let piece:
                    pieces.append(piece)
                }
                i = j + 1
                continue
            }
            literal.append(c)
            i += 1
        }
        flush()
        self.pieces = pieces
        let fields = pieces.compactMap { if case .field(let f) = $0 { f } else { nil } }
        guard fields.contains(where: { $0 == .timeLocal || $0 == .timeISO8601 || $0 == .msec }) else {
            throw ExtractError(path: "log_format", reason: "'\(format)' has no time field ($time_local, $time_iso8601, $msec, %t)")
        }
        guard fields.contains(where: { $0 == .request || $0 == .uri || $0 == .path }) else {
            throw ExtractError(path: "log_format", reason: "'\(format)' has no request field ($request, $request_uri, $uri, %r, %U)")
        }
        for k in 1..<max(1, pieces.count) {
            if case .field = pieces[k], case .field = pieces[k - 1] {
                throw ExtractError(path: "log_format", reason: "'\(format)' has two fields without a separator between them")
            }
        }
    }

    static func nginxField(_ name: String) -> Field {
        switch name {
        case "remote_addr", "realip_remote_addr", "binary_remote_addr": return .remoteAddr
        case "http_x_forwarded_for", "proxy_add_x_forwarded_for": return .forwardedFor
        case "remote_user": return .remoteUser
        case "time_local": return .timeLocal
        case "time_iso8601": return .timeISO8601
        case "msec": return .msec
        case "request": return .request
        case "request_method": return .method
        case "request_uri": return .uri
        case "uri", "document_uri": return .path
        case "args", "query_string": return .query
        case "status": return .status
        case "http_referer": return .referrer
        case "http_user_agent": return .userAgent
        case "http_cookie": return .cookieHeader
        default:
            if name.hasPrefix("cookie_") { return .cookie(String(name.dropFirst(7))) }
            return .skip
        }
    }

    static func apacheField(_ letter: UInt8, _ argument: String?) -> Piece {
        switch (letter, argument?.lowercased()) {
        case (UInt8(ascii: "h"), _), (UInt8(ascii: "a"), _): return .field(.remoteAddr)
        case (UInt8(ascii: "u"), _): return .field(.remoteUser)
        case (UInt8(ascii: "t"), nil): return .field(.timeLocal)
        case (UInt8(ascii: "t"), "msec"): return .field(.msec)
        case (UInt8(ascii: "t"), "sec"): return .field(.msec)
        case (UInt8(ascii: "r"), _): return .field(.request)
        case (UInt8(ascii: "m"), _): return .field(.method)
        case (UInt8(ascii: "U"), _): return .field(.path)
        case (UInt8(ascii: "q"), _): return .field(.query)
        case (UInt8(ascii: "s"), _): return .field(.status)
        case (UInt8(ascii: "i"), "referer"), (UInt8(ascii: "i"), "referrer"): return .field(.referrer)
        case (UInt8(ascii: "i"), "user-agent"): return .field(.userAgent)
        case (UInt8(ascii: "i"), "x-forwarded-for"): return .field(.forwardedFor)
        case (UInt8(ascii: "i"), "cookie"): return .field(.cookieHeader)
        case (UInt8(ascii: "C"), let name?): return .field(.cookie(argument ?? name))
        default: return .field(.skip)
        }
    }

    /// Byte ranges of the fields of `line`, or `nil` when it does not follow the layout.
    func split(_ line: UnsafeRawBufferPointer, into out: inout [Range<Int>]) -> Bool {
        out.removeAll(keepingCapacity: true)
        let n = line.count
        var i = 0
        var k = 0
        let count = pieces.count
        while k < count {
            switch pieces[k] {
            case .literal(let lit):
                guard i + lit.count <= n else { return false }
                for (o, c) in lit.enumerated() where line[i + o] != c { return false }
                i += lit.count
            case .field(let field):
                var quoted = false
                if k > 0, case .literal(let before) = pieces[k - 1], before.last == 0x22 { quoted = true }
                let start = i
                if k + 1 < count, case .literal(let after) = pieces[k + 1] {
                    let stop = after[0]
                    if field == .timeLocal && stop != 0x5D && n - i >= 26 && line[i + 20] == 0x20 {
                        i += 26  // `$time_local` has a space of its own
                    } else if quoted {
                        while i < n {
                            let c = line[i]
                            if c == 0x5C { i += 2; continue }
                            if c == 0x22 { break }
                            i += 1
                        }
                    } else {
                        while i < n && line[i] != stop { i += 1 }
                    }
                    guard i < n || (i == n && after.isEmpty) else { return false }
                    if i > n { return false }
                } else {
                    i = n  // the last field runs to the end of the line
                }
                out.append(start..<i)
            }
            k += 1
        }
        return true
    }
}
