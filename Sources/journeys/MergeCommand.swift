import ArgumentParser
import Foundation
import Pipeline

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge every shard's partial file into the period's report: the same bytes as `journeys report` on the same lines.",
        discussion: """
            Merges the partial aggregates, then runs history → score → compare → render → \
            validate → record history → publish. Refuses partials of another format version, \
            config, period or span, and a missing or repeated shard. Exit codes as for \
            `journeys report`.
            """)

    @Option(name: .long, help: "The pipeline config (YAML) the partials were made with.")
    var pipeline: String = "pipelines/weekly.yaml"

    @Argument(help: "The partial files, one per shard.")
    var partials: [String]

    @OptionGroup var publish: PublishOptions

    func run() throws {
        var options = RunOptions(pipeline: pipeline)
        publish.apply(to: &options)
        do {
            print(try ReportPipeline.merge(options, partials: partials).reportPath)
        } catch {
            fail(error)
        }
    }
}
