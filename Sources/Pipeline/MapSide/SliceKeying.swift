import Extract
import Foundation
import JourneysCore

/// The map side's records put in their shards (`journeys key`) and a shard's records taken in
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

    /// Reads one slice's records from `input` and writes them grouped by shard, each group as a
    /// frame: shard (4 bytes, little-endian), length (8), the records. Each event goes to its
    /// person's shard with the strings it names: each shard gets a string table of its own, of
    /// the slice's strings its events name, in the order they first name them, and the events'
    /// symbols renumbered into it. The slice's accounting goes to the first shard with
    /// `lineOffset` (the lines of the file's slices before it); the file's name, the timestamps'
    /// scan and the end to every shard.
    package static func key(input: ByteSource, source: String, keys: ShardKeys, shards: Int, lineOffset: Int,
                            output: ([UInt8]) -> Void) throws {
        let reader = SliceRecordReader(source: input, name: source)
        var groups = [[UInt8]](repeating: [], count: shards)
        // the slice's events and strings, split at its end, once both are in
        var events: [UInt8] = []
        var strings: [String]? = nil
        var file = 0
        var ended = false
        var opened = false
        while var r = try reader.next() {
            guard !ended else { throw PartialError(file: source, message: "record \(reader.count): a record after the slice's end") }
            guard opened || r.kind == .file else {
                throw PartialError(file: source, message: "record \(reader.count): a record before the slice's file name")
            }
            switch r.kind {
            case .file:
                guard !opened else { throw PartialError(file: source, message: "record \(reader.count): a second file name in one slice") }
                opened = true
                file = r.file
                for s in 0..<shards { r.write(to: &groups[s]) }
            case .end:
                ended = true
                let table = strings ?? [""]
                let split = try self.events(of: r, record: reader.count, source: source) {
                    try splitEvents(events, strings: table, keys: keys, shards: shards)
                }
                for s in 0..<shards {
                    SliceRecord(kind: .strings, file: file, line: 0, bytes: SliceStrings.encode(split[s].strings)).write(to: &groups[s])
                    if !split[s].events.isEmpty { SliceRecord(kind: .events, file: file, line: 0, bytes: split[s].events).write(to: &groups[s]) }
                    r.write(to: &groups[s])
                }
            case .times:
                for s in 0..<shards { r.write(to: &groups[s]) }
            case .strings:
                guard strings == nil else { throw PartialError(file: source, message: "record \(reader.count): a second string table in one slice") }
                strings = try self.events(of: r, record: reader.count, source: source) { try SliceStrings.decode(r.bytes) }
            case .account:
                r.line = lineOffset
                r.write(to: &groups[0])
            case .events:
                events += r.bytes
            }
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

    /// A slice's events split by shard, each shard's with a string table of the strings they name.
    private static func splitEvents(_ bytes: [UInt8], strings: [String], keys: ShardKeys, shards: Int)
        throws -> [(strings: [String], events: [UInt8])] {
        var out = [(strings: [String], events: [UInt8])](repeating: ([""], []), count: shards)
        // per shard, the slice's symbol n's number in the shard's table; 0: not yet in it
        var numbers = [[UInt32]](repeating: [], count: shards)
        let identity = (0..<strings.count).map { Symbol(raw: UInt32($0)) }
        try bytes.withUnsafeBytes { raw in
            var at = 0
            while at < raw.count {
                var e = try EventCodec.read(raw, at: &at, symbols: identity)
                let s = keys.shard(of: e.device, shards: shards)
                if numbers[s].isEmpty { numbers[s] = [UInt32](repeating: 0, count: strings.count) }
                EventCodec.renumber(&e) { symbol in
                    let n = Int(symbol.raw)
                    if numbers[s][n] == 0 {
                        numbers[s][n] = UInt32(out[s].strings.count)
                        out[s].strings.append(strings[n])
                    }
                    return Symbol(raw: numbers[s][n])
                }
                EventCodec.append(e, to: &out[s].events)
            }
        }
        return out
    }

    /// Runs `body` on the events of record `r`, an `EventCodecError` named by source and record.
    private static func events<T>(of r: SliceRecord, record: Int, source: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as EventCodecError {
            throw PartialError(file: source, message: "record \(record): \(e); expected the events journeys map writes")
        }
    }

    /// Takes in the keyed records of shard `shard` from `input`: each file's slices, in the order
    /// they come (slice order), as a `ParsedShare`; refuses an event of another shard (the keying
    /// and the shuffle disagree) and events that cannot be read. Returns the files by index.
    static func read(input: ByteSource, source: String, keys: ShardKeys, shard: Int, shards: Int) throws -> [Int: (path: String, share: ParsedShare)] {
        let reader = SliceRecordReader(source: input, name: source)
        var files: [Int: (path: String, share: ParsedShare)] = [:]
        var slice: ParsedSlice? = nil
        var file = 0
        // each file's lines the accountings claim so far
        var claimed: [Int: Int] = [:]
        func failure(_ message: String) -> PartialError { PartialError(file: source, message: "record \(reader.count): \(message)") }
        while let r = try reader.next() {
            if r.kind == .file {
                guard slice == nil else { throw failure("a slice's file name before the end of the slice before it") }
                let path = String(decoding: r.bytes, as: UTF8.self)
                if let known = files[r.file], known.path != path {
                    throw failure("file \(r.file) is named '\(path.prefix(80))' here and '\(known.path.prefix(80))' before")
                }
                if files[r.file] == nil { files[r.file] = (path, ParsedShare()) }
                file = r.file
                slice = ParsedSlice()
                continue
            }
            guard slice != nil else { throw failure("a record outside a slice (before its file name)") }
            guard r.file == file else { throw failure("a record of file \(r.file) in a slice of file \(file)") }
            switch r.kind {
            case .file:
                break
            case .strings:
                guard slice!.strings.count == 1 else { throw failure("a second string table in one slice") }
                slice!.strings = try events(of: r, record: reader.count, source: source) { try SliceStrings.decode(r.bytes) }
            case .events:
                try r.bytes.withUnsafeBytes { bytes in
                    var at = 0
                    while at < bytes.count {
                        let (device, end) = try events(of: r, record: reader.count, source: source) { try EventCodec.skip(bytes, at: at) }
                        let s = keys.shard(of: Pseudonym(raw: device), shards: shards)
                        guard s == shard else { throw failure("an event keyed to shard \(s + 1) came to shard \(shard + 1)") }
                        at = end
                    }
                }
                slice!.events += r.bytes
            case .times:
                slice!.times = try events(of: r, record: reader.count, source: source) { try SliceTimesBytes.decode(r.bytes) }
            case .account:
                let (account, samples) = try SliceAccount.decode(r.bytes, file: files[file]!.path, source: source, record: reader.count)
                guard slice!.account == nil else { throw failure("a second accounting of one slice") }
                guard r.line >= 0, r.line <= 1 << 48 else { throw failure("a line offset out of range: \(r.line)") }
                claimed[file, default: 0] += account.read
                guard claimed[file]! <= 1 << 48 else { throw failure("more lines than any file holds: \(claimed[file]!)") }
                slice!.account = account
                slice!.samples = samples
                slice!.lineOffset = r.line
            case .end:
                // every event read whole once, its symbols within the slice's table
                let table = [Symbol](repeating: .none, count: slice!.strings.count)
                try slice!.events.withUnsafeBytes { bytes in
                    var at = 0
                    while at < bytes.count { _ = try events(of: r, record: reader.count, source: source) { try EventCodec.read(bytes, at: &at, symbols: table) } }
                }
                files[file]!.share.append(slice!)
                slice = nil
            }
        }
        guard slice == nil else { throw PartialError(file: source, message: "the records end inside a slice: journeys key or the shuffle did not finish") }
        return files
    }
}
