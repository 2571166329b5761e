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

    /// More input files than the open-file limit: the merge opens a file when it reaches the
    /// file's first line and closes it after its last, so daily logs are never all open at once.
    @Test func moreFilesThanTheOpenFileLimitAreRead() throws {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let dir = try PipelineFixtures.scratch("cli-many-files")
        let logs = dir + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let count = 1_100
        for k in 0..<count {
            // One line a day from 2023-01-01: 1,100 files, none overlapping the next in time.
            let day = Date(timeIntervalSince1970: 1_672_531_200 + Double(k) * 86_400)
            let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: day)
            let d = (c.day! < 10 ? "0" : "") + "\(c.day!)/\(months[c.month! - 1])/\(c.year!)"
            let line = "203.0.113.\(k % 250) - - [\(d):10:00:00 +0000] \"GET /p\(k) HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n"
            try line.write(toFile: logs + String(format: "/access-%04d.log", k), atomically: false, encoding: .utf8)
        }
        // A soft limit of 256 open files, well below the inputs.
        let r = try CrossProcessDeterminismTests.run("/bin/sh", ["-c", "ulimit -n 256 && exec \"$0\" extract --input \"$1\"", binary, logs],
                                                     environment: ["PATH": "/usr/bin:/bin", "HOME": dir], scratch: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("events: 1,100\n"), "\(r.stdout)")
    }

    @Test func aFIFOOrDeviceAsInputIsRefusedInOneLine() throws {
        let dir = try PipelineFixtures.scratch("cli-fifo")
        let fifo = dir + "/pipe.log"
        #expect(mkfifo(fifo, 0o600) == 0)
        for input in [fifo, "/dev/zero"] {
            guard let r = try journeys(["report", "--pipeline", PipelineFixtures.eventsConfig, "--input", input, "--history", dir + "/history.sqlite",
                                        "--output", dir + "/out", "--quiet"], scratch: dir) else { return }
            #expect(r.status == 2)
            #expect(r.stderr.hasPrefix("journeys: error: plan: \(input): not a regular file ("), "\(r.stderr)")
            #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    /// Files that overlap in time are all open at once in the merge: the soft limit of open files
    /// is raised to the hard one when journeys starts.
    @Test func overlappingFilesBeyondTheSoftLimitAreRead() throws {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let dir = try PipelineFixtures.scratch("cli-overlapping-files")
        let logs = dir + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        for k in 0..<300 {
            let second = (k % 60 < 10 ? "0" : "") + "\(k % 60)"
            let line = "203.0.113.\(k % 250) - - [01/Jan/2023:10:00:\(second) +0000] \"GET /p\(k) HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n"
            try line.write(toFile: logs + "/server-\(k).log", atomically: false, encoding: .utf8)
        }
        // A soft limit of 100 under a hard limit that allows the 300 files (exit 77 when it does not).
        let script = "ulimit -S -n 100 && h=$(ulimit -H -n) && { [ \"$h\" = unlimited ] || [ \"$h\" -gt 400 ] || exit 77; } && exec \"$0\" extract --input \"$1\""
        let r = try CrossProcessDeterminismTests.run("/bin/sh", ["-c", script, binary, logs], environment: ["PATH": "/usr/bin:/bin", "HOME": dir], scratch: dir)
        if r.status == 77 { return }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("events: 300\n"), "\(r.stdout)")
    }
}
