import Foundation
import Testing

/// The built `journeys` binary, run as separate processes, as `make report` runs it: two reports of
/// the same logs are the same bytes, file for file. Separate processes each get their own hash
/// seed, so any output that follows the order of a Set or a Dictionary shows up here even when
/// it never does within one test process. The second run also has another TZ and locale in its
/// environment: the report depends on the config's time zone and locale only.
@Suite(.serialized) struct CrossProcessDeterminismTests {
    /// The `journeys` executable of the build these tests belong to: beside the test bundle
    /// (`swift build --build-tests` builds both into one folder), else in `.build/debug/`.
    static func binary() -> String? {
        var candidates: [URL] = []
        if let test = Bundle.main.executableURL {
            var dir = test.deletingLastPathComponent()
            // On macOS the test executable sits inside `journeysPackageTests.xctest/Contents/MacOS/`.
            while dir.path.contains(".xctest") { dir.deleteLastPathComponent() }
            candidates.append(dir.appendingPathComponent("journeys"))
        }
        candidates.append(PipelineFixtures.repo.appendingPathComponent(".build/debug/journeys"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `journeys` with `arguments` in the repository's folder (the config's templates are
    /// relative to it) and only the environment given; its stdout and stderr go to files in `scratch`.
    static func run(_ binary: String, _ arguments: [String], environment: [String: String],
                    scratch: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let outPath = scratch + "/stdout-\(UInt32.random(in: 0...UInt32.max))", errPath = outPath + "-err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = PipelineFixtures.repo
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOfFile: outPath, encoding: .utf8),
                try String(contentsOfFile: errPath, encoding: .utf8))
    }

    /// Every regular file under `root`, hidden ones included, by path relative to `root`.
    static func files(under root: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return out }
        for case let relative as String in walker {
            let path = base + "/" + relative
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            out[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return out
    }

    @Test func twoProcessesWriteByteIdenticalReports() throws {
        guard let journeys = Self.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let dir = try PipelineFixtures.scratch("processes")
        let logs = dir + "/logs", first = dir + "/out1", second = dir + "/out2"
        let base = ["PATH": "/usr/bin:/bin", "HOME": dir, "JOURNEYS_PSEUDONYM_KEY": "cross-process-test-key"]

        let sample = try Self.run(journeys, ["sample", "--out", logs, "--weeks", "2", "--daily-visits", "300"], environment: base, scratch: dir)
        try #require(sample.status == 0, "journeys sample failed: \(sample.stderr)")

        let report = ["report", "--pipeline", PipelineFixtures.weeklyConfig, "--input", logs, "--quiet", "--output"]
        let utc = base.merging(["TZ": "UTC", "LANG": "C.UTF-8"]) { $1 }
        let newYork = base.merging(["TZ": "America/New_York", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"]) { $1 }
        // each run its own history, as two machines have
        let one = try Self.run(journeys, report + [first, "--history", dir + "/history1.sqlite"], environment: utc, scratch: dir)
        try #require(one.status == 0, "first journeys report failed: \(one.stderr)")
        try PipelineFixtures.checkSchema(output: first)
        let two = try Self.run(journeys, report + [second, "--history", dir + "/history2.sqlite"], environment: newYork, scratch: dir)
        try #require(two.status == 0, "second journeys report failed: \(two.stderr)")
        try PipelineFixtures.checkSchema(output: second)
        // Each run names its report, in its own output folder.
        #expect(one.stdout == first + "/2026-W47/index.html\n")
        #expect(two.stdout == second + "/2026-W47/index.html\n")

        let a = try Self.files(under: first), b = try Self.files(under: second)
        // Not two empty folders: the index, the page and its numbers are there.
        for file in ["index.html", "2026-W47/index.html", "2026-W47/report.json"] {
            #expect(a[file].map { !$0.isEmpty } == true, "\(file) missing or empty in the first run's output")
        }
        #expect(a.keys.sorted() == b.keys.sorted(), "the two runs wrote different files")
        for (file, bytes) in a.sorted(by: { $0.key < $1.key }) {
            guard let other = b[file] else { continue }
            #expect(bytes == other, "\(file) differs between two processes (\(bytes.count) and \(other.count) bytes)")
        }
    }
}
