/// Finds what a piece of CSS would load (`@import`, `url(...)`), since CSS can fetch resources too.
struct CSSReferences: Equatable {
    /// How many `@import` rules the text contains.
    var importCount = 0
    /// Each `url(...)` argument, whitespace and quotes stripped.
    var urls: [String] = []

    /// Scans `css` after undoing CSS escapes (`\75 rl(` is `url(`); matching is ASCII case-insensitive.
    init(scanning css: String) {
        let text = Self.unescaped(css)
        var index = 0
        while index < text.count {
            if Self.matches("@import", in: text, at: index) {
                importCount += 1
                index += 7
            } else if Self.matches("url(", in: text, at: index) {
                let (argument, next) = Self.urlArgument(in: text, from: index + 4)
                urls.append(argument)
                index = next
            } else {
                index += 1
            }
        }
    }

    /// Reads a `url(` argument starting at `start`; returns it and the index after it.
    private static func urlArgument(in text: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var index = start
        while index < text.count, isSpace(text[index]) { index += 1 }
        var scalars = String.UnicodeScalarView()
        if index < text.count, text[index] == "\"" || text[index] == "'" {
            let quote = text[index]
            index += 1
            while index < text.count, text[index] != quote {
                scalars.append(text[index])
                index += 1
            }
            index += 1
        } else {
            while index < text.count, text[index] != ")" {
                scalars.append(text[index])
                index += 1
            }
        }
        return (String(scalars).trimmingWhitespace(), index)
    }

    private static func matches(_ word: String, in text: [Unicode.Scalar], at index: Int) -> Bool {
        let word = Array(word.unicodeScalars)
        guard index + word.count <= text.count else { return false }
        for offset in 0..<word.count where lowercased(text[index + offset]) != word[offset] {
            return false
        }
        return true
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// `css` as scalars with CSS escapes replaced by what they stand for.
    private static func unescaped(_ css: String) -> [Unicode.Scalar] {
        let input = Array(css.unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let scalar = input[index]
            guard scalar == "\\", index + 1 < input.count else {
                output.append(scalar)
                index += 1
                continue
            }
            var end = index + 1
            var value: UInt32 = 0
            while end < input.count, end - index <= 6, let digit = hexValue(input[end]) {
                value = value * 16 + digit
                end += 1
            }
            if end == index + 1 {
                // `\` followed by a non-hex character stands for that character.
                output.append(input[end])
                index = end + 1
            } else {
                output.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                if end < input.count, isSpace(input[end]) { end += 1 }
                index = end
            }
        }
        return output
    }
}
