/// Escaping for everything written into HTML or SVG. Values from logs are attacker-controlled:
/// they pass through `text` (or mustache's `{{ }}`), never raw.
package enum Markup {
    /// Escapes `& < > " '` and replaces characters XML cannot carry (C0 controls but tab and
    /// newline, DEL, noncharacters) and bidirectional controls with U+FFFD, so a hostile log line
    /// can neither inject markup, nor make the page unparseable, nor make its text read other
    /// than it is (a URL or user agent reversed by U+202E).
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

    /// The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): in
    /// text from the logs they only ever disguise it.
    package static func isBidiControl(_ c: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(c.value) || (0x2066...0x2069).contains(c.value)
    }

    /// `page` with every bidirectional control replaced by U+FFFD: the last pass over a rendered
    /// page, so that no value reaches it with one, whichever way it was written into the page.
    package static func replacingBidiControls(_ page: String) -> String {
        // in UTF-8 the controls are E2 80 AA-AE and E2 81 A6-A9
        let bytes = page.utf8
        var found = false
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == 0xE2 {
                let a = bytes.index(after: i)
                if a != bytes.endIndex {
                    let b = bytes.index(after: a)
                    if b != bytes.endIndex,
                       (bytes[a] == 0x80 && (0xAA...0xAE).contains(bytes[b])) || (bytes[a] == 0x81 && (0xA6...0xA9).contains(bytes[b])) {
                        found = true
                        break
                    }
                }
            }
            i = bytes.index(after: i)
        }
        guard found else { return page }
        return String(String.UnicodeScalarView(page.unicodeScalars.map { isBidiControl($0) ? "\u{FFFD}" : $0 }))
    }

    package static func isAllowed(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x202A...0x202E, 0x2066...0x2069: false
        case 0x09, 0x0A: true
        case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF: false
        case 0x80...0x9F: false
        default: true
        }
    }
}
