import JourneysCore

/// Renders log entries as Combined Log Format lines into a byte buffer:
/// `%h %l %u [%t] "%r" %>s %b "%{Referer}i" "%{User-agent}i"`.
///
/// Exists because a million lines must be written in seconds: no Foundation formatting per line,
/// timestamps built by hand from cached offsets and cached date prefixes, English month
/// abbreviations regardless of locale.
struct LogLineWriter: Sendable {
    /// English month abbreviations as Apache and nginx write them, whatever the locale.
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private var clock: ShopClock
    private var datePrefix: [Int: [UInt8]] = [:]

    init(clock: ShopClock) {
        self.clock = clock
    }

    /// The impossible timestamp of the deliberately malformed lines.
    static let impossibleTimestamp = Array("[99/Foo/2026:25:61:00 +0100]".utf8)

    /// Appends one line (with its trailing newline) to `out`.
    mutating func append(_ e: LogEntry, to out: inout [UInt8]) {
        switch e.kind {
        case .garbage:
            appendGarbage(seed: e.extra, to: &out)
        case .cut:
            let start = out.count
            appendLine(e, to: &out)
            // Cut inside the request line: keep the opening quote and a few bytes of it.
            var quote = start
            while quote < out.count && out[quote] != UInt8(ascii: "\"") { quote += 1 }
            let requestLength = out.count - quote
            let keep = 4 + Int(e.extra % UInt64(max(1, min(requestLength - 6, 24))))
            out.removeLast(out.count - min(out.count - 1, quote + keep))
            out.append(UInt8(ascii: "\n"))
        default:
            appendLine(e, to: &out)
        }
    }

    private mutating func appendLine(_ e: LogEntry, to out: inout [UInt8]) {
        out.append(contentsOf: e.host.utf8)
        out.append(contentsOf: Self.dashSpace)          // " - "
        out.append(contentsOf: e.user.utf8)
        out.append(UInt8(ascii: " "))
        if e.kind == .badTimestamp {
            out.append(contentsOf: Self.impossibleTimestamp)
        } else {
            appendTimestamp(e.time, to: &out)
        }
        out.append(contentsOf: Self.spaceQuote)         // " \""
        if e.kind == .scanner {
            out.append(UInt8(ascii: "-"))
        } else {
            switch e.method {
            case .get: out.append(contentsOf: Self.get)
            case .post: out.append(contentsOf: Self.post)
            case .head: out.append(contentsOf: Self.head)
            }
            out.append(contentsOf: e.target.utf8)
            out.append(contentsOf: e.http2 ? Self.http2 : Self.http11)
        }
        out.append(contentsOf: Self.quoteSpace)         // "\" "
        appendNumber(e.status, to: &out)
        out.append(UInt8(ascii: " "))
        if e.bytes == 0 { out.append(UInt8(ascii: "-")) } else { appendNumber(e.bytes, to: &out) }
        out.append(contentsOf: Self.spaceQuote)
        out.append(contentsOf: e.referrer.utf8)
        out.append(contentsOf: Self.quoteSpaceQuote)    // "\" \""
        out.append(contentsOf: e.agent.utf8)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: "\n"))
    }

    /// `[16/Nov/2026:10:05:03 +0100]`
    private mutating func appendTimestamp(_ t: Int64, to out: inout [UInt8]) {
        let offset = clock.offset(at: t)
        let local = t + Int64(offset)
        let day = LocalDays.day(ofLocal: local)
        let second = Int(local - Int64(day) * 86400)
        out.append(UInt8(ascii: "["))
        if let prefix = datePrefix[day] {
            out.append(contentsOf: prefix)
        } else {
            let d = CivilDate(dayNumber: day)
            var p = [UInt8]()
            append2(d.day, to: &p)
            p.append(UInt8(ascii: "/"))
            p.append(contentsOf: LogLineWriter.monthAbbreviations[d.month - 1].utf8)
            p.append(UInt8(ascii: "/"))
            appendNumber(d.year, to: &p)
            p.append(UInt8(ascii: ":"))
            datePrefix[day] = p
            out.append(contentsOf: p)
        }
        append2(second / 3600, to: &out)
        out.append(UInt8(ascii: ":"))
        append2(second / 60 % 60, to: &out)
        out.append(UInt8(ascii: ":"))
        append2(second % 60, to: &out)
        out.append(UInt8(ascii: " "))
        out.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let minutes = abs(offset) / 60
        append2(minutes / 60, to: &out)
        append2(minutes % 60, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// A TLS handshake sent to the plain-HTTP port, logged raw: never valid UTF-8, no structure.
    private func appendGarbage(seed: UInt64, to out: inout [UInt8]) {
        var rng = RandomSource(seed: seed)
        out.append(contentsOf: [0x16, 0x03, 0x01, 0x02, 0xFF])
        for _ in 0..<rng.int(20...56) {
            // High bytes and a few control characters; never newline, carriage return or NUL.
            var b = UInt8(truncatingIfNeeded: 0x80 + rng.below(0x80))
            if rng.chance(0.15) { b = UInt8(truncatingIfNeeded: rng.int(1...8)) }
            out.append(b)
        }
        out.append(0xC3)   // a lone lead byte before the newline: invalid UTF-8 again
        out.append(UInt8(ascii: "\n"))
    }

    @inline(__always)
    private func append2(_ n: Int, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: 48 + n / 10))
        out.append(UInt8(truncatingIfNeeded: 48 + n % 10))
    }

    @inline(__always)
    private func appendNumber(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")); appendNumber(-n, to: &out); return }
        if n < 10 { out.append(UInt8(truncatingIfNeeded: 48 + n)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 {
                buf[count] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buf[i]) }
        }
    }

    private static let dashSpace = Array(" - ".utf8)
    private static let spaceQuote = Array(" \"".utf8)
    private static let quoteSpace = Array("\" ".utf8)
    private static let quoteSpaceQuote = Array("\" \"".utf8)
    private static let get = Array("GET ".utf8)
    private static let post = Array("POST ".utf8)
    private static let head = Array("HEAD ".utf8)
    private static let http11 = Array(" HTTP/1.1".utf8)
    private static let http2 = Array(" HTTP/2.0".utf8)
}
