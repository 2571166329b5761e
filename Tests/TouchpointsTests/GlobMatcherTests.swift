import Foundation
import JourneysCore
import Testing
@testable import Touchpoints

/// Globs of every shape the rules allow: literal, `*`, `**` as a segment and inside one, `?`,
/// leading, inner and trailing `**`, repeated `**`, characters a regular expression treats as special.
private let globs = [
    "/", "", "**", "/**", "/*", "*", "/p/*", "/p/*/reviews", "/*/p/*", "/*/c/**", "/checkout/**", "/**/b",
    "/a/**/b", "**/x", "/**/**", "/a/**/**/b", "/p/**.html", "/p/*.html", "/p/??", "/p/?*", "/?/*/?",
    "/a**b/c", "/c/*/*", "/c/*-*/x", "/search", "event:*", "event:view", "/(x)/[y]/a+b/$.^",
    "/de/p/*-1*", "/**/*.json", "/x/**/", "/x//y", "/*/", "*/*", "**/**/*",
]

/// Paths as logs have them, odd ones included: empty segments, trailing slashes, dots, specials,
/// non-ASCII text, line breaks and other control characters, a long path.
private func paths() -> [String] {
    var out = [
        "", "/", "//", "/p", "/p/", "/p/7", "/p/7/", "/p/7/reviews", "/p/7/reviews/new", "/de/p/wool-coat-1234",
        "/de/c/women/coats", "/de/c", "/de/c/", "/checkout", "/checkout/", "/checkout/a/b", "/a/b", "/a/x/y/b",
        "/a/bb", "/b", "x", "/x", "/x/", "/x/y", "/x//y", "/p/ab", "/p/a", "/p/abc", "/p/x.html", "/p/a/b.html",
        "/search", "/searchx", "event:view", "event:cart", "/(x)/[y]/a+b/$.^", "/(x)/[y]/aab/x.^", "/a/b/c.json",
        "/de/p/-1", "/de/p/x-1a", "/aXXb/c", "/ab/c", "/a/b/c/", "/c/1-2/x", "/c/-/x", "/c/a/b",
        "/p/7\n", "/p/7\r", "/cart\r\n", "/p/\u{7}", "/p/über", "/p/ü", "/p/日本", "/\u{2028}", "/p/7\u{85}",
        "/de/p/" + String(repeating: "a-", count: 600) + "1",
        "/" + String(repeating: "a/", count: 300) + "b",
    ]
    // a seeded spray of short paths over the characters that matter
    var state: UInt64 = 23
    let alphabet = Array("/ab*?.-x1")
    for _ in 0..<3000 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let length = Int(state >> 59)
        var s = ""
        for k in 0..<length { s.append(alphabet[Int((state >> UInt64(3 * k % 50)) % UInt64(alphabet.count))]) }
        out.append(s)
    }
    return out
}

@Suite("Glob matcher")
struct GlobMatcherTests {
    @Test("a glob on bytes answers as its regular expression, for every glob and path")
    func sameAsRegex() throws {
        let paths = paths()
        for glob in globs {
            let rule = TouchpointRule(pattern: .glob(glob), touchpoint: "T", phase: .consideration)
            let regex = try rule.compiled()
            let pattern = try PathPattern(rule)
            for path in paths {
                let expected = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
                #expect(pattern.matches(path) == expected, "glob \(glob) path \(path.debugDescription)")
            }
        }
    }

    @Test("the byte matcher answers for printable ASCII and leaves other paths to the regular expression")
    func leavesOddPaths() {
        let g = GlobMatcher(glob: "/p/*")
        func answer(_ s: String) -> Bool? { var s = s; return s.withUTF8 { g.matches(UnsafeRawBufferPointer($0)) } }
        #expect(answer("/p/7") == true)
        #expect(answer("/p/7/x") == false)
        #expect(answer("/p/7\n") == nil)
        #expect(answer("/p/ü") == nil)
    }

    @Test("a glob of many stars against a long path stops at its budget and the regex answers")
    func budget() throws {
        let glob = "/*a*a*a*b"
        let path = "/" + String(repeating: "a", count: 60)
        let g = GlobMatcher(glob: glob)
        var p = path
        #expect(p.withUTF8 { g.matches(UnsafeRawBufferPointer($0)) } == nil)
        let pattern = try PathPattern(TouchpointRule(pattern: .glob(glob), touchpoint: "T", phase: .consideration))
        #expect(pattern.matches(path) == false)
        #expect(pattern.matches(path + "b") == true)
    }

    @Test("the mapper's remembered touchpoint of a path is the first rule matching it afresh")
    func memoisedSameAsFresh() throws {
        let rules = globs.enumerated().map { i, glob in
            TouchpointRule(pattern: .glob(glob), touchpoint: "G\(i)", phase: .consideration)
        } + [TouchpointRule(pattern: .regex("^/p/[0-9]+$"), touchpoint: "R", phase: .consideration)]
        // each rule alone first, so that every rule decides some paths
        for first in rules.indices {
            var ordered = rules
            ordered.insert(ordered.remove(at: first), at: 0)
            var mapper = try TouchpointMapper(rules: ordered, unmatchedPhase: .consideration, channels: ChannelRules())
            var symbols = SymbolTable()
            let regexes = try ordered.map { try $0.compiled() }
            for path in paths().prefix(400) {
                let fresh = regexes.firstIndex { $0.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil }
                let symbol = symbols.intern(path)
                let expected = fresh.map { i in mapper.catalog.entries.firstIndex { $0.name == ordered[i].touchpoint }! }
                    ?? mapper.catalog.entries.firstIndex { $0.name == "other" }!
                // the second time the path is remembered, not matched
                for _ in 0..<2 {
                    #expect(mapper.touchpoint(of: symbol, symbols: symbols) == expected, "path \(path.debugDescription)")
                }
            }
        }
    }
}
