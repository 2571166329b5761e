import Foundation
import Testing

/// What the `journeys` binary tells a user or a cron job: exit codes and one-line errors.
@Suite(.serialized) struct CommandLineTests {
    func journeys(_ arguments: [String], scratch: String) throws -> (status: Int32, stdout: String, stderr: String)? {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        return try CrossProcessDeterminismTests.run(binary, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch],
                                                    scratch: scratch)
    }

    @Test func aPeriodWithoutDataExitsWith2AndPublishesNothing() throws {
        let dir = try PipelineFixtures.scratch("cli-empty")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        guard let r = try journeys(["report", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs, "--history", dir + "/history.sqlite",
                                    "--period", "2026-W48", "--output", dir + "/out", "--quiet"], scratch: dir) else { return }
        #expect(r.status == 2)
        #expect(r.stderr == "journeys: error: plan: no data in 2026-W48: the inputs cover 2026-10-26 to 2026-11-22\n")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/2026-W48"))
    }

    @Test func extractWithAPipelineReadsAsTheReportDoes() throws {
        let dir = try PipelineFixtures.scratch("cli-extract")
        let fixture = ExportFixture(customers: 40)
        let logs = try ExportFixture.write(fixture.byCustomer)
        guard let r = try journeys(["extract", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs], scratch: dir) else { return }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("events: \(fixture.rows.count)\n"))
        #expect(r.stdout.contains("not in time order: sorted in memory"))

        // a mapping whose column the header lacks: named, exit 2
        let config = try PipelineFixtures.writeConfig(try String(contentsOfFile: PipelineFixtures.eventsConfig, encoding: .utf8)
            + "\ncsv:\n  time: event_time\n  type: event_type\n  device: visitor\n")
        let other = try PipelineFixtures.scratch("cli-extract-other")
        try "event_time,event_type,session\n2026-11-16 09:05:03 UTC,view,s-1\n".write(toFile: other + "/e.csv", atomically: true, encoding: .utf8)
        guard let bad = try journeys(["extract", "--pipeline", config, "--input", other], scratch: dir) else { return }
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("e.csv: the CSV header lacks the column visitor"), "\(bad.stderr)")
    }
}
