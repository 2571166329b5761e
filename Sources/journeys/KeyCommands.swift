import ArgumentParser
import Extract
import Foundation
import Pipeline

/// `journeys pairs`: the first pass of a sharded run over line records.
struct PairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs",
        abstract: "Print the identity pairs (device with customer, device with order) of line records on standard input.",
        discussion: """
            Reads records '<file> TAB <line> TAB <base64 of the line> TAB <path>' and prints one \
            pair per line, sorted; outputs of several runs may be concatenated for `journeys key`.
            """)

    @Option(name: .long, help: "The pipeline config (YAML).")
    var pipeline: String = "pipelines/weekly.yaml"

    func run() throws {
        do {
            print(try ShardLines.pairs(pipeline: pipeline), terminator: "")
        } catch {
            fail(error)
        }
    }
}

/// `journeys key`: gives each line record its shard.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Put each line record on standard input in its person's shard: prints '<shard> TAB <record>' (shards 0..N-1).",
        discussion: """
            A copy of a file's first line (line number 0) goes to every shard. Lines without an \
            event (rejected, bots, assets) are spread over the shards by their place.
            """)

    @Option(name: .long, help: "The pipeline config (YAML).")
    var pipeline: String = "pipelines/weekly.yaml"

    @Option(name: .long, help: "The identity pairs (`journeys pairs`), concatenated.")
    var pairs: String

    @Option(name: .long, help: "The number of shards.")
    var shards: Int

    @Flag(name: .long, help: "Read one slice's binary records (`journeys map`) and write them in frames by shard: shard (4 bytes), length (8), records.")
    var binary = false

    @Option(name: .long, help: "With --binary: the number of lines of the file's slices before this one.")
    var lineOffset: Int = 0

    func run() throws {
        guard shards >= 1 else { fail(ExtractError(path: "--shards", reason: "expected at least 1, found \(shards)")) }
        do {
            if binary {
                try ShardLines.keySlice(pairs: pairs, shards: shards, lineOffset: lineOffset)
                return
            }
            try ShardLines.key(pipeline: pipeline, pairs: pairs, shards: shards)
        } catch {
            fail(error)
        }
    }
}
