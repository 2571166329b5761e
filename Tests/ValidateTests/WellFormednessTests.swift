import Testing
@testable import Validate

@Suite struct WellFormednessTests {
    @Test func validPolyglotPageWithInlineSVGPasses() {
        let page = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <title>Journeys — week 47</title>
        <style>
        body { font: 14px sans-serif; }
        .bar { fill: url(#grad); background: url("img/bar.png"); }
        </style>
        <link rel="stylesheet" href="../style.css"/>
        </head>
        <body>
        <p id="top">Sessions:&#160;42 &amp; more &lt;see below&gt;</p>
        <a href="#top">top</a> <a href="../index.html">all weeks</a> <a href="funnel.html?step=1#cart">funnel</a>
        <img src="./chart.png" srcset="chart.png 1x, chart@2x.png 2x" alt=""/>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" width="10" height="10">
        <defs><linearGradient id="grad"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
        <rect id="bar1" x="0" y="0" width="10" height="10" style="fill: url(#grad)"/>
        <use xlink:href="#bar1"/>
        <text x="1" y="5">a&#160;b</text>
        </svg>
        </body>
        </html>
        """
        #expect(Fixture.check(page) == [])
    }

    @Test func unclosedElementIsReportedAtTheMismatchWithItsOpeningLine() throws {
        let page = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>t</title></head>
        <body>
        <div class="summary">
        <p>never closed above</p>
        </body>
        </html>
        """
        let issues = Fixture.check(page)
        let first = try #require(issues.first)
        // libxml2 notices at `</body>` (line 7, column 8) and names where the `div` opened (line 5).
        #expect(first.line == 7)
        #expect(first.column == 8)
        #expect(first.message == "Opening and ending tag mismatch: div line 5 and body")
        #expect(first.file == Fixture.file)
        #expect(first.description == "out/2026-W47/index.html:7:8: Opening and ending tag mismatch: div line 5 and body")
        #expect(issues.allSatisfy { !$0.message.hasPrefix("duplicate") }, "later checks are skipped")
    }

    @Test func namedHTMLEntityIsNotXML() throws {
        let issues = Fixture.check(body: "<p>a&nbsp;b</p>")
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.message == "Entity 'nbsp' not defined")
        #expect(issue.line == 6)
    }

    @Test func laterChecksAreSkippedWhenNotWellFormed() {
        // The script element would be an issue too, but only the parse error is reported.
        let issues = Fixture.check(body: "<script>x()</script><p>a&nbsp;b</p>")
        #expect(issues.map(\.message) == ["Entity 'nbsp' not defined"])
    }

    @Test func emptyFileIsAnIssue() {
        let issues = MarkupValidator().check([], file: "out/empty.html", documentDirectory: "out", root: "out")
        #expect(issues == [ValidationIssue(file: "out/empty.html", line: 0, column: 0, message: "file is empty")])
    }

    @Test func whitespaceOnlyFileIsAnIssue() {
        let issues = Fixture.check("  \n")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("Start tag expected") == true)
    }

    @Test func nonUTF8BytesAreReportedWhereTheyAre() throws {
        let bytes = Array("<html><body>caf".utf8) + [0xE9] + Array("</body></html>".utf8)
        let issues = MarkupValidator().check(bytes, file: "latin1.html", documentDirectory: ".", root: ".")
        let issue = try #require(issues.first)
        #expect(issue.message.contains("not proper UTF-8"))
        #expect(issue.message.contains("0xE9"))
        #expect(!issue.message.contains("\n"), "issues stay on one line")
        #expect((issue.line, issue.column) == (1, 16))
    }

    @Test func controlCharacterIsReported() throws {
        let issues = Fixture.check(body: "<p>a\u{01}b</p>")
        let issue = try #require(issues.first)
        #expect(issue.message == "PCDATA invalid Char value 1")
        #expect(issue.line == 6)
    }

    @Test func undeclaredNamespacePrefixIsReported() throws {
        let issues = Fixture.check(body: "<a xlink:href=\"#x\">x</a>")
        let issue = try #require(issues.first)
        #expect(issue.message.contains("Namespace prefix xlink"))
        #expect(issue.line == 6)
    }

    @Test func issuesAreSortedByLine() {
        let issues = Fixture.check(body: """
        <p onclick="a()">1</p>
        <p id="x">2</p><p id="x">3</p>
        <script>b()</script>
        """)
        #expect(issues.map(\.line) == [6, 7, 8])
    }
}
