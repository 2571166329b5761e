import DemoShop
import Extract
import Foundation
import Pipeline
import Testing

/// `journeys partial` + `journeys merge`: the report of N shards' partials is the one-process
/// report, byte for byte, whether each shard reads the files itself or gets its records from
/// slices read once and keyed (as a Spark job delivers them).
@Suite(.serialized) struct PartialMergeTests {
    static func singleProcess(_ logs: String, period: String, config: String = PipelineFixtures.weeklyConfig) throws -> [String: Data] {
        let out = try PipelineFixtures.scratch("one-process")
        _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out, period: period, config: config), environment: [:])
        return try ShardsTests.files(out)
    }

    /// Each shard reads the inputs and keeps its people's lines.
    static func fromFiles(_ logs: String, period: String, shards: Int, config: String = PipelineFixtures.weeklyConfig) throws -> [String: Data] {
        let dir = try PipelineFixtures.scratch("partials-\(shards)")
        var paths: [String] = []
        for i in 0..<shards {
            var o = PartialOptions(pipeline: config, period: period, shard: i, shards: shards)
            o.inputs = [logs]
            let path = "\(dir)/p\(i).partial"
            try PartialRun.run(o, environment: [:]).encoded().write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return try merge(paths, name: "merged-\(shards)", period: period, config: config)
    }

    static func merge(_ paths: [String], name: String, period: String, config: String = PipelineFixtures.weeklyConfig) throws -> [String: Data] {
        let out = try PipelineFixtures.scratch(name)
        _ = try ReportPipeline.merge(PipelineFixtures.exportOptions(logs: "", output: out, period: period, config: config),
                                     partials: paths.reversed(), environment: [:])
        return try ShardsTests.files(out)
    }

    /// As a Spark job runs them, in one process: each file's slices read once into records
    /// (`SliceMap`: a plain file in two byte ranges, a gzip file whole), put in their shards
    /// (`SliceKeying`), then each shard's frames, in slice order, read by its partial.
    static func fromSlices(_ logs: String, period: String, shards: Int, config: String = PipelineFixtures.weeklyConfig) throws -> [String: Data] {
        let dir = try PipelineFixtures.scratch("slices-\(shards)")
        var slices: [(records: [UInt8], lineOffset: Int)] = []
        var pairs = ""
        for (i, path) in try InputFiles.resolve([logs]).enumerated() {
            let size = try Data(contentsOf: URL(fileURLWithPath: path))
            let ranges: [(from: Int, to: Int)?] = size.starts(with: [0x1F, 0x8B]) ? [nil] : [(0, size.count / 2), (size.count / 2, size.count)]
            var offset = 0
            for range in ranges {
                var o = SliceMapOptions(pipeline: config, period: period, file: i, path: path, read: path)
                o.range = range
                var records = [UInt8]()
                pairs += try SliceMap.run(o, environment: [:]) { out, _ in
                    records += out
                    out.removeAll(keepingCapacity: true)
                }.text
                slices.append((records, offset))
                offset += SliceMapCommandTests.linesRead(Data(records))
            }
        }
        let pairsPath = "\(dir)/pairs.txt"
        try pairs.write(toFile: pairsPath, atomically: true, encoding: .utf8)
        let keys = try IdentityPairs.parse(pairs, source: pairsPath).keys
        var byShard = Array(repeating: Data(), count: shards)
        for (k, slice) in slices.enumerated() {
            let input = "\(dir)/slice-\(k).bin"
            try Data(slice.records).write(to: URL(fileURLWithPath: input))
            var framed = Data()
            try SliceKeying.key(input: try openByteSource(path: input), source: input, keys: keys, shards: shards,
                                lineOffset: slice.lineOffset) { framed += $0 }
            for f in SliceMapCommandTests.frames(framed) { byShard[f.shard] += f.records }
        }
        var paths: [String] = []
        for i in 0..<shards {
            let keyed = "\(dir)/keyed-\(i).bin"
            try byShard[i].write(to: URL(fileURLWithPath: keyed))
            var o = PartialOptions(pipeline: config, period: period, shard: i, shards: shards)
            o.records = keyed
            o.pairs = pairsPath
            let path = "\(dir)/p\(i).partial"
            try PartialRun.run(o, environment: [:]).encoded().write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return try merge(paths, name: "slices-merged-\(shards)", period: period, config: config)
    }

    static func expectSame(_ a: [String: Data], _ b: [String: Data], _ what: String) {
        #expect(a.keys.sorted() == b.keys.sorted(), "\(what): other files")
        for (name, data) in a { #expect(b[name] == data, "\(name) differs: \(what)") }
    }

    @Test func demoShopPartialsMergeToTheOneProcessReport() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let one = try Self.singleProcess(logs, period: "2026-W47")
        #expect(one.keys.contains("2026-W47/report.json"))
        for shards in [1, 2, 3, 8] {
            Self.expectSame(one, try Self.fromFiles(logs, period: "2026-W47", shards: shards), "\(shards) shards from files")
        }
        Self.expectSame(one, try Self.fromSlices(logs, period: "2026-W47", shards: 3), "3 shards from slices")
    }

    @Test func stitchedPeopleStayWholeAcrossShards() throws {
        let dir = try PipelineFixtures.scratch("stitching")
        let log = dir + "/access.log"
        try StitchingFixture.write(to: log)
        let one = try Self.singleProcess(log, period: "2026-W47")
        let report = try JSONSerialization.jsonObject(with: try #require(one["2026-W47/report.json"])) as? [String: Any]
        let kpis = try #require(report?["kpis"] as? [String: Any])
        // alice's laptop and phone are one visitor, so are bob's phone and his logins on the
        // family computer; carol, the computer's anonymous visit, the two devices of one order
        // and the 240 others are one each; the order confirmed twice counts once
        func value(_ id: String) -> Double? { (kpis[id] as? [String: Any])?["value"] as? Double }
        #expect(value("visitors") == 246)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let orderIDs = Set(text.split(separator: "\n").compactMap { line -> Substring? in
            guard let r = line.range(of: "order=") else { return nil }
            return line[r.upperBound...].prefix { $0 != "&" }
        })
        #expect(value("orders") == Double(orderIDs.count))
        for shards in [2, 3, 8] {
            // in one process: the people folded on N threads, a bucket of them at a time
            let out = try PipelineFixtures.scratch("stitching-threads-\(shards)")
            var options = PipelineFixtures.options(logs: log, output: out, period: "2026-W47")
            options.shards = shards
            _ = try ReportPipeline.run(options, environment: [:])
            Self.expectSame(one, try ShardsTests.files(out), "stitching, \(shards) threads in one process")
            Self.expectSame(one, try Self.fromFiles(log, period: "2026-W47", shards: shards), "stitching, \(shards) shards from files")
            Self.expectSame(one, try Self.fromSlices(log, period: "2026-W47", shards: shards), "stitching, \(shards) shards from slices")
        }
    }

    /// A gzip file that ends early (a copy taken mid-rotation): every shard's account says the
    /// file is damaged, and the shard that holds the unterminated last line rejects it as
    /// `truncated`, as one reader does.
    @Test func damagedGzipPartialsMergeToTheOneProcessReport() throws {
        let dir = try PipelineFixtures.scratch("damaged-gzip")
        let plain = dir + "/plain.log"
        try StitchingFixture.write(to: plain)
        // a last line long and varied enough that half of its member still inflates to part of it
        var tail = "10.9.9.9 - - [20/Nov/2026:10:09:03 +0000] \"GET /tail?"
        var x: UInt64 = 11
        for _ in 0..<300 { x = x &* 6364136223846793005 &+ 1442695040888963407; tail += String(x >> 40, radix: 36) }
        tail += " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n"
        let head = dir + "/head.gz", last = dir + "/last.gz"
        try GzipFileWriter.write(Array(try Data(contentsOf: URL(fileURLWithPath: plain))), to: head)
        try GzipFileWriter.write(Array(tail.utf8), to: last)
        let lastMember = try Data(contentsOf: URL(fileURLWithPath: last))
        let log = dir + "/access.log.gz"
        try (try Data(contentsOf: URL(fileURLWithPath: head)) + lastMember.prefix(lastMember.count / 2)).write(to: URL(fileURLWithPath: log))
        for file in [plain, head, last] { try FileManager.default.removeItem(atPath: file) }

        let one = try Self.singleProcess(log, period: "2026-W47")
        let report = try JSONSerialization.jsonObject(with: try #require(one["2026-W47/report.json"])) as? [String: Any]
        let text = String(decoding: try #require(one["2026-W47/report.json"]), as: UTF8.self)
        #expect(text.contains("truncated"))
        #expect(text.contains("gzip data ends early"))
        #expect(report != nil)
        for shards in [2, 3] {
            Self.expectSame(one, try Self.fromFiles(log, period: "2026-W47", shards: shards), "damaged gzip, \(shards) shards from files")
        }
    }

    /// A CSV export: its header is line 1 of one shard's share only, yet every shard reads the
    /// file's format from it. Rows out of time order are sorted within each shard; only the
    /// note of how many rows moved differs then, since a shard sees its own rows' places.
    @Test func csvExportPartialsMergeToTheOneProcessReport() throws {
        let config = PipelineFixtures.eventsConfig
        let sorted = try ExportFixture.write(ExportFixture().byTime)
        let one = try Self.singleProcess(sorted, period: "2026-W47", config: config)
        #expect(one.keys.contains("2026-W47/report.json"))
        Self.expectSame(one, try Self.fromFiles(sorted, period: "2026-W47", shards: 3, config: config), "CSV, 3 shards from files")
        Self.expectSame(one, try Self.fromSlices(sorted, period: "2026-W47", shards: 2, config: config), "CSV, 2 shards from slices")

        let shuffled = try ExportFixture.write(ExportFixture().shuffled(seed: 3))
        func withoutResortNote(_ files: [String: Data]) throws -> String {
            var json = try JSONSerialization.jsonObject(with: try #require(files["2026-W47/report.json"])) as! [String: Any]
            var input = json["input"] as! [String: Any]
            #expect(input.removeValue(forKey: "resorted") != nil)
            json["input"] = input
            return try PipelineFixtures.canonical(json)
        }
        let oneShuffled = try withoutResortNote(try Self.singleProcess(shuffled, period: "2026-W47", config: config))
        #expect(try withoutResortNote(try Self.fromFiles(shuffled, period: "2026-W47", shards: 3, config: config)) == oneShuffled)
    }

    /// A CSV export whose header is not on line 1 (blank lines before it): every shard reads
    /// the format from the first non-empty line and skips that line as the header, wherever it
    /// lands, as one reader does.
    @Test func csvExportWithBlankLinesBeforeItsHeader() throws {
        let config = PipelineFixtures.eventsConfig
        let export = try ExportFixture.write(ExportFixture().byTime) + "/export.csv"
        let padded = try PipelineFixtures.scratch("padded-export") + "/export.csv"
        try (Data("\n\n".utf8) + Data(contentsOf: URL(fileURLWithPath: export))).write(to: URL(fileURLWithPath: padded))
        let one = try Self.singleProcess(padded, period: "2026-W47", config: config)
        // the same events as the export without blank lines: the header was read as one
        let plain = try Self.singleProcess(export, period: "2026-W47", config: config)
        let kpis = { (files: [String: Data]) throws -> String in
            let report = try JSONSerialization.jsonObject(with: try #require(files["2026-W47/report.json"])) as! [String: Any]
            return try PipelineFixtures.canonical(try #require(report["kpis"] as? [String: Any]))
        }
        #expect(try kpis(one) == kpis(plain))
        for shards in [2, 3] {
            Self.expectSame(one, try Self.fromFiles(padded, period: "2026-W47", shards: shards, config: config), "CSV after blank lines, \(shards) shards from files")
            Self.expectSame(one, try Self.fromSlices(padded, period: "2026-W47", shards: shards, config: config), "CSV after blank lines, \(shards) shards from slices")
        }
    }

    @Test func refusesPartialsThatDoNotBelongTogether() throws {
        let dir = try PipelineFixtures.scratch("refuse")
        let log = dir + "/access.log"
        try StitchingFixture.write(to: log)
        var o = PartialOptions(pipeline: PipelineFixtures.weeklyConfig, period: "2026-W47", shard: 0, shards: 2)
        o.inputs = [log]
        let partial = try PartialRun.run(o, environment: [:])
        let first = dir + "/p0.partial"
        try partial.encoded().write(to: URL(fileURLWithPath: first))

        // a JSON partial, as format versions up to 4 were written
        var old = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(partial)) as! [String: Any]
        old["version"] = 4
        let oldPath = dir + "/old.json"
        try JSONSerialization.data(withJSONObject: old).write(to: URL(fileURLWithPath: oldPath))
        #expect {
            _ = try PartialFile.read(oldPath)
        } throws: { error in
            "\(error)" == "\(oldPath): partial file of format version 4 (JSON); this journeys merges version \(PartialFile.currentVersion) (binary) only: make the partials again with this journeys"
        }
        // a binary partial of another version (its header's 4 bytes after the format's name)
        var other0 = [UInt8](try partial.encoded())
        other0[16] = 9
        let otherVersion = dir + "/v9.partial"
        try Data(other0).write(to: URL(fileURLWithPath: otherVersion))
        #expect {
            _ = try PartialFile.read(otherVersion)
        } throws: { error in
            "\(error)".hasPrefix("\(otherVersion): partial file of format version 9; this journeys merges version \(PartialFile.currentVersion) only")
        }
        // a shard missing
        #expect {
            _ = try PartialMergeTests.merge([first], name: "refuse-missing", period: "2026-W47")
        } throws: { "\($0)".contains("shard 2/2 of 2026-W47 is missing") }
        // the same shard twice
        #expect {
            _ = try PartialMergeTests.merge([first, first], name: "refuse-twice", period: "2026-W47")
        } throws: { "\($0)".contains("given twice") }
        // another config
        var other = partial
        other.config = "0000000000000000"
        other.shard = 1
        let otherPath = dir + "/p1.partial"
        try other.encoded().write(to: URL(fileURLWithPath: otherPath))
        #expect {
            _ = try PartialMergeTests.merge([first, otherPath], name: "refuse-config", period: "2026-W47")
        } throws: { "\($0)".contains("another pipeline config") }
    }
}

