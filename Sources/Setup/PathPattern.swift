import Foundation

/// A group of paths that are one kind of page: literal segments and `*` segments (an item id or
/// slug), below an optional language or market prefix (`/de/`, `/en-gb/`).
package struct PathPattern: Sendable, Hashable {
    /// `nil` for a `*` segment.
    package var segments: [String?]
    /// Whether the paths sat below one of the shop's language or market prefixes.
    package var prefixed: Bool
    /// Whether the paths end in `/` (`/product/x/`).
    package var trailingSlash: Bool

    package init(segments: [String?], prefixed: Bool = false, trailingSlash: Bool = false) {
        self.segments = segments; self.prefixed = prefixed; self.trailingSlash = trailingSlash
    }

    /// The pattern as people read it: `/product/*`, `/de/…` prefixes as `/{lang}`.
    package var display: String {
        if segments.count == 1, let only = segments[0], only.hasPrefix("event:") { return only }  // a tracking event's path
        let body = segments.isEmpty ? "/" : "/" + segments.map { $0 ?? "*" }.joined(separator: "/") + (trailingSlash ? "/" : "")
        return prefixed ? "/{lang}" + (body == "/" ? "/" : body) : body
    }

    /// Literal segments: what the pattern says in words.
    package var words: [String] { segments.compactMap { $0 } }

    /// Number of `*` segments.
    package var wildcards: Int { segments.filter { $0 == nil }.count }

    /// The config's pattern for this group: a glob when it can be one, else an anchored regular
    /// expression (language prefixes, which a path may or may not carry, or odd characters).
    /// `prefixes` are the shop's language and market prefixes.
    package func rulePattern(prefixes: [String]) -> (key: String, text: String) {
        let plain = segments.allSatisfy { $0.map(Self.isGlobSafe) ?? true }
        if !prefixed && plain {
            return ("path", display)
        }
        var out = "^"
        if prefixed && !prefixes.isEmpty {
            out += "(?:/(?:" + prefixes.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + "))?"
        }
        if segments.isEmpty {
            out += "/"
        } else {
            for s in segments { out += "/" + (s.map(NSRegularExpression.escapedPattern(for:)) ?? "[^/]+") }
            if trailingSlash { out += "/" }
        }
        return ("regex", out + "$")
    }

    /// Characters a glob segment takes literally and a YAML double-quoted string keeps as they are.
    static func isGlobSafe(_ segment: String) -> Bool {
        segment.unicodeScalars.allSatisfy { c in
            (c.value >= 0x30 && c.value <= 0x39) || (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
                || "-_.~%+,:@!$&'()=".unicodeScalars.contains(c)
        }
    }
}

/// A path cut into segments, its language or market prefix taken off.
package struct PathShape: Sendable, Hashable {
    package var prefix: String?
    package var segments: [String]
    package var trailingSlash: Bool

    /// `/de/produkt/x/` with prefixes ["de"] -> prefix de, [produkt, x], trailing slash.
    package init(path: String, prefixes: Set<String>) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        trailingSlash = path.count > 1 && path.hasSuffix("/")
        if let first = parts.first, prefixes.contains(first.lowercased()) {
            prefix = first
            parts.removeFirst()
        }
        segments = parts
    }

    /// Whether a first segment can be a language or market prefix: `de`, `en`, `en-gb`, `de_AT`.
    package static func looksLikeLocale(_ segment: String) -> Bool {
        let s = Array(segment.lowercased().utf8)
        func letters(_ r: Range<Int>) -> Bool { s[r].allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        if s.count == 2 { return letters(0..<2) }
        if s.count == 5 { return letters(0..<2) && (s[2] == 0x2D || s[2] == 0x5F) && letters(3..<5) }
        return false
    }
}
