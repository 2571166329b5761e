import Foundation

/// A rule's path pattern ready to match: a glob is matched on the path's bytes (`GlobMatcher`),
/// a pattern written as a regular expression by ICU. The regular expression of a glob stays as
/// the answer for the paths the byte matcher leaves open, so both give the same answers.
struct PathPattern {
    private let regex: NSRegularExpression
    private let glob: GlobMatcher?

    /// Throws `TouchpointRuleError` when the pattern does not compile.
    init(_ rule: TouchpointRule) throws {
        regex = try rule.compiled()
        if case .glob(let g) = rule.pattern { glob = GlobMatcher(glob: g) } else { glob = nil }
    }

    func matches(_ text: String) -> Bool {
        if let glob {
            var text = text
            if let answer = text.withUTF8({ glob.matches(UnsafeRawBufferPointer($0)) }) { return answer }
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
