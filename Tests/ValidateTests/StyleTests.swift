import Testing
@testable import Validate

@Suite struct StyleTests {
    @Test func importInStyleElementIsRejected() throws {
        let issues = Fixture.check(body: "<style>@import \"theme.css\";</style>")
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.line == 6)
        #expect(issue.message.contains("@import"))
        #expect(issue.message.contains("<style>"))
    }

    @Test func externalURLInStyleAttributeIsRejected() throws {
        let issues = Fixture.check(body: "<div style=\"background: url(http://example.com/bg.png)\">x</div>")
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.message.contains("style attribute on <div>"))
        #expect(issue.message.contains("http://example.com/bg.png"))
        #expect(issue.message.contains("URL scheme \"http:\""))
    }

    @Test func quotedAbsoluteAndProtocolRelativeURLsAreRejected() {
        let issues = Fixture.check(body: "<style>a { background: URL( '/x.png' ) } b { background: url(\"//cdn/y.png\") }</style>")
        #expect(issues.count == 2)
        #expect(issues.contains { $0.message.contains("/x.png") && $0.message.contains("absolute path") })
        #expect(issues.contains { $0.message.contains("//cdn/y.png") && $0.message.contains("protocol-relative") })
    }

    @Test func cssEscapesDoNotHideAURL() {
        let issues = Fixture.check(body: "<style>a { background: \\75 rl(https://example.com/x) }</style>")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("https://example.com/x") == true)
    }

    @Test func fragmentAndInsideURLsPass() {
        let body = """
        <style>.a { fill: url(#grad); background: url("img/a.png"); } .b { background: url( '../shared/b.png' ) }</style>
        <div style="fill: url(#grad)">x</div>
        """
        #expect(Fixture.check(body: body) == [])
    }
}
