import Foundation
import JourneysCore
import Testing
@testable import Touchpoints

/// Whether `pattern` matches `path`, as the mapper tries it.
private func matches(_ pattern: TouchpointRule.Pattern, _ path: String) throws -> Bool {
    let regex = try TouchpointRule(pattern: pattern, touchpoint: "t", phase: .consideration).compiled()
    return regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
}

@Suite("Touchpoint rule patterns")
struct TouchpointRuleTests {
    @Test("a glob matches the whole path, literally apart from * ** ?")
    func literal() throws {
        #expect(try matches(.glob("/"), "/"))
        #expect(try !matches(.glob("/"), "/cart"))
        #expect(try matches(.glob("/cart"), "/cart"))
        #expect(try !matches(.glob("/cart"), "/cart/add"))
        #expect(try !matches(.glob("/cart"), "/shop/cart"))
        // regex characters are literal in a glob
        #expect(try matches(.glob("/a+b.html"), "/a+b.html"))
        #expect(try !matches(.glob("/a+b.html"), "/aab-html"))
        #expect(try matches(.glob("/p/(sale)"), "/p/(sale)"))
    }

    @Test("* stays within one segment, ** crosses segments")
    func starAndDoubleStar() throws {
        #expect(try matches(.glob("/p/*"), "/p/123"))
        #expect(try matches(.glob("/p/*"), "/p/"))
        #expect(try !matches(.glob("/p/*"), "/p/123/reviews"))
        #expect(try matches(.glob("/p/**"), "/p/123/reviews"))
        #expect(try matches(.glob("/p/*/reviews"), "/p/123/reviews"))
        #expect(try !matches(.glob("/p/*/reviews"), "/p/1/2/reviews"))
        #expect(try matches(.glob("/p/**/reviews"), "/p/1/2/reviews"))
        #expect(try matches(.glob("/p/*.html"), "/p/shoe.html"))
        #expect(try !matches(.glob("/p/*.html"), "/p/a/shoe.html"))
        #expect(try matches(.glob("/p/**.html"), "/p/a/shoe.html"))
        #expect(try matches(.glob("**"), "/anything/at/all"))
    }

    @Test("**/ is zero or more segments; a trailing /** matches the folder itself")
    func doubleStarSegments() throws {
        #expect(try matches(.glob("/**/reviews"), "/reviews"))
        #expect(try matches(.glob("/**/reviews"), "/p/1/reviews"))
        #expect(try !matches(.glob("/**/reviews"), "/p/1/myreviews"))
        #expect(try matches(.glob("/newsletter/**"), "/newsletter"))
        #expect(try matches(.glob("/newsletter/**"), "/newsletter/"))
        #expect(try matches(.glob("/newsletter/**"), "/newsletter/2024/05"))
        #expect(try !matches(.glob("/newsletter/**"), "/newsletters"))
    }

    @Test("repeated ** segments compile and mean one: /**/** is /**")
    func repeatedDoubleStar() throws {
        for path in ["/", "/a", "/a/b/c", "/a/"] {
            #expect(try matches(.glob("/**/**"), path), "\(path)")
            #expect(try matches(.glob("/**"), path), "\(path)")
        }
        #expect(try !matches(.glob("/**/**"), "event:view"))
        #expect(try !matches(.glob("/**"), "event:view"))
        #expect(try matches(.glob("/a/**/**"), "/a"))
        #expect(try matches(.glob("/a/**/**"), "/a/b/c"))
        #expect(try !matches(.glob("/a/**/**"), "/ab"))
        #expect(try matches(.glob("/**/**/x"), "/x"))
        #expect(try matches(.glob("/**/**/x"), "/a/b/x"))
        #expect(try !matches(.glob("/**/**/x"), "/a/bx"))
        #expect(try matches(.glob("**/**"), "event:view"))
    }

    @Test("**/ at the start is any number of leading segments")
    func leadingDoubleStar() throws {
        #expect(try matches(.glob("**/x"), "x"))
        #expect(try matches(.glob("**/x"), "/x"))
        #expect(try matches(.glob("**/x"), "/a/b/x"))
        #expect(try !matches(.glob("**/x"), "/a/bx"))
        #expect(try !matches(.glob("**/x"), "/x/y"))
    }

    @Test("/a/**/b is a, any segments between, then b")
    func doubleStarBetween() throws {
        #expect(try matches(.glob("/a/**/b"), "/a/b"))
        #expect(try matches(.glob("/a/**/b"), "/a/x/b"))
        #expect(try matches(.glob("/a/**/b"), "/a/x/y/b"))
        #expect(try !matches(.glob("/a/**/b"), "/ab"))
        #expect(try !matches(.glob("/a/**/b"), "/a/xb"))
        #expect(try !matches(.glob("/a/**/b"), "/x/a/b"))
        #expect(try matches(.glob("/a/**/"), "/a/x/"))
        #expect(try !matches(.glob("/a/**/"), "/a/x"))
    }

    @Test("* inside a segment matches within that segment only")
    func starWithinASegment() throws {
        #expect(try matches(.glob("/p/shoe-*-red"), "/p/shoe-42-red"))
        #expect(try matches(.glob("/p/shoe-*-red"), "/p/shoe--red"))
        #expect(try !matches(.glob("/p/shoe-*-red"), "/p/shoe-4/2-red"))
        #expect(try matches(.glob("/p/*/*.html"), "/p/a/b.html"))
        #expect(try !matches(.glob("/p/*/*.html"), "/p/a/b/c.html"))
        #expect(try matches(.glob("/*"), "/"))
        #expect(try !matches(.glob("/*"), "/a/b"))
    }

    @Test("every arrangement of *, ** and ? compiles to a valid pattern")
    func everyArrangementCompiles() throws {
        let parts = ["", "/", "**", "*", "?", "a", "/**", "**/", "***", "."]
        for a in parts { for b in parts { for c in parts {
            let glob = a + b + c
            let rule = TouchpointRule(pattern: .glob(glob), touchpoint: "t", phase: .consideration)
            #expect(throws: Never.self, "\(glob)") { _ = try rule.compiled() }
        } } }
    }

    @Test("? is one character other than /")
    func question() throws {
        #expect(try matches(.glob("/p/?"), "/p/7"))
        #expect(try !matches(.glob("/p/?"), "/p/77"))
        #expect(try !matches(.glob("/p?"), "/p/"))
    }

    @Test("tracking events' paths event:<type> match globs by event type")
    func eventPaths() throws {
        #expect(try matches(.glob("event:view"), "event:view"))
        #expect(try !matches(.glob("event:view"), "event:view_item"))
        #expect(try !matches(.glob("event:view"), "/event:view"))
        #expect(try matches(.glob("event:*"), "event:purchase"))
        #expect(try matches(.glob("event:add_to_*"), "event:add_to_cart"))
        #expect(try !matches(.glob("/*"), "event:cart"))
        #expect(try matches(.regex("^event:(cart|add_to_cart)$"), "event:cart"))
    }

    @Test("a regex is searched anywhere unless anchored")
    func regex() throws {
        #expect(try matches(.regex("/p/[0-9]+$"), "/p/123"))
        #expect(try !matches(.regex("/p/[0-9]+$"), "/p/shoe"))
        #expect(try matches(.regex("review"), "/p/1/reviews/new"))
        #expect(try !matches(.regex("^review"), "/p/1/reviews"))
        #expect(try matches(.regex("^/(de|en)/checkout"), "/de/checkout/payment"))
    }

    @Test("an invalid regex throws the rule's error")
    func invalid() {
        let rule = TouchpointRule(pattern: .regex("/p/(["), touchpoint: "Broken", phase: .purchase)
        #expect(throws: TouchpointRuleError.self) { try rule.compiled() }
        #expect(throws: TouchpointRuleError(index: 1, touchpoint: "Broken", pattern: "/p/([", reason: "not a valid regular expression")) {
            _ = try TouchpointMapper(rules: [TouchpointRule(pattern: .glob("/"), touchpoint: "Home", phase: .awareness), rule],
                                     unmatchedPhase: .consideration, channels: ChannelRules())
        }
        let message = TouchpointRuleError(index: 1, touchpoint: "Broken", pattern: "/p/([", reason: "not a valid regular expression").description
        #expect(message == "touchpoint rule 2 ('Broken'): pattern '/p/([' is not a valid regular expression")
    }
}
