import Testing
@testable import Validate

@Suite struct ScriptTests {
    @Test func scriptElementIsRejected() throws {
        let issues = Fixture.check(body: "<p>x</p>\n<script>alert(1)</script>")
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.line == 7)
        #expect(issue.message.contains("<script>"))
    }

    @Test func scriptInSVGNamespaceIsRejected() {
        let issues = Fixture.check(body: "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>1</script></svg>")
        #expect(issues.map(\.line) == [6])
        #expect(issues.first?.message.contains("script") == true)
    }

    @Test func onclickAttributeIsRejected() throws {
        let issues = Fixture.check(body: "<button onclick=\"buy()\">buy</button>")
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.line == 6)
        #expect(issue.message.contains("\"onclick\""))
        #expect(issue.message.contains("<button>"))
    }

    @Test func eventHandlerNamesAreCaseInsensitive() {
        let issues = Fixture.check(body: "<svg xmlns=\"http://www.w3.org/2000/svg\" ONLOAD=\"x()\"/>")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("\"ONLOAD\"") == true)
    }
}
