import Foundation
import Pipeline
import Testing

@Suite(.serialized) struct PublishTests {
    /// A template that writes an unclosed element fails validation: the run stops with the
    /// file, line and libxml2's message, and the report published before stays as it was.
    @Test func invalidReportIsNotPublished() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("publish")
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        let published = try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/index.html"))

        let broken = try PipelineFixtures.scratch("templates")
        for name in ["report.mustache", "index.mustache", "diff.mustache", "report.css", "sections"] {
            try FileManager.default.copyItem(atPath: PipelineFixtures.templates + "/" + name, toPath: broken + "/" + name)
        }
        let page = try String(contentsOfFile: broken + "/report.mustache", encoding: .utf8)
        try page.replacingOccurrences(of: "<main>", with: "<main><div>").write(toFile: broken + "/report.mustache", atomically: true, encoding: .utf8)

        var options = PipelineFixtures.options(logs: logs, output: out)
        options.templates = broken
        do {
            _ = try ReportPipeline.run(options, environment: [:])
            Issue.record("a report with an unclosed element was published")
        } catch let error as StageError {
            #expect(error.stage == "validate")
            let message = "\(error)"
            #expect(message.contains("index.html:"))
            #expect(message.contains("Opening and ending tag mismatch: div"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/index.html")) == published)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".staging") || $0.hasPrefix(".index") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSecondRunOnTheSameOutputIsRefused() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("lock")
        // the lock lives beside the output folder, so that publishing the folder publishes reports only
        let url = URL(fileURLWithPath: out)
        let lockFile = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock").path
        let lock = open(lockFile, O_CREAT | O_RDWR, 0o644)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        defer { close(lock) }
        #expect(throws: PublishError.self) {
            _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        }
        flock(lock, LOCK_UN)
        _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out), environment: [:])
        let published = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(published == ["2026-W47", "index.html"])
    }

    @Test func missingInputStopsWithItsName() throws {
        let out = try PipelineFixtures.scratch("missing")
        do {
            _ = try ReportPipeline.run(PipelineFixtures.options(logs: "/nonexistent/logs/*.gz", output: out), environment: [:])
            Issue.record("a missing input did not stop the run")
        } catch {
            #expect("\(error)" == "plan: /nonexistent/logs/*.gz: matches no file")
        }
    }
}
