import Foundation
import Testing

/// What the `journeys` binary says when the system refuses a write: one line naming the path, no
/// Foundation error dump, and one exit code for one cause in every command.
@Suite(.serialized) struct CommandLineErrorsTests {
    func journeys(_ arguments: [String], scratch: String, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String)? {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        return try CrossProcessDeterminismTests.run(binary, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch].merging(environment) { $1 },
                                                    scratch: scratch)
    }

    /// One line, naming what failed, without Foundation's `Error Domain=` dump.
    func checkOneLine(_ stderr: String, _ what: String) {
        #expect(stderr.hasPrefix("journeys: error: "), "\(what): \(stderr)")
        #expect(stderr.filter { $0 == "\n" }.count == 1, "\(what): \(stderr)")
        #expect(!stderr.contains("Error Domain") && !stderr.contains("NSCocoaErrorDomain") && !stderr.contains("UserInfo"), "\(what): \(stderr)")
    }

    /// A temporary folder that cannot be used (missing, or a file where a folder should be) stops
    /// report, partial and history rebuild alike: exit 1, one line that names TMPDIR.
    @Test func anUnusableTMPDIRGivesOneExitCodeInEveryCommand() throws {
        let dir = try PipelineFixtures.scratch("cli-tmpdir")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        let notAFolder = dir + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: notAFolder))
        for tmp in ["/nonexistent", notAFolder] {
            let env = ["TMPDIR": tmp]
            let commands: [(String, [String])] = [
                ("report", ["report", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs, "--history", dir + "/h.sqlite",
                            "--period", "2026-W47", "--output", dir + "/out", "--quiet"]),
                ("partial", ["partial", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs, "--period", "2026-W47",
                             "--shard", "1/2", "--output", dir + "/p1"]),
                ("history rebuild", ["history", "rebuild", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs,
                                     "--history", dir + "/rebuild.sqlite"]),
            ]
            for (name, arguments) in commands {
                guard let r = try journeys(arguments, scratch: dir, environment: env) else { return }
                #expect(r.status == 1, "\(name) with TMPDIR=\(tmp): \(r.stderr)")
                checkOneLine(r.stderr, name)
                #expect(r.stderr.contains("TMPDIR"), "\(name): \(r.stderr)")
                #expect(r.stderr.contains(tmp), "\(name): \(r.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: dir + "/out/2026-W47"))
        }
    }

    /// An output folder that cannot be made or written: exit 1, one line naming it.
    @Test func anUnwritableOutputIsOneLine() throws {
        let dir = try PipelineFixtures.scratch("cli-output")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        let blocker = dir + "/blocker"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        guard let r = try journeys(["report", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs, "--history", dir + "/h.sqlite",
                                    "--period", "2026-W47", "--output", blocker + "/out", "--quiet"], scratch: dir) else { return }
        #expect(r.status == 1)
        checkOneLine(r.stderr, "report")
        #expect(r.stderr.contains(blocker + "/out"), "\(r.stderr)")
        #expect(r.stderr.contains("Not a directory"), "\(r.stderr)")

        // the same through merge: one line, exit 1
        guard let p = try journeys(["partial", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs, "--period", "2026-W47",
                                    "--shard", "1/1", "--output", dir + "/p1"], scratch: dir) else { return }
        #expect(p.status == 0, "\(p.stderr)")
        guard let m = try journeys(["merge", "--pipeline", PipelineFixtures.eventsConfig, dir + "/p1", "--history", dir + "/m.sqlite",
                                    "--output", blocker + "/merged", "--quiet"], scratch: dir) else { return }
        #expect(m.status == 1)
        checkOneLine(m.stderr, "merge")
        // a partial file that cannot be written
        guard let w = try journeys(["partial", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs, "--period", "2026-W47",
                                    "--shard", "1/1", "--output", blocker + "/p"], scratch: dir) else { return }
        #expect(w.status == 1)
        checkOneLine(w.stderr, "partial")
        #expect(w.stderr.contains(blocker + "/p"), "\(w.stderr)")
    }

    /// The history's own problems: inside the output folder (it would be published), or an empty
    /// file (not a new history): exit 2, one line that says what it is.
    @Test func aHistoryInTheOutputOrEmptyIsRefused() throws {
        let dir = try PipelineFixtures.scratch("cli-history")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        func report(history: String, output: String) throws -> (status: Int32, stdout: String, stderr: String)? {
            try journeys(["report", "--pipeline", PipelineFixtures.eventsConfig, "--input", logs, "--history", history,
                          "--period", "2026-W47", "--output", output, "--quiet"], scratch: dir)
        }
        guard let inside = try report(history: dir + "/out/history.sqlite", output: dir + "/out") else { return }
        #expect(inside.status == 2)
        checkOneLine(inside.stderr, "inside")
        #expect(inside.stderr.contains("inside the output folder"), "\(inside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/history.sqlite"))
        // through a symbolic link to the output folder too
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/out")
        guard let linked = try report(history: dir + "/link/history.sqlite", output: dir + "/out") else { return }
        #expect(linked.status == 2, "\(linked.stderr)")

        FileManager.default.createFile(atPath: dir + "/empty.sqlite", contents: Data())
        guard let empty = try report(history: dir + "/empty.sqlite", output: dir + "/out2") else { return }
        #expect(empty.status == 2)
        #expect(empty.stderr == "journeys: error: \(dir)/empty.sqlite: empty (0 bytes): not a journeys history; delete it to start a new one\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/empty.sqlite")).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out2/2026-W47"))

        // a hard link of the history inside the output folder would publish it under another name
        guard let first = try report(history: dir + "/h.sqlite", output: dir + "/out3") else { return }
        #expect(first.status == 0, "\(first.stderr)")
        #expect(link(dir + "/h.sqlite", dir + "/out3/2026-W47/h.sqlite") == 0)
        guard let hardLinked = try report(history: dir + "/h.sqlite", output: dir + "/out3") else { return }
        #expect(hardLinked.status == 2, "\(hardLinked.stderr)")
        #expect(hardLinked.stderr.contains("inside the output folder"), "\(hardLinked.stderr)")
    }
}
