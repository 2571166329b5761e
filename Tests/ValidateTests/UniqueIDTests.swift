import Testing
@testable import Validate

@Suite struct UniqueIDTests {
    @Test func duplicateIDNamesTheIDAndBothLines() throws {
        let issues = Fixture.check(body: """
        <section id="funnel">a</section>
        <p id="other">b</p>
        <svg xmlns="http://www.w3.org/2000/svg"><g id="funnel"/></svg>
        """)
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.line == 8)
        #expect(issue.message.contains("\"funnel\""))
        #expect(issue.message.contains("first used on line 6"))
    }

    @Test func distinctIDsPass() {
        #expect(Fixture.check(body: "<p id=\"a\">a</p><p id=\"b\">b</p>") == [])
    }
}
