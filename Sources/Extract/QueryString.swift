import ByteCoding
import JourneysCore

/// Walks `key=value` pairs of a URL query over raw bytes and percent-decodes only the values asked for.
package enum QueryString {
    /// Calls `body` with each pair's key and raw value.
    package static func forEachPair(_ query: UnsafeRawBufferPointer,
                                    _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) {
        var i = 0
        let n = query.count
        while i < n {
            var j = i
            while j < n && query[j] != 0x26 && query[j] != 0x3B { j += 1 }  // & or ;
            var eq = i
            while eq < j && query[eq] != 0x3D { eq += 1 }
            if eq > i {
                let key = UnsafeRawBufferPointer(rebasing: query[i..<eq])
                let value = eq < j ? UnsafeRawBufferPointer(rebasing: query[(eq + 1)..<j]) : UnsafeRawBufferPointer(rebasing: query[j..<j])
                body(key, value)
            }
            i = j + 1
        }
    }

    /// A query value as it was meant: `%XX` and `+` decoded, invalid escapes kept as they are,
    /// invalid UTF-8 replaced.
    package static func decode(_ raw: UnsafeRawBufferPointer) -> String {
        PercentDecoding.decode(raw, plusAsSpace: true)
    }

    /// Parses a decimal amount such as `89.90` into cents.
    package static func cents(_ raw: UnsafeRawBufferPointer) -> Int64? {
        var units: Int64 = 0
        var cents: Int64 = 0
        var fraction = -1
        var any = false
        for b in raw {
            if b == 0x2E || b == 0x2C {
                guard fraction < 0 else { return nil }
                fraction = 0
            } else if b >= 0x30 && b <= 0x39 {
                any = true
                if fraction < 0 {
                    guard units < 1_000_000_000_000 else { return nil }
                    units = units * 10 + Int64(b - 0x30)
                } else if fraction < 2 {
                    cents = cents * 10 + Int64(b - 0x30)
                    fraction += 1
                }
            } else {
                return nil
            }
        }
        guard any else { return nil }
        if fraction == 1 { cents *= 10 }
        return units * 100 + cents
    }

    package static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        return memcmp(bytes.baseAddress!, text.utf8Start, bytes.count) == 0
    }
}

#if canImport(Glibc)
import Glibc
#endif
