import ArgumentParser
import Foundation
import Pipeline

struct PartialDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partial-dump",
        abstract: "Print a partial file (journeys partial) as JSON, for people.",
        discussion: """
            The partial file is binary (docs/partial-format.md); this prints its fields as JSON, \
            in the file's order: records as objects, tables keyed by strings as objects, other \
            tables as arrays of [key, value] pairs. The same file always prints the same text. \
            Exit code 2 for a file that is not a partial of this version or is damaged.
            """)

    @Argument(help: "The partial file.")
    var file: String

    func run() throws {
        do {
            FileHandle.standardOutput.write(Data(try PartialFile.json(file)))
        } catch {
            fail(error)
        }
    }
}
