import Foundation
import History
import Pipeline
import Testing

/// A run publishes all or nothing: a failure at any step of publishing leaves the output folder
/// and the history both as they were, or (once the history has committed) both as a finished run
/// leaves them; a run killed on the way is finished or undone by the next run.
@Suite(.serialized) struct AtomicPublishTests {
    /// Everything a run changes: the files beside and in the output folder (hidden ones too), and
    /// the history's rows.
    struct State: Equatable {
        var files: [String: Data]
        var history: [String]
    }

    /// A scratch folder with `out/` holding W46 and W47 (W47's page marked, so that a new W47 is
    /// told from the old) and `history.sqlite` holding both weeks (W47's snapshot marked too).
    static func before() throws -> (dir: String, logs: String) {
        let dir = try PipelineFixtures.scratch("atomic")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        for week in ["2026-W46", "2026-W47"] { _ = try ReportPipeline.run(options(dir, logs, week), environment: [:]) }
        let page = dir + "/out/2026-W47/index.html"
        try (try String(contentsOfFile: page, encoding: .utf8) + "<!-- published before -->\n").write(toFile: page, atomically: false, encoding: .utf8)
        let db = try SQLiteConnection(path: dir + "/history.sqlite")
        try db.execute("UPDATE kpi_snapshots SET kpis = '{}' WHERE period = '2026-W47'")
        return (dir, logs)
    }

    static func options(_ dir: String, _ logs: String, _ period: String, hook: PublishHook? = nil) -> RunOptions {
        var o = PipelineFixtures.exportOptions(logs: logs, output: dir + "/out", period: period)
        o.history = dir + "/history.sqlite"
        o.publishHook = hook
        return o
    }

    static func state(_ dir: String) throws -> State {
        let files = try CrossProcessDeterminismTests.files(under: dir).filter { !$0.key.hasPrefix("history.sqlite") && !$0.key.hasPrefix("stdout-") }
        let db = try SQLiteConnection(path: dir + "/history.sqlite")
        var rows: [String] = []
        for table in ["customers", "orders", "weekly_visits", "kpi_snapshots"] {
            let statement = try db.prepare("SELECT * FROM \(table)")
            rows += try statement.rows { s in table + ": " + (0..<s.columnCount).map { "\(s.value($0))" }.joined(separator: " ") }.sorted()
        }
        return State(files: files, history: rows)
    }

    /// A copy of the scratch folder, so that every case starts from the same state.
    static func copy(_ dir: String) throws -> String {
        let to = try PipelineFixtures.scratch("atomic-case")
        try FileManager.default.removeItem(atPath: to)
        try FileManager.default.copyItem(atPath: dir, toPath: to)
        return to
    }

    @Test func aFailureAtEveryStepLeavesBothBeforeOrBothAfter() throws {
        let (base, logs) = try Self.before()
        let before = try Self.state(base)
        let finished = try Self.copy(base)
        _ = try ReportPipeline.run(Self.options(finished, logs, "2026-W47"), environment: [:])
        let after = try Self.state(finished)
        #expect(before != after)
        #expect(before.files.keys.sorted() == after.files.keys.sorted(), "a finished run leaves nothing but the reports")
        #expect(before.history != after.history)

        struct Injected: Error {}
        for step in PublishStep.allCases {
            let dir = try Self.copy(base)
            let hook: PublishHook = { if $0 == step { throw Injected() } }
            do {
                _ = try ReportPipeline.run(Self.options(dir, logs, "2026-W47", hook: hook), environment: [:])
                // only a failure once the history has committed lets the run succeed
                #expect(step == .cleanUp, "a failure at \(step.rawValue) did not stop the run")
                #expect(try Self.state(dir) == after, "failing at \(step.rawValue)")
            } catch let error as StageError {
                #expect(error.underlying is Injected, "\(error)")
                #expect(try Self.state(dir) == before, "failing at \(step.rawValue)")
            }
        }
    }

    /// A run killed at any step (as by `kill -9`: nothing undone, the history's transaction left
    /// to SQLite) is finished or undone by the next run on the output, even one that then fails.
    @Test func theNextRunFinishesOrUndoesAKilledPublish() throws {
        let (base, logs) = try Self.before()
        let before = try Self.state(base)
        let finished = try Self.copy(base)
        _ = try ReportPipeline.run(Self.options(finished, logs, "2026-W47"), environment: [:])
        let after = try Self.state(finished)

        for step in PublishStep.allCases {
            let dir = try Self.copy(base)
            let hook: PublishHook = { if $0 == step { throw PublishInterrupted() } }
            do {
                _ = try ReportPipeline.run(Self.options(dir, logs, "2026-W47", hook: hook), environment: [:])
                #expect(step == .cleanUp)
            } catch {}
            let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".out.publish-") }
            #expect(left.count == 1, "a killed run leaves its staging folder beside the output (\(step.rawValue))")
            // the next run: it recovers under the locks, then finds no data in its period
            #expect(throws: StageError.self) {
                _ = try ReportPipeline.run(Self.options(dir, logs, "2020-W01"), environment: [:])
            }
            let now = try Self.state(dir)
            let expected = step == .cleanUp ? after : before
            #expect(now == expected, "killed at \(step.rawValue)")
        }
    }

    /// A real failure among the renames: the index cannot be replaced (a folder holds its name),
    /// so the period's folder, already moved, is moved back, and the history does not commit.
    @Test func anIndexThatCannotBeReplacedUndoesThePeriod() throws {
        let (base, logs) = try Self.before()
        try FileManager.default.removeItem(atPath: base + "/out/index.html")
        try FileManager.default.createDirectory(atPath: base + "/out/index.html/x", withIntermediateDirectories: true)
        let before = try Self.state(base)
        do {
            _ = try ReportPipeline.run(Self.options(base, logs, "2026-W47"), environment: [:])
            Issue.record("a run whose index cannot be written succeeded")
        } catch let error as StageError {
            #expect(error.stage == "publish")
            #expect(!"\(error)".contains("\n"))
        }
        #expect(try Self.state(base) == before)
    }

    /// A real failure of the history: its rollback journal cannot be made or read (a folder
    /// holds its name, as a read-only or damaged disk would refuse it): the run stops naming the
    /// history, and nothing is published.
    @Test func aHistoryThatCannotBeWrittenPublishesNothing() throws {
        let (base, logs) = try Self.before()
        let before = try Self.state(base)
        let journal = base + "/history.sqlite-journal"
        try FileManager.default.createDirectory(atPath: journal + "/x", withIntermediateDirectories: true)
        do {
            _ = try ReportPipeline.run(Self.options(base, logs, "2026-W47"), environment: [:])
            Issue.record("a run whose history cannot be written succeeded")
        } catch {
            #expect("\(error)".contains(base + "/history.sqlite"), "\(error)")
        }
        try FileManager.default.removeItem(atPath: journal)
        #expect(try Self.state(base) == before)
    }

    /// What older versions left inside the output folder after a crash is removed by the next
    /// run; a staging folder of the same output is not touched while its run holds the lock.
    @Test func staleStagingIsRemovedAndALiveRunsIsKept() throws {
        let dir = try PipelineFixtures.scratch("stale")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out + "/.staging-2026-W47-99999", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/.staging-2026-W47-99999/index.html"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/.index-99999.html"))
        try FileManager.default.createDirectory(atPath: dir + "/.out.publish-99999/2026-W47", withIntermediateDirectories: true)
        _ = try ReportPipeline.run(Self.options(dir, logs, "2026-W47"), environment: [:])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["2026-W47", "index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains("publish") }.isEmpty)

        // a run that holds the output's lock keeps its staging: the second run is refused before
        // it looks at anything
        let lockFile = dir + "/.out.lock"
        let lock = open(lockFile, O_CREAT | O_RDWR, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        try FileManager.default.createDirectory(atPath: dir + "/.out.publish-12345/2026-W47", withIntermediateDirectories: true)
        #expect(throws: PublishError.self) { _ = try ReportPipeline.run(Self.options(dir, logs, "2026-W47"), environment: [:]) }
        #expect(FileManager.default.fileExists(atPath: dir + "/.out.publish-12345/2026-W47"))
        flock(lock, LOCK_UN)
    }
}
