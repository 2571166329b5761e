import ByteCoding
import Extract
import Foundation
import JourneysCore
import Pipeline
import Testing

/// The records between `journeys map`, `key` and `partial --stdin`: a slice's rejected, empty,
/// over-long and invalid lines are counted and sampled once, on the map side, as one process
/// counts them; records another process could have forged or cut stop the shard with a
/// one-line error naming them, never a crash and never a report.
@Suite(.serialized) struct SliceRecordsTests {
    /// A Combined log of the stitching fixture's week with lines a reader rejects spread over
    /// it: broken lines, empty lines, invalid UTF-8, a line over the limit, more than the report
    /// samples of each.
    static func damagedLog(in dir: String) throws -> String {
        let clean = dir + "/clean.log", log = dir + "/access.log"
        try StitchingFixture.write(to: clean)
        var lines = try Data(contentsOf: URL(fileURLWithPath: clean)).split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        lines.removeLast()
        var out = Data()
        for (n, line) in lines.enumerated() {
            out += line + Data([0x0A])
            switch n % 97 {
            case 13: out += Data([0x0A])
            case 29: out += Data("10.9.9.9 - - [17/Nov/2026:10:00:00 +0000] \"GET /caf\u{E9} HTTP/1.1\" 200 5 \"-\" \"".utf8) + Data([0xFF, 0xFE]) + Data("\"\n".utf8)
            case 61 where n < 400: out += Data("10.9.9.8 - - [17/Nov/2026:11:00:00 +0000] \"GET /long?x=".utf8) + Data(repeating: 0x61, count: 70_000) + Data(" HTTP/1.1\" 200 5 \"-\" \"Mozilla\"\n".utf8)
            default: break
            }
        }
        try out.write(to: URL(fileURLWithPath: log))
        return log
    }

    @Test func rejectedLinesAreCountedAndSampledOnceOnTheMapSide() throws {
        let dir = try PipelineFixtures.scratch("slice-records-damaged")
        let log = try Self.damagedLog(in: dir)
        let one = try PartialMergeTests.singleProcess(log, period: "2026-W47")
        let report = try String(decoding: #require(one["2026-W47/report.json"]), as: UTF8.self)
        for outcome in ["line_too_long", "invalid_utf8", "malformed"] { #expect(report.contains(outcome), "\(outcome)") }
        PartialMergeTests.expectSame(one, try PartialMergeTests.fromSlices(log, period: "2026-W47", shards: 2), "a damaged log in slices, 2 shards")
        PartialMergeTests.expectSame(one, try PartialMergeTests.fromSlices(log, period: "2026-W47", shards: 3), "a damaged log in slices, 3 shards")
    }

    /// The records of one kind in `records`, as (line, bytes).
    static func records(_ kind: UInt8, in records: [UInt8]) -> [(line: Int, bytes: [UInt8])] {
        var out: [(Int, [UInt8])] = []
        var at = 0
        func int(_ offset: Int, _ n: Int) -> Int { (0..<n).reduce(0) { $0 | Int(records[at + offset + $1]) << (8 * $1) } }
        while at < records.count {
            let length = int(21, 4)
            if records[at] == kind { out.append((int(5, 8), Array(records[(at + 25)..<(at + 25 + length)]))) }
            at += 25 + length
        }
        return out
    }

    /// The stitching fixture written as `dir`/access.log and read whole by the map side: its
    /// records and identity pairs.
    static func mappedFixture(in dir: String) throws -> (records: [UInt8], pairs: IdentityPairs) {
        let log = dir + "/access.log"
        try StitchingFixture.write(to: log)
        var records = [UInt8]()
        let pairs = try SliceMap.run(SliceMapOptions(pipeline: PipelineFixtures.weeklyConfig, period: "2026-W47", file: 0, path: log, read: log),
                                     environment: [:]) { out, _ in
            records += out
            out.removeAll(keepingCapacity: true)
        }
        return (records, pairs)
    }

    /// Each shard gets the strings its own events name, not the slice's whole table, and the
    /// slice's accounting goes to one shard only.
    @Test func eachShardGetsTheStringsOfItsEvents() throws {
        let dir = try PipelineFixtures.scratch("slice-records-strings")
        let (records, pairs) = try Self.mappedFixture(in: dir)
        // a table's first varint: its number of strings
        func tableCount(_ bytes: [UInt8]) throws -> Int {
            try bytes.withUnsafeBytes { raw in
                var r = ByteReader(bytes: raw)
                return Int(try r.varint())
            }
        }
        let slice = try #require(Self.records(2, in: records).first)
        let input = dir + "/slice.bin"
        try Data(records).write(to: URL(fileURLWithPath: input))
        var framed = Data()
        try SliceKeying.key(input: try openByteSource(path: input), source: input, keys: pairs.keys, shards: 3, lineOffset: 7) { framed += $0 }
        let frames = SliceMapCommandTests.frames(framed)
        #expect(frames.count == 3)
        var events = 0
        for f in frames {
            let shard = [UInt8](f.records)
            let table = try #require(Self.records(2, in: shard).first)
            #expect(try tableCount(table.bytes) < tableCount(slice.bytes), "shard \(f.shard + 1)")
            // every symbol of the shard's events is in its table
            let symbols = (0...(try tableCount(table.bytes))).map { Symbol(raw: UInt32($0)) }
            for block in Self.records(3, in: shard) {
                try block.bytes.withUnsafeBytes { raw in
                    var at = 0
                    while at < raw.count {
                        _ = try EventCodec.read(raw, at: &at, symbols: symbols)
                        events += 1
                    }
                }
            }
            let accounts = Self.records(4, in: shard)
            #expect(accounts.count == (f.shard == 0 ? 1 : 0))
            #expect(accounts.allSatisfy { $0.line == 7 })
        }
        var all = 0
        for block in Self.records(3, in: records) {
            try block.bytes.withUnsafeBytes { raw in
                var at = 0
                while at < raw.count { at = try EventCodec.skip(raw, at: at).end; all += 1 }
            }
        }
        #expect(events == all && all > 0)
    }

    /// An export out of time order, in slices: every shard sorts its rows because the whole
    /// file is out of order, as one process does (each slice sends the scan of its timestamps),
    /// so the report is one process's but for how many rows moved, which a shard counts among
    /// its own rows.
    @Test func aFileOutOfTimeOrderIsSortedAsOneProcessSortsIt() throws {
        let config = PipelineFixtures.eventsConfig
        let shuffled = try ExportFixture.write(ExportFixture().shuffled(seed: 5))
        func withoutMoved(_ files: [String: Data]) throws -> (String, [[String: Any]]) {
            var json = try JSONSerialization.jsonObject(with: try #require(files["2026-W47/report.json"])) as! [String: Any]
            var input = json["input"] as! [String: Any]
            let resorted = try #require(input.removeValue(forKey: "resorted") as? [[String: Any]])
            json["input"] = input
            return (try PipelineFixtures.canonical(json), resorted.map { var r = $0; r.removeValue(forKey: "moved"); return r })
        }
        let (one, oneSorted) = try withoutMoved(try PartialMergeTests.singleProcess(shuffled, period: "2026-W47", config: config))
        let (sliced, slicedSorted) = try withoutMoved(try PartialMergeTests.fromSlices(shuffled, period: "2026-W47", shards: 2, config: config))
        #expect(sliced == one)
        #expect(slicedSorted.count == oneSorted.count && !oneSorted.isEmpty)
        #expect(slicedSorted.map { $0["events"] as? Int } == oneSorted.map { $0["events"] as? Int })
    }

    // MARK: forged and cut records

    /// One record: kind, file, line, device, length (little-endian), bytes.
    static func record(_ kind: UInt8, file: UInt32 = 0, line: Int64 = 0, _ bytes: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = [kind]
        withUnsafeBytes(of: file.littleEndian) { out += $0 }
        withUnsafeBytes(of: line.littleEndian) { out += $0 }
        withUnsafeBytes(of: UInt64(0)) { out += $0 }
        withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { out += $0 }
        return out + bytes
    }

    /// A slice of one event whose path is symbol `path`, with a table of `strings` strings.
    static func slice(path: UInt32, strings: Int, survey: SurveyAnswer? = nil) -> [UInt8] {
        var table: [UInt8] = [UInt8(strings)]
        for k in 0..<strings { table += [2, 0x2F, 0x61 + UInt8(k)] }
        var events: [UInt8] = []
        var e = Event(time: StitchingFixture.monday + 3600, device: Pseudonym(raw: 77), path: Symbol(raw: path))
        e.deviceClass = .mobile
        e.survey = survey
        EventCodec.append(e, to: &events)
        return record(1, Array("access.log".utf8)) + record(3, events) + record(2, table) + record(5, line: 1)
    }

    /// The partial of shard 1 of 1 over `records`; the error's text, nil when it succeeds.
    func partialError(_ records: [UInt8], dir: String) throws -> String? {
        let input = dir + "/records-\(UInt32.random(in: 0...UInt32.max)).bin"
        try Data(records).write(to: URL(fileURLWithPath: input))
        var o = PartialOptions(pipeline: PipelineFixtures.weeklyConfig, period: "2026-W47", shard: 0, shards: 1)
        o.records = input
        o.pairs = dir + "/pairs.txt"
        do {
            _ = try PartialRun.run(o, environment: [:])
            return nil
        } catch {
            let text = "\(error)"
            #expect(!text.contains("\n"), "one line: \(text)")
            return text
        }
    }

    @Test func forgedAndCutRecordsStopTheShardWithOneLine() throws {
        let dir = try PipelineFixtures.scratch("slice-records-forged")
        try "t \(StitchingFixture.monday) \(StitchingFixture.monday + 86_400)\n".write(toFile: dir + "/pairs.txt", atomically: true, encoding: .utf8)
        // the genuine slice is read
        #expect(try partialError(Self.slice(path: 1, strings: 2), dir: dir) == nil)
        let cases: [(String, [UInt8], String)] = try [
            ("a symbol beyond the table", Self.slice(path: 5, strings: 2), "beyond its slice's table of 3"),
            ("a record of an unknown kind", Self.slice(path: 1, strings: 2) + Self.record(9), "unknown kind 9"),
            ("records cut short", Array(Self.slice(path: 1, strings: 2).dropLast(3)), "cut short"),
            ("a slice without its end", Array(Self.slice(path: 1, strings: 2).dropLast(25)), "end inside a slice"),
            ("a record before its file", Array(Self.slice(path: 1, strings: 2).dropFirst(35)), "outside a slice"),
            ("an event cut inside its block", Self.record(1, Array("access.log".utf8)) + Self.record(3, [1, 2, 3, 4, 5, 6, 7, 8, 40, 1])
                + Self.record(5, line: 1), "cut short"),
            ("a table cut short", Self.record(1, Array("access.log".utf8)) + Self.record(2, [3, 2, 0x2F]) + Self.record(5), "cut short"),
            ("a survey answer beyond the config's scale", Self.slice(path: 1, strings: 2, survey: SurveyAnswer(kind: .ces, score: 9)),
             "survey answer (ces 9)"),
            ("an accounting of more lines than a file holds", Self.record(1, Array("access.log".utf8))
                + Self.record(4, try CompactEncoderBytes.account(read: Int.max)) + Self.record(5), "out of range"),
            ("an accounting that is none", Self.record(1, Array("access.log".utf8)) + Self.record(4, [0xFF, 0xFF, 0xFF]) + Self.record(5),
             "a slice's accounting"),
        ]
        for (what, records, expected) in cases {
            let error = try partialError(records, dir: dir)
            #expect(error?.contains(expected) == true, "\(what): \(error ?? "no error")")
        }
    }

    /// A real slice's records with bytes changed: each change is refused or read, never a crash.
    @Test func changedBytesNeverCrashTheShard() throws {
        let dir = try PipelineFixtures.scratch("slice-records-fuzz")
        let (records, pairs) = try Self.mappedFixture(in: dir)
        try pairs.text.write(toFile: dir + "/pairs.txt", atomically: true, encoding: .utf8)
        // journeys key's frame for one shard: the records as they came, the accounting's offset 0
        #expect(try partialError(records, dir: dir) == nil)
        var rng = SplitMix64(seed: 23)
        for _ in 0..<40 {
            var changed = records
            let at = Int(rng.below(UInt64(changed.count)))
            changed[at] ^= UInt8(1 + rng.below(255))
            _ = try partialError(changed, dir: dir)
        }
    }
}

/// A slice's accounting as `journeys map` encodes it, with forged counts.
enum CompactEncoderBytes {
    struct Account: Codable {
        var read: Int
        var parsed: Int
        var outcomes: [String: Int]
        var samples: [Int]
    }

    static func account(read: Int) throws -> [UInt8] {
        try CompactEncoder().encode(Account(read: read, parsed: read, outcomes: [:], samples: []))
    }
}
