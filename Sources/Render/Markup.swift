/// Escaping for everything written into HTML or SVG. Values from logs are attacker-controlled:
/// they pass through `text` (or mustache's `{{ }}`), never raw.
package enum Markup {
    /// Escapes `& < > " '` and replaces characters XML cannot carry (C0 controls but tab and
    /// newline, DEL, noncharacters) with U+FFFD, so a hostile log line can neither inject markup
    /// nor make the page unparseable.
    package static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Replaces characters XML cannot carry, without escaping (for values mustache escapes itself).
    package static func clean(_ s: String) -> String {
        guard !s.unicodeScalars.allSatisfy(isAllowed) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(isAllowed(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }

    static func isAllowed(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A: true
        case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF: false
        case 0x80...0x9F: false
        default: true
        }
    }
}
