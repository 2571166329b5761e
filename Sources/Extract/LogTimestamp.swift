import JourneysCore

/// Reads the access log's `dd/Mon/yyyy:HH:mm:ss +hhmm` timestamp into Unix seconds, by hand:
/// a date formatter per line would cost more than the rest of the parse together.
package enum LogTimestamp {
    package static func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        // Read twice per line (the plan's scan, then the parse): plain loads, no optionals.
        guard bytes.count == 26, let base = bytes.baseAddress else { return nil }
        let b = base.assumingMemoryBound(to: UInt8.self)
        guard b[2] == 0x2F, b[6] == 0x2F, b[11] == 0x3A, b[14] == 0x3A, b[17] == 0x3A, b[20] == 0x20 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int { Int(b[i] &- 0x30) }  // 10 or more: not a digit
        @inline(__always) func two(_ i: Int) -> Int { digit(i) * 10 + digit(i + 1) }
        guard digit(0) < 10, digit(1) < 10, digit(7) < 10, digit(8) < 10, digit(9) < 10, digit(10) < 10,
              digit(12) < 10, digit(13) < 10, digit(15) < 10, digit(16) < 10, digit(18) < 10, digit(19) < 10,
              digit(22) < 10, digit(23) < 10, digit(24) < 10, digit(25) < 10,
              let month = month(b[3], b[4], b[5]) else { return nil }
        let day = two(0), year = two(7) * 100 + two(9), hour = two(12), minute = two(15), second = two(18)
        let zh = two(22), zm = two(24)
        let sign = b[21]
        guard sign == 0x2B || sign == 0x2D, day >= 1, day <= CivilDate.daysIn(year: year, month: month),
              hour < 24, minute < 60, second < 61, zh < 24, zm < 60 else { return nil }
        let offset = Int64(zh * 3600 + zm * 60) * (sign == 0x2D ? -1 : 1)
        let days = Int64(CivilDate(year: year, month: month, day: day).dayNumber)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
    }

    private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        switch (a | 0x20, b | 0x20, c | 0x20) {
        case (0x6A, 0x61, 0x6E): 1   // jan
        case (0x66, 0x65, 0x62): 2   // feb
        case (0x6D, 0x61, 0x72): 3   // mar
        case (0x61, 0x70, 0x72): 4   // apr
        case (0x6D, 0x61, 0x79): 5   // may
        case (0x6A, 0x75, 0x6E): 6   // jun
        case (0x6A, 0x75, 0x6C): 7   // jul
        case (0x61, 0x75, 0x67): 8   // aug
        case (0x73, 0x65, 0x70): 9   // sep
        case (0x6F, 0x63, 0x74): 10  // oct
        case (0x6E, 0x6F, 0x76): 11  // nov
        case (0x64, 0x65, 0x63): 12  // dec
        default: nil
        }
    }
}

/// Readers of the other timestamp shapes the sources use: ISO 8601 (`$time_iso8601`, JSON events,
/// CSV exports' `2019-10-01 00:00:00 UTC`) and Unix epochs in seconds or milliseconds (`$msec`).
package enum FlexibleTimestamp {
    /// `2026-11-16T10:05:03+01:00`, `2026-11-16T09:05:03.250Z`, `2026-11-16 09:05:03 UTC`,
    /// `2026-11-16 09:05:03` (UTC), `+0100` offsets; fractions of a second are dropped.
    package static func parseISO(_ b: UnsafeRawBufferPointer) -> Int64? {
        let n = b.count
        guard n >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20 || b[10] == 0x74,
              b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func digits(_ at: Int, _ count: Int) -> Int? {
            var v = 0
            for k in at..<(at + count) {
                let d = b[k] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year: year, month: month),
              hour < 24, minute < 60, second < 61 else { return nil }
        var i = 19
        if i < n, b[i] == 0x2E || b[i] == 0x2C {
            i += 1
            let s = i
            while i < n, b[i] &- 0x30 < 10 { i += 1 }
            guard i > s else { return nil }
        }
        var offset = 0
        if i < n, b[i] == 0x20 { i += 1 }  // `... 00:00:00 UTC`
        if i == n {
            // no zone: UTC
        } else if n - i == 1, b[i] | 0x20 == 0x7A {  // Z
            i = n
        } else if n - i == 3, b[i] | 0x20 == 0x75, b[i + 1] | 0x20 == 0x74, b[i + 2] | 0x20 == 0x63 {  // UTC
            i = n
        } else if b[i] == 0x2B || b[i] == 0x2D {
            let sign = b[i] == 0x2D ? -1 : 1
            i += 1
            guard let zh = n - i >= 2 ? digits(i, 2) : nil, zh < 24 else { return nil }
            i += 2
            if i < n, b[i] == 0x3A { i += 1 }
            var zm = 0
            if i < n {
                guard n - i == 2, let m = digits(i, 2), m < 60 else { return nil }
                zm = m
                i = n
            }
            offset = sign * (zh * 3600 + zm * 60)
        } else {
            return nil
        }
        let days = Int64(CivilDate(year: year, month: month, day: day).dayNumber)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
    }

    /// Unix time in seconds, or in milliseconds when the number is that large (13 digits);
    /// a fraction (`1763283903.250`) is dropped.
    package static func parseEpoch(_ b: UnsafeRawBufferPointer) -> Int64? {
        var v: Int64 = 0
        var i = 0
        let n = b.count
        while i < n, b[i] &- 0x30 < 10 {
            guard v < 100_000_000_000_000 else { return nil }
            v = v * 10 + Int64(b[i] &- 0x30)
            i += 1
        }
        guard i > 0 else { return nil }
        if i < n {
            guard b[i] == 0x2E else { return nil }
            i += 1
            while i < n, b[i] &- 0x30 < 10 { i += 1 }
            guard i == n else { return nil }
        }
        // 1e11 s is the year 5138: anything larger is milliseconds.
        return v >= 100_000_000_000 ? v / 1000 : v
    }

    /// Either shape, told apart by the `-` after the year.
    package static func parseAny(_ b: UnsafeRawBufferPointer) -> Int64? {
        if b.count >= 19, b[4] == 0x2D { return parseISO(b) }
        if b.count == 26, b[2] == 0x2F { return LogTimestamp.parse(b) }
        return parseEpoch(b)
    }
}
