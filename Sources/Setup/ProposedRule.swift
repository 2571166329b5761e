import Foundation
import JourneysCore
import Touchpoints

/// One touchpoint rule `journeys init` proposes, with what it is based on.
package struct ProposedRule: Sendable {
    package var rule: TouchpointRule
    /// `path` (a glob) or `regex`.
    package var key: String
    /// Page views of the log it matches first, and the most viewed of those paths.
    package var views = 0
    package var examples: [String] = []
    /// Where it came from: a platform preset's name or the evidence in words.
    package var source: String

    /// The rule as one line of YAML flow mapping.
    package var yamlLine: String {
        var out = "{ \(key): \(YAMLText.quoted(rule.patternText)), touchpoint: \(YAMLText.quoted(rule.touchpoint)), phase: \(rule.phase.rawValue)"
        if let step = rule.funnelStep { out += ", funnel_step: \(step.rawValue)" }
        return out + " }"
    }
}

/// Text from a log made safe for a YAML file: quoted values and comments.
package enum YAMLText {
    /// A double-quoted YAML string; control characters dropped.
    package static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars where c.value >= 0x20 && c.value != 0x7F {
            if c == "\"" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }

    /// A path for a comment: printable ASCII only (anything else percent-encoded), at most 80 characters.
    package static func comment(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if b >= 0x21 && b < 0x7F { out.unicodeScalars.append(Unicode.Scalar(b)) } else { out += String(format: "%%%02X", b) }
            if out.count >= 80 { return out + "…" }
        }
        return out
    }
}
