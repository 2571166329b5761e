import Foundation
import JourneysCore

/// One line of the config's touchpoint rules: a URL pattern and what a match means.
package struct TouchpointRule: Sendable {
    package enum Pattern: Sendable, Equatable {
        /// Matches the whole path. `*` matches within one path segment, `**` across segments
        /// (`/**/x` also matches `/x`, and a trailing `/**` also matches the folder itself), `?` one
        /// character other than `/`; everything else is literal. Paths of tracking events are
        /// `event:<type>`, so `event:view` or `event:*` match them.
        case glob(String)
        /// A regular expression (ICU syntax) searched anywhere in the path: anchor it with `^` and
        /// `$` to match the whole path.
        case regex(String)
    }

    package var pattern: Pattern
    package var touchpoint: String
    package var phase: Phase
    package var funnelStep: FunnelStep?

    package init(pattern: Pattern, touchpoint: String, phase: Phase, funnelStep: FunnelStep? = nil) {
        self.pattern = pattern; self.touchpoint = touchpoint; self.phase = phase; self.funnelStep = funnelStep
    }

    /// The pattern as written in the config, for messages.
    package var patternText: String {
        switch pattern {
        case .glob(let g): g
        case .regex(let r): r
        }
    }

    /// The pattern as a compiled regular expression; throws `TouchpointRuleError` with the reason
    /// when it does not compile.
    package func compiled() throws -> NSRegularExpression {
        let source: String
        switch pattern {
        case .regex(let r): source = r
        case .glob(let g): source = Self.regex(fromGlob: g)
        }
        do {
            return try NSRegularExpression(pattern: source)
        } catch {
            throw TouchpointRuleError(index: nil, touchpoint: touchpoint, pattern: patternText,
                                      reason: "not a valid regular expression")
        }
    }

    /// The anchored regular expression of a glob.
    static func regex(fromGlob glob: String) -> String {
        let chars = Array(glob)
        var out = "^"
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" && i + 1 < chars.count && chars[i + 1] == "*" {
                let atSegmentStart = i == 0 || chars[i - 1] == "/"
                let next = i + 2 < chars.count ? chars[i + 2] : nil
                if atSegmentStart && next == "/" {
                    // `**/`: zero or more whole segments.
                    out += "(?:[^/]*/)*"
                    i += 3
                    continue
                }
                if atSegmentStart && next == nil && i > 0 {
                    // trailing `/**`: the folder itself or anything below it.
                    out.removeLast(2) // the escaped or literal "/" just written
                    out += "(?:/.*)?"
                    i += 2
                    continue
                }
                out += ".*"
                i += 2
                continue
            }
            switch c {
            case "*": out += "[^/]*"
            case "?": out += "[^/]"
            case "/": out += "\\/"
            default: out += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        return out + "$"
    }
}

/// A touchpoint rule whose pattern cannot be used: which rule (its position in the config, from 0),
/// its touchpoint, its pattern and why.
package struct TouchpointRuleError: Error, Equatable, CustomStringConvertible {
    package var index: Int?
    package var touchpoint: String
    package var pattern: String
    package var reason: String

    package var description: String {
        let which = index.map { "touchpoint rule \($0 + 1) ('\(touchpoint)')" } ?? "touchpoint rule '\(touchpoint)'"
        return "\(which): pattern '\(pattern)' is \(reason)"
    }
}
