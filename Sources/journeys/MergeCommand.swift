import ArgumentParser
import Foundation
import Pipeline

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge every shard's partial file into the period's report: the same bytes as `journeys report` on the same lines.",
        discussion: """
            Runs touchpoints → history → score → compare → render → validate → publish → record \
            history on the merged partials. Refuses partials of another format version, config \
            or period, and a missing or repeated shard. Exit codes as for `journeys report`.
            """)

    @Option(name: .long, help: "The pipeline config (YAML) the partials were made with.")
    var pipeline: String = "pipelines/weekly.yaml"

    @Argument(help: "The partial files, one per shard.")
    var partials: [String]

    @Option(name: .long, help: "The folder reports are published to.")
    var output: String = "output"

    @Option(name: .long, help: "The folder of templates and CSS (default: the config's templates).")
    var templates: String?

    @Option(name: .long, help: "The history file (SQLite) of earlier periods (default: the config's history.path).")
    var history: String?

    @Flag(name: .long, help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        var options = RunOptions(pipeline: pipeline)
        options.output = output
        options.templates = templates
        options.history = history
        options.quiet = quiet
        do {
            print(try ReportPipeline.merge(options, partials: partials).reportPath)
        } catch {
            fail(error)
        }
    }
}
