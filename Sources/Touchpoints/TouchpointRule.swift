import Foundation
import JourneysCore

/// One line of the config's touchpoint rules: a URL pattern and what a match means.
package struct TouchpointRule: Sendable {
    package enum Pattern: Sendable {
        /// `*` matches within one path segment, `**` across segments.
        case glob(String)
        case regex(String)
    }

    package var pattern: Pattern
    package var touchpoint: String
    package var phase: Phase
    package var funnelStep: FunnelStep?

    package init(pattern: Pattern, touchpoint: String, phase: Phase, funnelStep: FunnelStep? = nil) {
        self.pattern = pattern; self.touchpoint = touchpoint; self.phase = phase; self.funnelStep = funnelStep
    }

    /// The pattern as a compiled regular expression; nil with the reason when it does not compile.
    package func compiled() throws -> NSRegularExpression {
        switch pattern {
        case .regex(let r): return try NSRegularExpression(pattern: r)
        case .glob(let g): return try NSRegularExpression(pattern: Self.regex(fromGlob: g))
        }
    }

    static func regex(fromGlob glob: String) -> String {
        var out = "^"
        var chars = Array(glob)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" {
                if i + 1 < chars.count && chars[i + 1] == "*" {
                    out += ".*"
                    i += 2
                    continue
                }
                out += "[^/]*"
            } else if c == "?" {
                out += "[^/]"
            } else {
                out += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        chars.removeAll()
        return out + "$"
    }
}
