#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte ranges of the fields of one access-log line in Combined or Common Log Format
/// (`%h %l %u [%t] "%r" %>s %b "%{Referer}i" "%{User-agent}i"`); nothing is decoded here.
package struct AccessLogFields: Equatable, Sendable {
    package var host: Range<Int>
    package var user: Range<Int>
    package var time: Range<Int>
    /// The whole request line (`GET /p/x HTTP/1.1`, or `-`).
    package var request: Range<Int>
    package var method: Range<Int>
    /// Path and query as requested; empty when the request is `-`.
    package var target: Range<Int>
    package var status: Int
    /// `nil` in Common Log Format lines.
    package var referrer: Range<Int>?
    package var userAgent: Range<Int>?
}

/// Splits Combined and Common Log Format lines (Apache and nginx defaults, IPv4 and IPv6 clients,
/// optionally after a virtual host, `\"`-escaped quotes inside quoted fields, extra fields after
/// the user agent ignored). Scans with `memchr` over the raw bytes: this runs once per line.
package enum CombinedLogParser {
    /// `skippingFields`: leading space-separated fields to pass over first (1 for the virtual
    /// host of `%v:%p %h ...` and `%v %h ...`); the ranges stay relative to `line`.
    package static func parse(_ line: UnsafeRawBufferPointer, skippingFields: Int = 0) -> AccessLogFields? {
        guard let base = line.baseAddress else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let n = line.count
        var i = 0

        /// Index of the next `byte` at or after `from`, or `n`.
        @inline(__always) func find(_ byte: UInt8, _ from: Int) -> Int {
            guard from < n, let hit = memchr(p + from, Int32(byte), n - from) else { return n }
            return UnsafeRawPointer(hit) - base
        }
        @inline(__always) func token() -> Range<Int>? {
            let s = i
            let e = find(0x20, s)
            guard e > s, e < n else { return nil }
            i = e + 1
            return s..<e
        }
        /// At `"`: the range inside the quotes; a quote after an odd run of backslashes is escaped.
        @inline(__always) func quoted() -> Range<Int>? {
            guard i < n, p[i] == 0x22 else { return nil }
            let s = i + 1
            var q = find(0x22, s)
            while q < n {
                var k = q - 1
                var backslashes = 0
                while k >= s && p[k] == 0x5C { backslashes += 1; k -= 1 }
                if backslashes & 1 == 0 { break }
                q = find(0x22, q + 1)
            }
            guard q < n else { return nil }
            i = q + 1
            return s..<q
        }

        for _ in 0..<skippingFields {
            guard token() != nil else { return nil }
        }
        guard let host = token(), token() != nil, let user = token() else { return nil }
        guard i < n, p[i] == 0x5B else { return nil }
        let timeStart = i + 1
        // `dd/Mon/yyyy:HH:mm:ss +zzzz` is 26 bytes; other lengths are searched for
        let close = (timeStart + 26 < n && p[timeStart + 26] == 0x5D) ? timeStart + 26 : find(0x5D, timeStart)
        guard close < n else { return nil }
        let time = timeStart..<close
        i = close + 1
        guard i < n, p[i] == 0x20 else { return nil }
        i += 1
        guard let request = quoted() else { return nil }
        guard i < n, p[i] == 0x20 else { return nil }
        i += 1

        // status: three digits
        guard i + 3 <= n else { return nil }
        let d0 = p[i] &- 0x30, d1 = p[i + 1] &- 0x30, d2 = p[i + 2] &- 0x30
        guard d0 < 10, d1 < 10, d2 < 10 else { return nil }
        let status = Int(d0) * 100 + Int(d1) * 10 + Int(d2)
        i += 3
        guard i == n || p[i] == 0x20 else { return nil }
        i += 1
        // bytes: digits or '-'
        let bytesStart = i
        while i < n && p[i] != 0x20 {
            let b = p[i]
            guard b &- 0x30 < 10 || b == 0x2D else { return nil }
            i += 1
        }
        guard i > bytesStart else { return nil }

        var referrer: Range<Int>? = nil
        var userAgent: Range<Int>? = nil
        if i < n {
            i += 1
            guard let r = quoted() else { return nil }
            referrer = r
            guard i < n, p[i] == 0x20 else { return nil }
            i += 1
            guard let ua = quoted() else { return nil }
            userAgent = ua
        }

        // request line: METHOD SP target SP protocol
        var method = request.lowerBound..<request.lowerBound
        var target = request.lowerBound..<request.lowerBound
        let j = min(find(0x20, request.lowerBound), request.upperBound)
        if j < request.upperBound {
            method = request.lowerBound..<j
            let t = j + 1
            var k = request.upperBound
            while k > t && p[k - 1] != 0x20 { k -= 1 }
            target = k > t ? t..<(k - 1) : t..<request.upperBound
            guard !target.isEmpty else { return nil }
        } else if !(request.count == 1 && p[request.lowerBound] == 0x2D) {
            return nil
        }
        return AccessLogFields(host: host, user: user, time: time, request: request, method: method,
                               target: target, status: status, referrer: referrer, userAgent: userAgent)
    }
}
