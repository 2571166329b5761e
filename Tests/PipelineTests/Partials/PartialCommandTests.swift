import Foundation
import Pipeline
import Testing

/// `journeys pairs`, `key`, `partial` and `merge` as separate processes, as a Spark job runs
/// them: lines through pipes, partial files between processes, the same report at the end.
@Suite(.serialized) struct PartialCommandTests {
    func journeys(_ arguments: [String], scratch: String, stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String)? {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        var args = arguments
        if let stdin {
            // through a shell, so the input arrives on a pipe
            let input = scratch + "/stdin-\(UInt32.random(in: 0...UInt32.max)).txt"
            try stdin.write(toFile: input, atomically: true, encoding: .utf8)
            args = ["-c", "exec \"$0\" \"$@\" < \(input)", binary] + arguments
            return try CrossProcessDeterminismTests.run("/bin/sh", args, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], scratch: scratch)
        }
        return try CrossProcessDeterminismTests.run(binary, args, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], scratch: scratch)
    }

    @Test func shardsInOtherProcessesGiveTheReportOfOne() throws {
        let dir = try PipelineFixtures.scratch("cli-partials")
        let log = dir + "/access.log"
        try StitchingFixture.write(to: log)
        let config = PipelineFixtures.weeklyConfig
        guard let one = try journeys(["report", "--pipeline", config, "--input", log, "--period", "2026-W47", "--output", dir + "/one",
                                      "--history", dir + "/one.sqlite", "--templates", PipelineFixtures.templates, "--quiet"], scratch: dir)
        else { return }
        #expect(one.status == 0, "\(one.stderr)")

        // the lines as records, the first pass, keying, then each shard from its records
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let records = lines.enumerated().map { "0\t\($0.offset + 1)\t\(Data($0.element.utf8).base64EncodedString())\t\(log)" }
        let copy = "0\t0\t\(Data(lines[0].utf8).base64EncodedString())\t\(log)"
        let input = ([copy] + records.reversed()).joined(separator: "\n") + "\n"
        guard let pairs = try journeys(["pairs", "--pipeline", config], scratch: dir, stdin: input) else { return }
        #expect(pairs.status == 0, "\(pairs.stderr)")
        #expect(pairs.stdout.hasPrefix("t "))
        try pairs.stdout.write(toFile: dir + "/pairs.txt", atomically: true, encoding: .utf8)
        guard let keyed = try journeys(["key", "--pipeline", config, "--pairs", dir + "/pairs.txt", "--shards", "2"], scratch: dir, stdin: input)
        else { return }
        #expect(keyed.status == 0, "\(keyed.stderr)")
        let out = keyed.stdout.split(separator: "\n")
        #expect(out.count == records.count + 2)
        var partials: [String] = []
        for shard in 0..<2 {
            let mine = out.filter { $0.hasPrefix("\(shard)\t") }.joined(separator: "\n") + "\n"
            let path = dir + "/p\(shard).json"
            guard let p = try journeys(["partial", "--pipeline", config, "--period", "2026-W47", "--shard", "\(shard + 1)/2", "--stdin",
                                        "--pairs", dir + "/pairs.txt", "--output", path], scratch: dir, stdin: mine) else { return }
            #expect(p.status == 0, "\(p.stderr)")
            partials.append(path)
        }
        guard let merged = try journeys(["merge", "--pipeline", config, "--output", dir + "/merged", "--history", dir + "/merged.sqlite",
                                         "--templates", PipelineFixtures.templates, "--quiet"] + partials, scratch: dir) else { return }
        #expect(merged.status == 0, "\(merged.stderr)")
        PartialMergeTests.expectSame(try ShardsTests.files(dir + "/one"), try ShardsTests.files(dir + "/merged"), "two processes")

        // a partial of another format version: exit 2, named, nothing published
        var old = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: partials[0]))) as! [String: Any]
        old["version"] = 1
        try JSONSerialization.data(withJSONObject: old).write(to: URL(fileURLWithPath: dir + "/old.json"))
        guard let refused = try journeys(["merge", "--pipeline", config, "--output", dir + "/refused", "--quiet", dir + "/old.json", partials[1]],
                                         scratch: dir) else { return }
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("old.json: partial file of format version 1; this journeys merges version \(PartialFile.currentVersion) only"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/refused/2026-W47"))
    }
}
