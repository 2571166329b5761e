import ArgumentParser
import Extract
import Foundation
import History
import Pipeline

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run \(ReportPipeline.stageNames.joined(separator: " → ")) for one period (publishing moves the report and the index into place and commits the history, all or nothing).",
        discussion: """
            Writes OUTPUT/<period>/index.html and report.json, and updates OUTPUT/index.html. \
            Without --period the report covers the last complete ISO week in the input. \
            Exit codes: 0 published; 1 validation or publishing failed, or the system refused a \
            write (output, history or temporary folder; nothing is published); 2 a usage, config \
            or input error, or a period the inputs hold no event of (nothing is published).
            """)

    @Option(name: .long, help: "The pipeline config (YAML).")
    var pipeline: String = "pipelines/weekly.yaml"

    @Option(name: .long, parsing: .singleValue, help: "A log file, folder or glob; repeat for several. Replaces the config's inputs.")
    var input: [String] = []

    @Option(name: .long, help: "An ISO week (2026-W47), a month (2026-11) or a date range (2026-11-02..2026-11-15).")
    var period: String?

    @OptionGroup var publish: PublishOptions

    @Option(name: .long, help: "Threads that parse a large plain log file at once, each a part of it, and that fold the people, each a share of them (default: the number of cores). The report is the same for any number.")
    var shards: Int?

    @Flag(name: .long, help: "Print each stage's wall-clock seconds on stderr at the end.")
    var timings = false

    func run() throws {
        var options = RunOptions(pipeline: pipeline)
        options.inputs = input
        options.period = period
        publish.apply(to: &options)
        if let shards {
            guard shards >= 1 else { fail(ExtractError(path: "--shards", reason: "expected a number of threads of at least 1, found \(shards)")) }
            options.shards = shards
        }
        do {
            let summary = try ReportPipeline.run(options)
            print(summary.reportPath)
            if timings {
                let lines = summary.stageSeconds.map { "  \($0.0.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", $0.1)) s" }
                FileHandle.standardError.write(Data(((["stage seconds:"] + lines).joined(separator: "\n") + "\n").utf8))
            }
        } catch {
            fail(error)
        }
    }
}
