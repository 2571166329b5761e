import ArgumentParser
import Extract
import Foundation
import Pipeline

/// `journeys map`: the map side of a Spark job, one slice of one input file.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Read one slice of a log file once: its parsed events as binary records on standard output, its identity pairs to a file.",
        discussion: """
            Every line is parsed, filtered, counted and sampled here, once: the events of the \
            read window travel in a compact binary form with the slice's string table, the \
            lines' accounting and data-quality samples as one small record. A slice of a plain \
            file (--range FROM:TO) holds the lines that begin in those bytes; a gzip file is read \
            whole. `journeys key` puts the events in their shards, `journeys partial --stdin` \
            reads a shard's records.
            """)

    @Option(name: .long, help: "The pipeline config (YAML).")
    var pipeline: String = "pipelines/weekly.yaml"

    @Option(name: .long, help: "The period: an ISO week (2026-W47), a month (2026-11) or a date range.")
    var period: String

    @Option(name: .long, help: "The file's index among the inputs, in journeys report's order (0, 1, ...).")
    var file: Int

    @Option(name: .long, help: "The file's name as the report shows it.")
    var path: String

    @Option(name: .long, help: "Where to read the file here (default: --path).")
    var read: String?

    @Option(name: .long, help: "Bytes FROM:TO of a plain file: the lines that begin in them (default: the whole file).")
    var range: String?

    @Option(name: .long, help: "The outlier bound of order values in cents, or none, as `journeys order-bound` prints it for the period; the same as every shard's.")
    var orderBound: String = "none"

    @Option(name: .long, help: "The file to write the slice's identity pairs and span to; all slices' files, concatenated, are the --pairs of journeys key and journeys partial --stdin.")
    var pairsOutput: String

    func run() throws {
        guard file >= 0 else { fail(ExtractError(path: "--file", reason: "expected 0 or more, found \(file)")) }
        var options = SliceMapOptions(pipeline: pipeline, period: period, file: file, path: path, read: read ?? path)
        if let range {
            let parts = range.split(separator: ":")
            guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), from >= 0, to >= from else {
                fail(ExtractError(path: "--range", reason: "expected FROM:TO with 0 <= FROM <= TO (bytes), found '\(range)'"))
            }
            options.range = (from, to)
        }
        if orderBound != "none" {
            guard let cents = Int64(orderBound), cents > 0 else {
                fail(ExtractError(path: "--order-bound", reason: "expected whole cents above 0 or none (as journeys order-bound prints), found '\(orderBound.prefix(40))'"))
            }
            options.orderBoundCents = cents
        }
        do {
            let pairs = try SliceMap.run(options) { out, _ in
                out.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
                out.removeAll(keepingCapacity: true)
            }
            do { try Data(pairs.text.utf8).write(to: URL(fileURLWithPath: pairsOutput), options: .atomic) } catch {
                throw PublishError(path: pairsOutput, reason: "cannot write: \(PublishError.reason(error))")
            }
        } catch {
            fail(error)
        }
    }
}
