import ArgumentParser
import Foundation
import Pipeline

/// `journeys history rebuild`: the history backfilled from archived logs, week by week.
struct HistoryRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Backfill the history from archived logs: every complete ISO week they cover, oldest first.",
        discussion: """
            Each week runs as `journeys report --period WEEK` would, recording its customers, \
            orders, visit weeks and KPIs (a week recorded before is replaced). Its reports go to \
            --output (default: a temporary folder, removed afterwards). Prints each week done. \
            Exit codes as for report.
            """)

    @OptionGroup var options: HistoryOptions

    @Option(name: .long, parsing: .singleValue, help: "A log file, folder or glob; repeat for several.")
    var input: [String] = []

    @Option(name: .long, help: "Where the weeks' reports go (default: a temporary folder, removed afterwards).")
    var output: String?

    func run() throws {
        var run = RunOptions(pipeline: options.pipeline)
        run.inputs = input
        run.history = options.history
        run.quiet = true
        let temporary = output == nil
        run.output = output ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("journeys-rebuild-\(getpid())")
        defer { if temporary { try? FileManager.default.removeItem(atPath: run.output) } }
        let environment = ProcessInfo.processInfo.environment
        do {
            let weeks = try HistoryRebuild.weeks(run, environment: environment)
            for week in try HistoryRebuild.run(run, weeks: weeks, environment: environment) { print(week) }
        } catch {
            fail(error)
        }
    }
}
