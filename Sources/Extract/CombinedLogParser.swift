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
/// `\"`-escaped quotes inside quoted fields, extra fields after the user agent ignored).
package enum CombinedLogParser {
    package static func parse(_ line: UnsafeRawBufferPointer) -> AccessLogFields? {
        let n = line.count
        var i = 0

        func token() -> Range<Int>? {
            let s = i
            while i < n && line[i] != 0x20 { i += 1 }
            guard i > s, i < n else { return nil }
            let r = s..<i
            i += 1
            return r
        }
        func quoted() -> Range<Int>? {
            guard i < n, line[i] == 0x22 else { return nil }
            i += 1
            let s = i
            while i < n {
                let b = line[i]
                if b == 0x5C { i += 2; continue }  // backslash escape
                if b == 0x22 { break }
                i += 1
            }
            guard i < n else { return nil }
            let r = s..<i
            i += 1
            return r
        }

        guard let host = token(), let _ = token(), let user = token() else { return nil }
        guard i < n, line[i] == 0x5B else { return nil }
        let timeStart = i + 1
        while i < n && line[i] != 0x5D { i += 1 }
        guard i < n else { return nil }
        let time = timeStart..<i
        i += 1
        guard i < n, line[i] == 0x20 else { return nil }
        i += 1
        guard let request = quoted() else { return nil }
        guard i < n, line[i] == 0x20 else { return nil }
        i += 1

        // status: three digits
        guard i + 3 <= n else { return nil }
        var status = 0
        for k in 0..<3 {
            let d = line[i + k]
            guard d >= 0x30 && d <= 0x39 else { return nil }
            status = status * 10 + Int(d - 0x30)
        }
        i += 3
        guard i == n || line[i] == 0x20 else { return nil }
        i += 1
        // bytes: digits or '-'
        let bytesStart = i
        while i < n && line[i] != 0x20 {
            let b = line[i]
            guard (b >= 0x30 && b <= 0x39) || b == 0x2D else { return nil }
            i += 1
        }
        guard i > bytesStart else { return nil }

        var referrer: Range<Int>? = nil
        var userAgent: Range<Int>? = nil
        if i < n {
            i += 1
            guard let r = quoted() else { return nil }
            referrer = r
            guard i < n, line[i] == 0x20 else { return nil }
            i += 1
            guard let ua = quoted() else { return nil }
            userAgent = ua
        }

        // request line: METHOD SP target SP protocol
        var method = request.lowerBound..<request.lowerBound
        var target = request.lowerBound..<request.lowerBound
        var j = request.lowerBound
        while j < request.upperBound && line[j] != 0x20 { j += 1 }
        if j < request.upperBound {
            method = request.lowerBound..<j
            let t = j + 1
            var k = request.upperBound
            while k > t && line[k - 1] != 0x20 { k -= 1 }
            target = k > t ? t..<(k - 1) : t..<request.upperBound
            guard !target.isEmpty else { return nil }
        } else if !(request.count == 1 && line[request.lowerBound] == 0x2D) {
            return nil
        }
        return AccessLogFields(host: host, user: user, time: time, request: request, method: method,
                               target: target, status: status, referrer: referrer, userAgent: userAgent)
    }
}
