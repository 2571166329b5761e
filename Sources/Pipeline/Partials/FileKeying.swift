import Extract
import Foundation
import JourneysCore

/// The two passes over the input files that put each person's lines in one shard (`journeys
/// partial --input`): the first collects the identity pairs (`IdentityPairs`), the second keeps
/// the lines of one shard (`ShardKeys`). A Spark job does the same on the map side's records
/// (`SliceMap`, `SliceKeying`).
enum FileKeying {
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
}
