import Foundation
import Pipeline
import Testing

/// `journeys partial` and `merge` as separate processes, as shards on several machines run them:
/// partial files between processes, the same report at the end.
@Suite(.serialized) struct PartialCommandTests {
    func journeys(_ arguments: [String], scratch: String) throws -> (status: Int32, stdout: String, stderr: String)? {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        return try CrossProcessDeterminismTests.run(binary, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], scratch: scratch)
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

        // each shard reads the log itself and keeps its people's lines
        var partials: [String] = []
        for shard in 0..<2 {
            let path = dir + "/p\(shard).partial"
            guard let p = try journeys(["partial", "--pipeline", config, "--period", "2026-W47", "--shard", "\(shard + 1)/2", "--input", log,
                                        "--output", path], scratch: dir) else { return }
            #expect(p.status == 0, "\(p.stderr)")
            partials.append(path)
        }
        guard let merged = try journeys(["merge", "--pipeline", config, "--output", dir + "/merged", "--history", dir + "/merged.sqlite",
                                         "--templates", PipelineFixtures.templates, "--quiet"] + partials, scratch: dir) else { return }
        #expect(merged.status == 0, "\(merged.stderr)")
        PartialMergeTests.expectSame(try ShardsTests.files(dir + "/one"), try ShardsTests.files(dir + "/merged"), "two processes")

        // a partial of another format version: exit 2, named, nothing published
        var old = [UInt8](try Data(contentsOf: URL(fileURLWithPath: partials[0])))
        old[16] = 1
        try Data(old).write(to: URL(fileURLWithPath: dir + "/old.partial"))
        guard let refused = try journeys(["merge", "--pipeline", config, "--output", dir + "/refused", "--quiet", dir + "/old.partial", partials[1]],
                                         scratch: dir) else { return }
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("old.partial: partial file of format version 1; this journeys merges version \(PartialFile.currentVersion) only"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/refused/2026-W47"))
    }

    @Test func oneShardsPartialIsTheSameBytesInEveryProcess() throws {
        let dir = try PipelineFixtures.scratch("cli-partial-bytes")
        let logs = dir + "/logs"
        // each process its own hash seed: SWIFT_DETERMINISTIC_HASHING is not set
        let environment = ["PATH": "/usr/bin:/bin", "HOME": dir, "JOURNEYS_PSEUDONYM_KEY": "partial-bytes-test-key"]
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let sample = try CrossProcessDeterminismTests.run(binary, ["sample", "--out", logs, "--weeks", "2", "--daily-visits", "300"],
                                                          environment: environment, scratch: dir)
        try #require(sample.status == 0, "\(sample.stderr)")
        var files: [Data] = [], dumps: [String] = []
        for run in 0..<2 {
            let path = dir + "/run\(run).partial"
            let made = try CrossProcessDeterminismTests.run(binary, ["partial", "--pipeline", PipelineFixtures.weeklyConfig, "--period", "2026-W47",
                                                                     "--shard", "1/2", "--input", logs, "--output", path],
                                                            environment: environment, scratch: dir)
            try #require(made.status == 0, "\(made.stderr)")
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            let dump = try CrossProcessDeterminismTests.run(binary, ["partial-dump", path], environment: environment, scratch: dir)
            try #require(dump.status == 0, "\(dump.stderr)")
            dumps.append(dump.stdout)
        }
        #expect(files[0] == files[1], "two processes wrote different partials of one shard")
        #expect(dumps[0] == dumps[1])
        // hashed tables of many entries, whose order would differ between the processes
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dumps[0].utf8)) as? [String: Any])
        let history = try #require(json["history"] as? [String: Any])
        #expect(((history["visitWeeks"] as? [Any])?.count ?? 0) > 100)
        #expect(((history["customers"] as? [Any])?.count ?? 0) > 10)
    }
}
