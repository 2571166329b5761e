import ArgumentParser
import Extract
import Foundation
import Pipeline

/// `journeys key`: puts one slice's records (`journeys map`) in their shards.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Put one slice's records (journeys map) on standard input in their shards: frames of shard (4 bytes), length (8), records.",
        discussion: """
            An event goes to its person's shard, the slice's accounting of its lines to the \
            first shard; the file's name, the slice's strings, the scan of its timestamps and its end go to every shard. \
            `journeys partial --stdin` reads one shard's frames' records.
            """)

    @Option(name: .long, help: "The identity pairs of all slices (journeys map --pairs-output), concatenated.")
    var pairs: String

    @Option(name: .long, help: "The number of shards.")
    var shards: Int

    @Option(name: .long, help: "The number of lines of the file's slices before this one (the slice's samples are numbered from its start).")
    var lineOffset: Int = 0

    func run() throws {
        guard shards >= 1 else { fail(ExtractError(path: "--shards", reason: "expected at least 1, found \(shards)")) }
        do {
            try SliceKeying.keyStandardInput(pairs: pairs, shards: shards, lineOffset: lineOffset)
        } catch {
            fail(error)
        }
    }
}
