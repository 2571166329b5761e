import Foundation
import Pipeline
import Testing

/// `journeys report --shards N`: the demo shop's two weeks as one plain log (the way a large
/// server log arrives), parsed by 1, 2, 3 and 8 threads in parts of 64 KiB, so that visits,
/// logins of one device as a customer and orders straddle the parts: the report folder is the
/// same, byte for byte.
@Suite(.serialized) struct ShardsTests {
    /// The demo logs decompressed and joined into one file in time order.
    static func plainLog() throws -> String {
        let (dir, _) = try PipelineFixtures.demoLogs()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("access.log") }
        // rotated files carry their day; a plain access.log is the newest
        let ordered = names.filter { $0 != "access.log" }.sorted() + names.filter { $0 == "access.log" }
        let out = try PipelineFixtures.scratch("plain") + "/all.log"
        FileManager.default.createFile(atPath: out, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        defer { try? handle.close() }
        for name in ordered {
            let path = dir + "/" + name
            if name.hasSuffix(".gz") {
                let gunzip = Process()
                gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
                gunzip.arguments = ["-dc", path]
                let pipe = Pipe()
                gunzip.standardOutput = pipe
                try gunzip.run()
                handle.write(pipe.fileHandleForReading.readDataToEndOfFile())
                gunzip.waitUntilExit()
            } else {
                handle.write(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
        return out
    }

    static func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for case let name as String in fm.enumerator(atPath: folder)! {
            var isDir: ObjCBool = false
            let path = folder + "/" + name
            if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { out[name] = try Data(contentsOf: URL(fileURLWithPath: path)) }
        }
        return out
    }

    @Test func anyNumberOfShardsWritesTheSameReport() throws {
        let log = try Self.plainLog()
        // many parts, or the test would read the file whole
        let size = try #require(FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
        #expect(size > 20 * 64 * 1024)
        var reports: [Int: [String: Data]] = [:]
        for shards in [1, 2, 3, 8] {
            let out = try PipelineFixtures.scratch("shards-\(shards)")
            var options = PipelineFixtures.options(logs: log, output: out, period: "2026-W47")
            options.shards = shards
            options.shardPartBytes = 64 * 1024
            _ = try ReportPipeline.run(options, environment: [:])
            reports[shards] = try Self.files(out)
        }
        let one = try #require(reports[1])
        #expect(one.keys.contains("2026-W47/report.json"))
        for shards in [2, 3, 8] {
            #expect(reports[shards]?.keys.sorted() == one.keys.sorted())
            for (name, data) in one { #expect(reports[shards]?[name] == data, "\(name) differs with \(shards) shards") }
        }
    }
}
