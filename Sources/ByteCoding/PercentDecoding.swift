/// Decodes the `%XX` escapes of URLs, over their UTF-8 bytes.
///
/// One decoder for every reader of escapes (extract's query values, the redactor's search for
/// addresses hidden as `jane%40example.com`, the validator's check that `%2e%2e` does not climb out
/// of the output folder), so they all agree on what an escape is: `%` and two hex digits. Anything
/// else (`%`, `%4`, `%zz`, `%+1`) is kept as written, as browsers and servers do.
package enum PercentDecoding {
    /// `raw` with its escapes decoded. `plusAsSpace` is for query strings and form data, where `+`
    /// stands for a space (an escaped `%2B` stays a plus); in a path a `+` is itself. Bytes that
    /// do not make UTF-8, escaped or not, become U+FFFD.
    package static func decode(_ raw: UnsafeRawBufferPointer, plusAsSpace: Bool) -> String {
        // Most values hold no escape: no copy then.
        guard raw.contains(where: { $0 == 0x25 || (plusAsSpace && $0 == 0x2B) }) else {
            return String(decoding: raw, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b == 0x25, i + 2 < raw.count, let high = hexValue(raw[i + 1]), let low = hexValue(raw[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(plusAsSpace && b == 0x2B ? 0x20 : b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with its escapes decoded, as `decode(_:plusAsSpace:)` over its UTF-8 bytes.
    package static func decode(_ text: String, plusAsSpace: Bool) -> String {
        var text = text
        return text.withUTF8 { decode(UnsafeRawBufferPointer($0), plusAsSpace: plusAsSpace) }
    }

    /// The value of one hex digit (0-9, A-F, a-f); nil for any other byte. Shared by every reader
    /// of hex on bytes (escapes, JSON's \u, pseudonyms in a pairs file).
    package static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30          // 0-9
        case 0x41...0x46: c - 0x41 + 10     // A-F
        case 0x61...0x66: c - 0x61 + 10     // a-f
        default: nil
        }
    }
}
