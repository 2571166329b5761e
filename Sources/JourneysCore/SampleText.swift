/// The text of a rejected line as a reader needs it: valid UTF-8 kept, every invalid byte and
/// control character written as `\xNN`, so that a binary line shows what it holds instead of
/// a row of replacement characters.
enum SampleText {
    static func make(_ bytes: UnsafeRawBufferPointer) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            if length > 1, i + length <= bytes.count,
               let s = String(validating: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self),
               let scalar = s.unicodeScalars.first, !(0x80...0x9F).contains(scalar.value) {
                out += s
                i += length
                continue
            }
            if length == 1 && b >= 0x20 && b != 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else if b == 0x09 {
                out += "\t"
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
            }
            i += 1
        }
        return out
    }
}
