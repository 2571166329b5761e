import Foundation
import Testing

/// `journeys map`, `key --binary` and `partial --stdin --binary` as separate processes, as the
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

    /// The frames `key --binary` writes: shard, length, records.
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

    @Test func slicesReadOnceGiveTheReportOfOne() throws {
        let dir = try PipelineFixtures.scratch("cli-slices")
        let log = dir + "/access.log"
        try StitchingFixture.write(to: log)
        let config = PipelineFixtures.weeklyConfig
        guard let one = try journeys(["report", "--pipeline", config, "--input", log, "--period", "2026-W47", "--output", dir + "/one",
                                      "--history", dir + "/one.sqlite", "--templates", PipelineFixtures.templates, "--quiet"], scratch: dir)
        else { return }
        #expect(one.status == 0, "\(one.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
        let lineCount = bytes.filter { $0 == 0x0A }.count

        // three slices of about a third of the bytes each
        let third = bytes.count / 3 + 1
        var slices: [Data] = []
        var pairs = ""
        for k in 0..<3 {
            guard let m = try journeys(["map", "--pipeline", config, "--period", "2026-W47", "--file", "0", "--path", log,
                                        "--range", "\(k * third):\((k + 1) * third)", "--pairs-output", dir + "/pairs-\(k).txt"], scratch: dir)
            else { return }
            #expect(m.status == 0, "\(m.stderr)")
            slices.append(m.stdout)
            pairs += try String(contentsOfFile: dir + "/pairs-\(k).txt", encoding: .utf8)
        }
        // every line read by exactly one slice; the bots and broken lines do not all travel
        #expect(slices.map(Self.linesRead).reduce(0, +) == lineCount)
        #expect(slices.map(\.count).reduce(0, +) < bytes.count + 100 * lineCount)
        try pairs.write(toFile: dir + "/pairs.txt", atomically: true, encoding: .utf8)

        var shards: [Data] = [Data(), Data()]
        var offset = 0
        for slice in slices {
            guard let k = try journeys(["key", "--binary", "--pairs", dir + "/pairs.txt", "--shards", "2", "--line-offset", "\(offset)"],
                                       scratch: dir, stdin: slice) else { return }
            #expect(k.status == 0, "\(k.stderr)")
            for f in Self.frames(k.stdout) { shards[f.shard] += f.records }
            offset += Self.linesRead(slice)
        }
        var partials: [String] = []
        for (s, records) in shards.enumerated() {
            let path = dir + "/p\(s).json"
            guard let p = try journeys(["partial", "--pipeline", config, "--period", "2026-W47", "--shard", "\(s + 1)/2", "--stdin", "--binary",
                                        "--pairs", dir + "/pairs.txt", "--output", path], scratch: dir, stdin: records) else { return }
            #expect(p.status == 0, "\(p.stderr)")
            partials.append(path)
        }
        guard let merged = try journeys(["merge", "--pipeline", config, "--output", dir + "/merged", "--history", dir + "/merged.sqlite",
                                         "--templates", PipelineFixtures.templates, "--quiet"] + partials, scratch: dir) else { return }
        #expect(merged.status == 0, "\(merged.stderr)")
        PartialMergeTests.expectSame(try ShardsTests.files(dir + "/one"), try ShardsTests.files(dir + "/merged"), "slices")

        // a shard's records given to the other shard: refused, named
        guard let wrong = try journeys(["partial", "--pipeline", config, "--period", "2026-W47", "--shard", "2/2", "--stdin", "--binary",
                                        "--pairs", dir + "/pairs.txt", "--output", dir + "/wrong.json"], scratch: dir, stdin: shards[0])
        else { return }
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("keyed to shard 1 came to shard 2"), "\(wrong.stderr)")
        // a slice cut short: refused, not keyed as if it were whole
        guard let cut = try journeys(["key", "--binary", "--pairs", dir + "/pairs.txt", "--shards", "2"], scratch: dir,
                                     stdin: slices[0].prefix(slices[0].count - 30)) else { return }
        #expect(cut.status != 0)
        #expect(cut.stderr.contains("<stdin>"), "\(cut.stderr)")
    }
}
