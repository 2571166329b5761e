import Extract
import Foundation
import JourneysCore

/// The map side's records put in their shards (`journeys key`) and a shard's records set down
/// for its partial (`journeys partial --stdin`).
package enum SliceKeying {
    /// `journeys key`: one slice's records on standard input, in frames by shard on standard
    /// output, keyed by the pairs file at `pairs`.
    package static func keyStandardInput(pairs: String, shards: Int, lineOffset: Int) throws {
        let keys = try PartialRun.readPairs(pairs).keys
        try key(input: try openByteSource(path: "/dev/stdin"), source: "<stdin>", keys: keys, shards: shards, lineOffset: lineOffset) { bytes in
            bytes.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
        }
    }

    /// Reads one slice's records from `input`, numbers its lines in its file (`lineOffset`: the
    /// lines of the file's slices before it) and writes them grouped by shard, each group as a
    /// frame: shard (4 bytes, little-endian), length (8), the records. A line with an event goes
    /// to its person's shard, another line by its place, the counts to shard 1, and the file's
    /// name, first line and damage to every shard.
    package static func key(input: ByteSource, source: String, keys: ShardKeys, shards: Int, lineOffset: Int,
                            output: ([UInt8]) -> Void) throws {
        let reader = SliceRecordReader(source: input, name: source)
        var groups = [[UInt8]](repeating: [], count: shards)
        var ended = false
        while var r = try reader.next() {
            guard !ended else { throw PartialError(file: source, message: "record \(reader.count): a record after the slice's end") }
            switch r.kind {
            case .end:
                ended = true
                continue
            case .file, .firstLine, .damage:
                for s in 0..<shards { r.write(to: &groups[s]) }
                continue
            case .counts:
                r.write(to: &groups[0])
                continue
            case .event, .line, .tooLong, .truncated:
                r.line += lineOffset
            }
            let s = r.kind == .event ? keys.shard(of: Pseudonym(raw: r.device), shards: shards)
                                     : ShardKeys.shard(ofLine: r.line, file: r.file, shards: shards)
            r.write(to: &groups[s])
        }
        guard ended else { throw PartialError(file: source, message: "the records end without the slice's end: journeys map did not finish") }
        for (s, group) in groups.enumerated() where !group.isEmpty {
            var frame = [UInt8]()
            withUnsafeBytes(of: UInt32(s).littleEndian) { frame += $0 }
            withUnsafeBytes(of: UInt64(group.count).littleEndian) { frame += $0 }
            output(frame)
            output(group)
        }
    }

    /// Spools the keyed records of shard `shard` from `input`; refuses an event of another
    /// shard (the keying and the shuffle disagree). Returns the lines left out on the map side,
    /// by file.
    static func spool(input: ByteSource, source: String, keys: ShardKeys, shard: Int, shards: Int, maxLineBytes: Int,
                      into spool: ShardSpool) throws -> [Int: LeftOut] {
        let reader = SliceRecordReader(source: input, name: source)
        var paths: [Int: String] = [:]
        var left: [Int: LeftOut] = [:]
        while let r = try reader.next() {
            if r.kind == .file {
                let path = String(decoding: r.bytes, as: UTF8.self)
                paths[r.file] = path
                spool.know(file: r.file, path: path, firstLine: nil)
                continue
            }
            guard let path = paths[r.file] else {
                throw PartialError(file: source, message: "record \(reader.count): a record of file \(r.file) before its name")
            }
            switch r.kind {
            case .file, .end:
                break
            case .firstLine:
                r.bytes.withUnsafeBytes { spool.know(file: r.file, path: path, firstLine: $0, number: r.line) }
            case .damage:
                spool.damaged(file: r.file, path: path, damage: String(decoding: r.bytes, as: UTF8.self))
            case .counts:
                var account = left[r.file] ?? LeftOut(path: path)
                account.read += r.line
                for entry in String(decoding: r.bytes, as: UTF8.self).split(separator: "\n") {
                    let parts = entry.split(separator: "=")
                    guard parts.count == 2, let o = LineOutcome(rawValue: String(parts[0])), let n = Int(parts[1]) else {
                        throw PartialError(file: source, message: "record \(reader.count): expected 'outcome=count', found '\(entry.prefix(60))'")
                    }
                    account.outcomes[o, default: 0] += n
                }
                left[r.file] = account
            case .event:
                let s = keys.shard(of: Pseudonym(raw: r.device), shards: shards)
                guard s == shard else {
                    throw PartialError(file: source, message: "record \(reader.count): a line keyed to shard \(s + 1) came to shard \(shard + 1)")
                }
                try r.bytes.withUnsafeBytes { try spool.add(file: r.file, path: path, line: r.line, bytes: $0) }
            case .line:
                try r.bytes.withUnsafeBytes { try spool.add(file: r.file, path: path, line: r.line, bytes: $0) }
            case .tooLong:
                // set down as a line still over the limit, so that the shard rejects it alike
                let padded = r.bytes + [UInt8](repeating: 0x2D, count: max(0, maxLineBytes + 1 - r.bytes.count))
                try padded.withUnsafeBytes { try spool.add(file: r.file, path: path, line: r.line, bytes: $0) }
            case .truncated:
                try r.bytes.withUnsafeBytes { try spool.add(file: r.file, path: path, line: r.line, bytes: $0, truncated: true) }
            }
        }
        return left
    }

    /// Lines of one file that the map side counted and left out.
    struct LeftOut {
        var path: String
        var read = 0
        var outcomes: [LineOutcome: Int] = [:]
    }
}
