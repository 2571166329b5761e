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

    /// An order value (`MoneyText`) from a raw query value: percent-decoded first when it holds
    /// `%` or `+` (`1%2C234.56`, `12.50+EUR`, `%E2%82%AC12`), else read as it stands.
    package static func money(_ raw: UnsafeRawBufferPointer, currency: String? = nil) -> MoneyText.Reading {
        guard raw.contains(where: { $0 == 0x25 || $0 == 0x2B }) else { return MoneyText.read(raw, currency: currency) }
        return MoneyText.read(decode(raw), currency: currency)
    }

    package static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        return memcmp(bytes.baseAddress!, text.utf8Start, bytes.count) == 0
    }
}

#if canImport(Glibc)
import Glibc
#endif
