import Testing
@testable import Validate

@Suite struct LinkTests {
    /// `(markup, attribute value, expected reason fragment)` for each kind of link leaving the output folder.
    static let external: [(String, String, String)] = [
        ("<a href=\"http://example.com/\">x</a>", "http://example.com/", "URL scheme \"http:\""),
        ("<a href=\"https://example.com/\">x</a>", "https://example.com/", "URL scheme \"https:\""),
        ("<a href=\"javascript:alert(1)\">x</a>", "javascript:alert(1)", "URL scheme \"javascript:\""),
        ("<img src=\"data:image/png;base64,AAAA\" alt=\"\"/>", "data:image/png;base64,AAAA", "URL scheme \"data:\""),
        ("<a href=\"file:///etc/passwd\">x</a>", "file:///etc/passwd", "URL scheme \"file:\""),
        ("<img src=\"//cdn.example.com/a.png\" alt=\"\"/>", "//cdn.example.com/a.png", "protocol-relative"),
        ("<a href=\"/index.html\">x</a>", "/index.html", "absolute path"),
        ("<a href=\"../../etc/passwd\">x</a>", "../../etc/passwd", "climbs out of the output folder"),
        ("<a href=\"a/%2e%2e/%2e%2e/%2e%2e/x\">x</a>", "a/%2e%2e/%2e%2e/%2e%2e/x", "climbs out of the output folder"),
        ("<form action=\"https://example.com/\"><button formaction=\"/x\">x</button></form>", "https://example.com/", "URL scheme"),
        ("<video poster=\"http://example.com/p.png\"></video>", "http://example.com/p.png", "URL scheme"),
        ("<object data=\"http://example.com/o.svg\"></object>", "http://example.com/o.svg", "URL scheme"),
        ("<img srcset=\"a.png 1x, https://example.com/b.png 2x\" alt=\"\"/>", "https://example.com/b.png", "URL scheme"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"http://example.com/s.svg#a\"/></svg>",
         "http://example.com/s.svg#a", "URL scheme"),
    ]

    @Test(arguments: 0..<external.count)
    func externalLinkIsRejected(_ index: Int) throws {
        let (markup, value, reason) = Self.external[index]
        let issues = Fixture.check(body: markup)
        let issue = try #require(issues.first)
        #expect(issue.line == 6)
        #expect(issue.message.contains("\"\(value)\""), "\(issue.message)")
        #expect(issue.message.contains("outside the output folder"))
        #expect(issue.message.contains(reason), "\(issue.message)")
    }

    @Test func bothFormAttributesAreChecked() {
        let issues = Fixture.check(body: "<form action=\"https://example.com/\"><button formaction=\"/x\">x</button></form>")
        #expect(issues.count == 2)
        #expect(issues.contains { $0.message.hasPrefix("action ") && $0.message.contains("<form>") })
        #expect(issues.contains { $0.message.hasPrefix("formaction ") && $0.message.contains("<button>") })
    }

    @Test func whitespaceDoesNotHideAScheme() {
        let issues = Fixture.check(body: "<a href=\" java&#9;script:alert(1)\">x</a>")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("\"javascript:\"") == true)
    }

    @Test func escapeFromASubfolderIsRejectedButParentInsideRootIsFine() {
        let issues = Fixture.check(body: "<a href=\"../index.html\">up</a>\n<a href=\"../../etc/passwd\">out</a>")
        #expect(issues.map(\.line) == [7])
        #expect(issues.first?.message.contains("../../etc/passwd") == true)
    }

    @Test func allowedRelativeLinksGiveNoIssue() {
        let links = """
        <a href="#top">a</a><a href="../index.html">b</a><a href="funnel.html">c</a>
        <a href="./detail/x.html?q=1#f">d</a><a href="">e</a><img src="charts/a.png" srcset="a.png 1x, ../b.png 2x" alt=""/>
        """
        #expect(Fixture.check(body: links) == [])
    }

    @Test func linksFromTheRootItself() {
        let fromRoot = "<a href=\"2026-W47/index.html\">w</a>\n<a href=\"../secret\">s</a>"
        let issues = Fixture.check(body: fromRoot, directory: Fixture.root)
        #expect(issues.map(\.line) == [7])
    }

    @Test func relativeFoldersAreResolvedLexically() {
        let issues = MarkupValidator().check(
            Array(Fixture.page(body: "<a href=\"../ok.html\">a</a><a href=\"../../no.html\">b</a>").utf8),
            file: "x.html", documentDirectory: "./out/./w/../w", root: "out")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("../../no.html") == true)
    }
}
