import Foundation
import JourneysCore
import Score

/// What one shard hands to the merge (`journeys partial` writes it, `journeys merge` reads it):
/// the accounting of every line the shard read and the partial aggregates its people were
/// folded into (score's sections, the history's facts, the touchpoint rules' use), whole people
/// only (see `ShardKeys`). No visit and no line travels: a partial's size follows the shard's
/// people and the distinct values of its tables, not its lines. Written in a compact binary
/// form (`PartialFileBytes`); `docs/partial-format.md` describes every field.
///
/// The format is versioned: a merge reads only partials of its own `version`, because a partial
/// of another version may lack what this one's score needs; it says so rather than guess.
package struct PartialFile: Codable {
    package static let formatName = "journeys-partial"
    package static let currentVersion = 5

    package var format = PartialFile.formatName
    package var version = PartialFile.currentVersion
    /// A keyed hash of the pipeline config's bytes and the pseudonym key: partials merge only
    /// with partials made with the same config and key (the same pseudonyms, rules and window).
    package var config: String
    package var period: String
    package var shard: Int
    package var shards: Int
    /// The earliest and latest timestamp of all shards' lines, which the shard was told
    /// (`--span`, or its own first pass): whether the period is partial and the previous one
    /// covered follow from it, and every shard must fold with the same.
    package var spanEarliest: Int64
    package var spanLatest: Int64
    /// The earliest and latest timestamp of this shard's own lines; nil when none has one.
    package var earliest: Int64?
    package var latest: Int64?
    /// Events of the shard that fall in the period.
    package var inPeriod: Int
    package var lateEvents: Int
    package var cutVisits: Int
    package var afterPeriod: Int
    package var files: [FileRecord]
    package var samples: [SampleRecord]
    /// Notes counted over the shard's lines rather than per file (`DataQuality.runNotes`), by
    /// reason; absent when there are none.
    package var runNotes: [String: Int]? = nil
    /// The outlier bound of order values the shard read with, in cents (`journeys partial
    /// --order-bound`); absent when only `orders.max_value` applied. Partials merge only with a
    /// merge whose history gives the same bound.
    package var orderBoundCents: Int64? = nil
    /// The strings the symbols of `score` stand for: symbol n is `strings[n]` (0 is the empty string).
    package var strings: [String]
    /// Score's partial aggregates (counts, sums, transition and path counts, Markov path counts,
    /// order values, survey answers, value tables).
    package var score: ScorePartial
    /// The history's facts of the shard's people.
    package var history: HistoryFold
    /// Page views per touchpoint rule, and of paths no rule matched.
    package var ruleHits: [Int]
    package var unmatched: [String: Int]

    /// One input file's accounting (`FileAccount`).
    package struct FileRecord: Codable, Equatable {
        package var file: String
        package var read: Int
        package var parsed: Int
        package var outcomes: [String: Int]
        package var damage: String?
        package var resort: FileAccount.Resort?
    }

    /// A sample of a rejected line, with its reason.
    package struct SampleRecord: Codable, Equatable {
        package var reason: String
        package var sample: LineSample
    }
}

extension PartialFile {
    /// Reads a partial; refuses a file that is not one, one of another version, and a damaged one.
    package static func read(_ path: String) throws -> PartialFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PartialError(file: path, message: "cannot read the partial file")
        }
        return try decode(data, source: path)
    }

    package static func decode(_ data: Data, source: String) throws -> PartialFile {
        try PartialFileBytes.decode([UInt8](data), source: source)
    }

    /// The partial file's bytes (`PartialFileBytes`).
    package func encoded() throws -> Data {
        Data(try PartialFileBytes.encode(self))
    }

    /// The partial file at `path` as JSON for people (`journeys partial-dump`): its fields as
    /// docs/partial-format.md names them, tables keyed by other than strings as [key, value]
    /// pairs, everything in the file's order.
    package static func json(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PartialError(file: path, message: "cannot read the partial file")
        }
        return try PartialFileBytes.json([UInt8](data), source: path)
    }
}
