import Testing
@testable import Validate

@Suite struct FileReadingTests {
    @Test func missingFileGivesOneIssueNamingIt() {
        let path = "/nonexistent-journeys-test/2026-W47/index.html"
        let issues = MarkupValidator().check(fileAt: path, root: "/nonexistent-journeys-test")
        #expect(issues.count == 1)
        #expect(issues.first?.file == path)
        #expect(issues.first?.message.contains(path) == true)
        #expect(issues.first?.message.contains("No such file") == true)
    }

    @Test func directoryOfAPathIsLexical() {
        #expect(LexicalPath.directory(of: "out/2026-W47/index.html") == "out/2026-W47")
        #expect(LexicalPath.directory(of: "index.html") == ".")
        #expect(LexicalPath.directory(of: "/index.html") == "/")
    }
}
