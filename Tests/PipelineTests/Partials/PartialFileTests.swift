import Foundation
import Pipeline
import Testing

/// The partial file's bytes: the layout docs/partial-format.md describes, read back to the same
/// bytes, its JSON for people, and files that are cut, changed or forged refused with one line
/// naming the file.
@Suite(.serialized) struct PartialFileTests {
    static func partial() throws -> (PartialFile, [UInt8], String) {
        let dir = try PipelineFixtures.scratch("partial-file")
        let log = dir + "/access.log"
        try StitchingFixture.write(to: log)
        var o = PartialOptions(pipeline: PipelineFixtures.weeklyConfig, period: "2026-W47", shard: 0, shards: 2)
        o.inputs = [log]
        let partial = try PartialRun.run(o, environment: [:])
        return (partial, [UInt8](try partial.encoded()), dir)
    }

    /// CRC-32 as zlib computes it (reflected, polynomial 0xEDB88320), written from its definition.
    static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func littleEndian(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    /// `body` between a version 5 header and a correct checksum.
    static func file(body: [UInt8]) -> [UInt8] {
        let head = Array("journeys-partial".utf8) + littleEndian(UInt32(PartialFile.currentVersion)) + body
        return head + littleEndian(crc32(head))
    }

    /// Reads the body as docs/partial-format.md describes it, written from the document.
    struct Body {
        let bytes: [UInt8]
        var at = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func varint() -> Int {
            var v = 0, shift = 0
            while true {
                let b = Int(bytes[at])
                at += 1
                v |= (b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
            }
        }

        mutating func keyTable() -> [String] {
            (0..<varint()).map { _ in
                let n = varint()
                defer { at += n }
                return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
            }
        }
    }

    static func error(_ bytes: [UInt8], in dir: String, name: String) throws -> String {
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try PartialFile.read(path)
            return "read without an error"
        } catch {
            return "\(error)"
        }
    }

    @Test func hasTheDocumentedHeaderAndChecksumAndReadsBackToTheSameBytes() throws {
        let (_, bytes, _) = try Self.partial()
        #expect(Array(bytes[..<16]) == Array("journeys-partial".utf8))
        #expect(Array(bytes[16..<20]) == Self.littleEndian(5))
        #expect(Array(bytes.suffix(4)) == Self.littleEndian(Self.crc32(bytes.dropLast(4))))
        // the body begins with the key table; its first name is PartialFile's first field
        var body = Body(Array(bytes[20..<(bytes.count - 4)]))
        let names = body.keyTable()
        #expect(names.count > 10 && names.first == "format" && names.contains("visitWeeks"))
        #expect(body.varint() == 1 && body.varint() == 16)
        let read = try PartialFile.decode(Data(bytes), source: "p")
        #expect([UInt8](try read.encoded()) == bytes)
        #expect(read.shard == 0 && read.shards == 2 && read.period == "2026-W47")
    }

    @Test func cutOrChangedFilesAreRefusedNamingTheFile() throws {
        let (_, bytes, dir) = try Self.partial()
        for cut in [0, 10, 19, 23, 24, bytes.count / 2, bytes.count - 1] {
            let message = try Self.error(Array(bytes[..<cut]), in: dir, name: "cut-\(cut).partial")
            #expect(message.hasPrefix(dir + "/cut-\(cut).partial: "), "\(message)")
            #expect(message.contains("damaged partial file") || message.contains("not a journeys partial file"), "\(message)")
            #expect(!message.contains("\n"))
        }
        var changed = bytes
        changed[bytes.count / 2] ^= 0x04
        #expect(try Self.error(changed, in: dir, name: "changed.partial")
                == dir + "/changed.partial: damaged partial file: its checksum does not match its bytes (cut short or changed since it was written)")
        #expect(try Self.error(Array("hello".utf8), in: dir, name: "hello.partial")
                == dir + "/hello.partial: not a journeys partial file (expected it to begin with \"journeys-partial\")")
    }

    @Test func forgedLengthsWithAMatchingChecksumAreRefusedAsDamaged() throws {
        let (_, bytes, dir) = try Self.partial()
        // a key table of 2^35 names
        let huge = try Self.error(Self.file(body: [0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 1, 0x61]), in: dir, name: "table.partial")
        #expect(huge == dir + "/table.partial: damaged partial file: at byte 20: a length of 34359738368 where only 2 bytes are left", "\(huge)")
        // the first field's string ("journeys-partial") said to be 2^62 bytes long
        var reader = Body(Array(bytes[20..<(bytes.count - 4)]))
        _ = reader.keyTable()
        #expect(reader.varint() == 1)   // the field `format`
        let lengthAt = reader.at
        #expect(reader.varint() == 16)
        let body = reader.bytes, at = reader.at
        let forged = Array(body[..<lengthAt]) + [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40] + Array(body[at...])
        let message = try Self.error(Self.file(body: forged), in: dir, name: "string.partial")
        #expect(message.hasPrefix(dir + "/string.partial: damaged partial file: at byte \(20 + lengthAt): a length of 4611686018427387904 where only"), "\(message)")
        // a header that says another format than the fields
        let renamed = Array(body[..<lengthAt]) + [0x10] + Array("journeys-partiam".utf8) + Array(body[(at + 16)...])
        let other = try Self.error(Self.file(body: renamed), in: dir, name: "renamed.partial")
        #expect(other.contains("damaged partial file: its fields say format journeys-partiam"), "\(other)")
    }

    @Test func dumpsAsJSONInTheFilesOrder() throws {
        let (partial, bytes, dir) = try Self.partial()
        let path = dir + "/p.partial"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let text = try PartialFile.json(path)
        #expect(try PartialFile.json(path) == text)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text)) as? [String: Any])
        #expect(json["format"] as? String == "journeys-partial")
        #expect(json["version"] as? Int == PartialFile.currentVersion)
        #expect(json["period"] as? String == "2026-W47")
        #expect((json["strings"] as? [String]) == partial.strings)
        #expect(json["score"] is [String: Any] && json["history"] is [String: Any])
        #expect((json["unmatched"] as? [String: Int]) == partial.unmatched)
        // a table keyed by pseudonyms: [key, value] pairs, keys in the order of their bytes
        let history = try #require(json["history"] as? [String: Any])
        let weeks = try #require(history["visitWeeks"] as? [[Any]])
        #expect(weeks.count > 1)
        let keys = weeks.map { ($0[0] as! NSNumber).uint64Value }
        let keyBytes = keys.map { k in (0..<8).map { UInt8(truncatingIfNeeded: k >> (8 * $0)) } }
        #expect(zip(keyBytes, keyBytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    }

    @Test func jsonPartialsOfEarlierVersionsAreRefusedNamingTheVersions() throws {
        let (partial, _, dir) = try Self.partial()
        var old = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(partial)) as! [String: Any]
        old["version"] = 4
        let message = try Self.error([UInt8](try JSONSerialization.data(withJSONObject: old)), in: dir, name: "v4.json")
        #expect(message == dir + "/v4.json: partial file of format version 4 (JSON); this journeys merges version 5 (binary) only: make the partials again with this journeys")
    }
}
