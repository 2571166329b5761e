import JourneysCore

/// Reads the access log's `dd/Mon/yyyy:HH:mm:ss +hhmm` timestamp into Unix seconds, by hand:
/// a date formatter per line would cost more than the rest of the parse together.
package enum LogTimestamp {
    package static func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count == 26, bytes[2] == 0x2F, bytes[6] == 0x2F, bytes[11] == 0x3A, bytes[14] == 0x3A,
              bytes[17] == 0x3A, bytes[20] == 0x20 else { return nil }
        func digits(_ at: Int, _ count: Int) -> Int? {
            var v = 0
            for k in at..<(at + count) {
                let d = bytes[k]
                guard d >= 0x30 && d <= 0x39 else { return nil }
                v = v * 10 + Int(d - 0x30)
            }
            return v
        }
        guard let day = digits(0, 2), let year = digits(7, 4), let hour = digits(12, 2),
              let minute = digits(15, 2), let second = digits(18, 2),
              let month = month(bytes[3], bytes[4], bytes[5]),
              let zh = digits(22, 2), let zm = digits(24, 2) else { return nil }
        let sign = bytes[21]
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
