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
            let path = dir + "/p\(shard).json"
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
