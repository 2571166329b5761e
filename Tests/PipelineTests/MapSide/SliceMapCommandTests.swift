import Foundation
import Testing

/// `journeys map`, `key` and `partial --stdin` as separate processes, as the
/// Spark job runs them: a log cut into byte slices, each read once, its records keyed by shard
/// and folded per shard; the merged report is the one-process report, byte for byte.
@Suite(.serialized) struct SliceMapCommandTests {
    /// Runs the binary with `stdin` (bytes) on a pipe; its standard output as bytes.
    func journeys(_ arguments: [String], scratch: String, stdin: Data = Data()) throws -> (status: Int32, stdout: Data, stderr: String)? {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let tag = UInt32.random(in: 0...UInt32.max)
        let input = scratch + "/stdin-\(tag)", output = scratch + "/stdout-\(tag)"
        try stdin.write(to: URL(fileURLWithPath: input))
        let r = try CrossProcessDeterminismTests.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" < \(input) > \(output)", binary] + arguments,
                                                     environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], scratch: scratch)
        return (r.status, try Data(contentsOf: URL(fileURLWithPath: output)), r.stderr)
    }

    /// The number of lines a slice read: the line field of its last record (the slice's end).
    static func linesRead(_ records: Data) -> Int {
        let at = records.count - 25 + 5
        return (0..<8).reduce(0) { $0 | Int(records[records.startIndex + at + $1]) << (8 * $1) }
    }

    /// The frames `key` writes: shard, length, records.
    static func frames(_ data: Data) -> [(shard: Int, records: Data)] {
        var out: [(Int, Data)] = []
        var at = data.startIndex
        func int(_ n: Int) -> Int { (0..<n).reduce(0) { $0 | Int(data[at + $1]) << (8 * $1) } }
        while at < data.endIndex {
            let shard = int(4)
            at += 4
            let length = int(8)
            at += 8
            out.append((shard, data[at..<(at + length)]))
            at += length
        }
        return out
    }

    /// The report of `log` made by slices (`ranges`: nominal byte ranges; nil: the whole file) and
    /// two shards; nil when the binary is missing. Checks every line is read by one slice.
    func sliced(_ log: String, ranges: [(Int, Int)?], lines: Int, dir: String, config: String) throws
        -> (report: String, slices: [Data], shards: [Data])? {
        var slices: [Data] = []
        var pairs = ""
        for (k, range) in ranges.enumerated() {
            guard let m = try journeys(["map", "--pipeline", config, "--period", "2026-W47", "--file", "0", "--path", log,
                                        "--pairs-output", dir + "/pairs-\(k).txt"] + (range.map { ["--range", "\($0.0):\($0.1)"] } ?? []),
                                       scratch: dir) else { return nil }
            #expect(m.status == 0, "\(m.stderr)")
            slices.append(m.stdout)
            pairs += try String(contentsOfFile: dir + "/pairs-\(k).txt", encoding: .utf8)
        }
        #expect(slices.map(Self.linesRead).reduce(0, +) == lines)
        try pairs.write(toFile: dir + "/pairs.txt", atomically: true, encoding: .utf8)

        var shards: [Data] = [Data(), Data()]
        var offset = 0
        for slice in slices {
            guard let k = try journeys(["key", "--pairs", dir + "/pairs.txt", "--shards", "2", "--line-offset", "\(offset)"],
                                       scratch: dir, stdin: slice) else { return nil }
            #expect(k.status == 0, "\(k.stderr)")
            for f in Self.frames(k.stdout) { shards[f.shard] += f.records }
            offset += Self.linesRead(slice)
        }
        var partials: [String] = []
        for (s, records) in shards.enumerated() {
            let path = dir + "/p\(s).json"
            guard let p = try journeys(["partial", "--pipeline", config, "--period", "2026-W47", "--shard", "\(s + 1)/2", "--stdin",
                                        "--pairs", dir + "/pairs.txt", "--output", path], scratch: dir, stdin: records) else { return nil }
            #expect(p.status == 0, "\(p.stderr)")
            partials.append(path)
        }
        guard let merged = try journeys(["merge", "--pipeline", config, "--output", dir + "/merged", "--history", dir + "/merged.sqlite",
                                         "--templates", PipelineFixtures.templates, "--quiet"] + partials, scratch: dir) else { return nil }
        #expect(merged.status == 0, "\(merged.stderr)")
        return (dir + "/merged", slices, shards)
    }

    func oneProcess(_ log: String, dir: String, config: String) throws -> String? {
        guard let one = try journeys(["report", "--pipeline", config, "--input", log, "--period", "2026-W47", "--output", dir + "/one",
                                      "--history", dir + "/one.sqlite", "--templates", PipelineFixtures.templates, "--quiet"], scratch: dir)
        else { return nil }
        #expect(one.status == 0, "\(one.stderr)")
        return dir + "/one"
    }

    @Test func slicesReadOnceGiveTheReportOfOne() throws {
        let dir = try PipelineFixtures.scratch("cli-slices")
        let log = dir + "/access.log"
        try StitchingFixture.write(to: log)
        let config = PipelineFixtures.weeklyConfig
        guard let one = try oneProcess(log, dir: dir, config: config) else { return }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
        let lineCount = bytes.filter { $0 == 0x0A }.count
        // three slices of about a third of the bytes each
        let third = bytes.count / 3 + 1
        guard let (merged, lastSlices, lastShards) = try sliced(log, ranges: (0..<3).map { ($0 * third, ($0 + 1) * third) }, lines: lineCount,
                                                                dir: dir, config: config)
        else { return }
        PartialMergeTests.expectSame(try ShardsTests.files(one), try ShardsTests.files(merged), "slices")
        // the lines only counted do not travel: less than the log and a record header per line
        #expect(lastSlices.map(\.count).reduce(0, +) < bytes.count + 25 * lineCount)

        // a shard's records given to the other shard: refused, named
        guard let wrong = try journeys(["partial", "--pipeline", config, "--period", "2026-W47", "--shard", "2/2", "--stdin",
                                        "--pairs", dir + "/pairs.txt", "--output", dir + "/wrong.json"], scratch: dir, stdin: lastShards[0])
        else { return }
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("keyed to shard 1 came to shard 2"), "\(wrong.stderr)")
        // a slice cut short: refused, not keyed as if it were whole
        guard let cut = try journeys(["key", "--pairs", dir + "/pairs.txt", "--shards", "2"], scratch: dir,
                                     stdin: lastSlices[0].prefix(lastSlices[0].count - 30)) else { return }
        #expect(cut.status != 0)
        #expect(cut.stderr.contains("<stdin>"), "\(cut.stderr)")
    }

    /// A gzip file that ends early, read whole by one slice: its damage and its truncated last
    /// line are in the report as one process reports them.
    @Test func damagedGzipSliceGivesTheReportOfOne() throws {
        let dir = try PipelineFixtures.scratch("cli-slices-gzip")
        let plain = dir + "/plain.log"
        try StitchingFixture.write(to: plain)
        let lineCount = try Data(contentsOf: URL(fileURLWithPath: plain)).filter { $0 == 0x0A }.count
        let whole = dir + "/whole.log.gz", log = dir + "/access.log.gz"
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/bin/sh")
        zip.arguments = ["-c", "gzip -c \"$0\" > \"$1\"", plain, whole]
        try zip.run()
        zip.waitUntilExit()
        let compressed = try Data(contentsOf: URL(fileURLWithPath: whole))
        try compressed.prefix(compressed.count * 3 / 4).write(to: URL(fileURLWithPath: log))
        let config = PipelineFixtures.weeklyConfig
        guard let one = try oneProcess(log, dir: dir, config: config) else { return }
        let report = try String(contentsOfFile: one + "/2026-W47/report.json", encoding: .utf8)
        #expect(report.contains("truncated"))
        // the lines of a cut file: fewer than the whole file's, as many as one process read
        guard let (merged, _, _) = try sliced(log, ranges: [nil], lines: linesRead(log, dir: dir, config: config, whole: lineCount),
                                              dir: dir, config: config)
        else { return }
        PartialMergeTests.expectSame(try ShardsTests.files(one), try ShardsTests.files(merged), "a damaged gzip slice")
    }

    /// The lines one slice of the whole damaged file reads (its end record's count): fewer than
    /// the whole file's `whole`.
    func linesRead(_ log: String, dir: String, config: String, whole: Int) throws -> Int {
        guard let m = try journeys(["map", "--pipeline", config, "--period", "2026-W47", "--file", "0", "--path", log,
                                    "--pairs-output", dir + "/count-pairs.txt"], scratch: dir) else { return whole }
        let n = Self.linesRead(m.stdout)
        #expect(n > 0 && n < whole)
        return n
    }
}
