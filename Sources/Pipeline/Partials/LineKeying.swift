import Extract
import Foundation
import JourneysCore

/// The two passes over lines that put each person's lines in one shard: the first collects the
/// identity pairs (`IdentityPairs`), the second gives every line its shard (`ShardKeys`). Both
/// read files of the pipeline's inputs (`journeys partial --input`) or line records on a stream
/// (`journeys pairs` and `journeys key` in a Spark job).
package enum LineKeying {
    /// The pairs and the span of every line of `paths`.
    static func pairs(_ paths: [String], options: ExtractOptions) throws -> IdentityPairs {
        let events = LineEvents(options: options)
        var pairs = IdentityPairs()
        for (i, path) in paths.enumerated() {
            try eachLine(path, options: options) { item in
                guard case .line(let l) = item else { return }
                if let t = try events.timestamp(l, file: i, path: path) { pairs.note(time: t) }
                if let e = try events.event(l, file: i, path: path) { pairs.add(e, orderID: events.string) }
            }
        }
        return pairs
    }

    /// Spools the lines of `paths` that belong to shard `shard` of `shards`; every file becomes
    /// known to the spool, with its first line, whether or not it has a line in the shard.
    static func spoolShare(_ paths: [String], keys: ShardKeys, shard: Int, shards: Int, options: ExtractOptions, into spool: ShardSpool) throws {
        let events = LineEvents(options: options)
        for (i, path) in paths.enumerated() {
            var first = true
            var number = 0
            spool.know(file: i, path: path, firstLine: nil)
            let damage = try eachLine(path, options: options) { item in
                number += 1
                let s: Int
                switch item {
                case .line(let l):
                    if first, !l.isEmpty {
                        spool.know(file: i, path: path, firstLine: l, number: number)
                        first = false
                    }
                    if let e = try events.event(l, file: i, path: path) {
                        s = keys.shard(of: e.device, shards: shards)
                    } else {
                        s = ShardKeys.shard(ofLine: number, file: i, shards: shards)
                    }
                    if s == shard { try spool.add(file: i, path: path, line: number, bytes: l) }
                case .tooLong(let prefix):
                    // Set down as a line still over the limit, so that the shard rejects it alike.
                    guard ShardKeys.shard(ofLine: number, file: i, shards: shards) == shard else { return }
                    let padded = Array(prefix) + [UInt8](repeating: 0x2D, count: max(0, options.maxLineBytes + 1 - prefix.count))
                    try padded.withUnsafeBytes { try spool.add(file: i, path: path, line: number, bytes: $0) }
                case .truncated(let rest):
                    guard ShardKeys.shard(ofLine: number, file: i, shards: shards) == shard else { return }
                    try spool.add(file: i, path: path, line: number, bytes: rest, truncated: true)
                case .end:
                    break
                }
            }
            // every shard's account of the file says it is damaged, as one reader's would
            if let damage { spool.damaged(file: i, path: path, damage: damage) }
        }
    }

    /// The pairs of line records read from `input` (see `ShardLine`), as `journeys pairs` prints them.
    package static func pairs(records input: LineReader, options: ExtractOptions, source: String) throws -> IdentityPairs {
        let events = LineEvents(options: options)
        var pairs = IdentityPairs()
        try eachRecord(input, hasShard: false, source: source) { _, r in
            try r.bytes.withUnsafeBytes { b in
                if r.isFirstLineCopy {
                    try events.setFirstLine(b, file: r.file, path: r.path)
                    return
                }
                if let t = try events.timestamp(b, file: r.file, path: r.path) { pairs.note(time: t) }
                if let e = try events.event(b, file: r.file, path: r.path) { pairs.add(e, orderID: events.string) }
            }
        }
        return pairs
    }

    /// Writes each line record of `input` to `output` with its shard in front; a copy of a file's
    /// first line goes to every shard.
    package static func key(records input: LineReader, keys: ShardKeys, shards: Int, options: ExtractOptions, source: String,
                            output: (String) -> Void) throws {
        let events = LineEvents(options: options)
        try eachRecord(input, hasShard: false, source: source) { _, r in
            try r.bytes.withUnsafeBytes { b in
                if r.isFirstLineCopy {
                    try events.setFirstLine(b, file: r.file, path: r.path)
                    for s in 0..<shards { output(r.text(shard: s)) }
                    return
                }
                let s = try events.event(b, file: r.file, path: r.path).map { keys.shard(of: $0.device, shards: shards) }
                    ?? ShardKeys.shard(ofLine: r.line, file: r.file, shards: shards)
                output(r.text(shard: s))
            }
        }
    }

    /// Spools the keyed line records of `input` that belong to shard `shard`; refuses a record
    /// of another shard (the keying and the shuffle disagree).
    static func spool(records input: LineReader, shard: Int, source: String, into spool: ShardSpool) throws {
        try eachRecord(input, hasShard: true, source: source) { s, r in
            try r.bytes.withUnsafeBytes { b in
                if r.isFirstLineCopy {
                    spool.know(file: r.file, path: r.path, firstLine: b, number: r.copiedLine)
                    return
                }
                guard s == shard else {
                    throw PartialError(file: source, line: input.lineNumber, message: "a line keyed to shard \(s ?? -1) came to shard \(shard)")
                }
                try spool.add(file: r.file, path: r.path, line: r.line, bytes: b)
            }
        }
    }

    /// Calls `body` with each line of the file at `path`; returns the file's damage, if any.
    @discardableResult
    private static func eachLine(_ path: String, options: ExtractOptions, _ body: (LineReader.Item) throws -> Void) throws -> String? {
        let reader = LineReader(source: try openByteSource(path: path), maxLineBytes: options.maxLineBytes)
        while true {
            let item = try reader.next()
            try body(item)
            if case .end = item { return reader.source.damage }
        }
    }

    private static func eachRecord(_ input: LineReader, hasShard: Bool, source: String, _ body: (Int?, ShardLine) throws -> Void) throws {
        while true {
            switch try input.next() {
            case .end:
                return
            case .line(let l):
                if l.isEmpty { continue }
                let text = String(decoding: l, as: UTF8.self)
                guard let (s, r) = ShardLine.parse(Substring(text), hasShard: hasShard) else {
                    throw PartialError(file: source, line: input.lineNumber,
                                       message: hasShard ? "expected a keyed line record '<shard> TAB <file> TAB <line> TAB <base64> TAB <path>'"
                                                         : "expected a line record '<file> TAB <line> TAB <base64> TAB <path>'")
                }
                try body(s, r)
            case .tooLong, .truncated:
                throw PartialError(file: source, line: input.lineNumber, message: "a line record is cut or over the limit")
            }
        }
    }
}
