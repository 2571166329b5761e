import ArgumentParser
import Extract
import Foundation
import Pipeline

struct PartialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partial",
        abstract: "Read, sessionize and fold one shard's people into a partial file of aggregates, for `journeys merge`.",
        discussion: """
            People are put in shards by their devices, joined through the customers they logged \
            in as and the orders they placed, so that each journey lives in one shard. With \
            --input (or the config's inputs) the command reads every line and keeps its shard's; \
            with --stdin it reads its shard's parsed events as `journeys map` and `journeys key` write them (no line is parsed again). The partial \
            file is binary, described in docs/partial-format.md; `journeys partial-dump` shows one as JSON. Exit code 2 for a usage, config \
            or input error.
            """)

    @Option(name: .long, help: "The pipeline config (YAML).")
    var pipeline: String = "pipelines/weekly.yaml"

    @Option(name: .long, parsing: .singleValue, help: "A log file, folder or glob; repeat for several. Replaces the config's inputs.")
    var input: [String] = []

    @Flag(name: .long, help: "Read this shard's records (journeys key's frames' records) from standard input.")
    var stdin = false

    @Option(name: .long, help: "The period: an ISO week (2026-W47), a month (2026-11) or a date range.")
    var period: String

    @Option(name: .long, help: "This shard and the number of shards, as i/N with 1 <= i <= N.")
    var shard: String

    @Option(name: .long, help: "The identity pairs and span of all lines (journeys map --pairs-output, concatenated); needed with --stdin; without it, a first pass over the inputs collects them.")
    var pairs: String?

    @Option(name: .long, help: "The outlier bound of order values in cents, or none, as `journeys order-bound` prints it for the period; every shard and the merge must use the same.")
    var orderBound: String = "none"

    @Option(name: .long, help: "The partial file to write; - for standard output.")
    var output: String

    func run() throws {
        let (i, n) = try ShardArgument.parse(shard)
        var options = PartialOptions(pipeline: pipeline, period: period, shard: i, shards: n)
        options.inputs = input
        if stdin { options.records = "/dev/stdin" }
        options.pairs = pairs
        if orderBound != "none" {
            guard let cents = Int64(orderBound), cents > 0 else {
                fail(ExtractError(path: "--order-bound", reason: "expected whole cents above 0 or none (as journeys order-bound prints), found '\(orderBound.prefix(40))'"))
            }
            options.orderBoundCents = cents
        }
        do {
            let data = try PartialRun.run(options).encoded()
            if output == "-" {
                FileHandle.standardOutput.write(data)
            } else {
                do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                    throw PublishError(path: output, reason: "cannot write: \(PublishError.reason(error))")
                }
            }
        } catch {
            fail(error)
        }
    }
}

/// `--shard i/N`: 1-based on the command line, 0-based inside.
enum ShardArgument {
    static func parse(_ text: String) throws -> (Int, Int) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
            fail(ExtractError(path: "--shard", reason: "expected i/N with 1 <= i <= N (e.g. 2/8), found '\(text)'"))
        }
        return (i - 1, n)
    }
}
