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

    /// The anchored regular expression of a glob, built segment by segment so that a `**` segment
    /// can take its neighbouring `/` with it: `**/` is zero or more whole segments, a trailing
    /// `/**` the folder itself or anything below it. Repeated `**` segments (`/**/**`) mean no more
    /// than one. Inside a segment (`/p/**.html`) `**` is any text, `/` included.
    static func regex(fromGlob glob: String) -> String {
        var segments: [Substring] = []
        for segment in glob.split(separator: "/", omittingEmptySubsequences: false)
            where !(segment == "**" && segments.last == "**") {
            segments.append(segment)
        }
        var out = "^"
        for (k, segment) in segments.enumerated() {
            let isLast = k == segments.count - 1
            let afterAnySegments = k > 0 && segments[k - 1] == "**"
            if segment == "**" && isLast {
                // Alone, anything; after a `/`, that folder or anything below it.
                out += k == 0 ? ".*" : "(?:/.*)?"
                continue
            }
            // `**/` before this segment already took the `/` that separates them.
            if k > 0 && !afterAnySegments { out += "/" }
            if segment == "**" {
                out += "(?:[^/]*/)*"
                continue
            }
            out += Self.regex(fromSegment: segment)
        }
        return out + "$"
    }

    /// One path segment of a glob: `*` any text within the segment, `**` any text at all, `?` one
    /// character other than `/`, everything else literal.
    private static func regex(fromSegment segment: Substring) -> String {
        let chars = Array(segment)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "*" {
                out += ".*"
                i += 2
                continue
            }
            switch chars[i] {
            case "*": out += "[^/]*"
            case "?": out += "[^/]"
            default: out += NSRegularExpression.escapedPattern(for: String(chars[i]))
            }
            i += 1
        }
        return out
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
