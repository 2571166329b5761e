import ArgumentParser
import Pipeline

/// Where a report goes and what it is drawn and compared with: the options `report` and
/// `merge` share.
struct PublishOptions: ParsableArguments {
    @Option(name: .long, help: "The folder reports are published to.")
    var output: String = "output"

    @Option(name: .long, help: "The folder of templates and CSS (default: the config's templates).")
    var templates: String?

    @Option(name: .long, help: "The history file (SQLite) of earlier periods (default: the config's history.path).")
    var history: String?

    @Flag(name: .long, help: "No progress on stderr.")
    var quiet = false

    /// Sets these options on a run's options.
    func apply(to options: inout RunOptions) {
        options.output = output
        options.templates = templates
        options.history = history
        options.quiet = quiet
    }
}
