import ArgumentParser
import Foundation
import JourneysCore
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
        run.output = output ?? Self.temporaryFolder()
        defer { if temporary { try? FileManager.default.removeItem(atPath: run.output) } }
        let environment = ProcessInfo.processInfo.environment
        do {
            let weeks = try HistoryRebuild.weeks(run, environment: environment)
            for week in try HistoryRebuild.run(run, weeks: weeks, environment: environment) { print(week) }
        } catch {
            fail(error)
        }
    }

    /// A new folder of this process's own in the temporary folder (`TMPDIR`), for the weeks'
    /// reports; a temporary folder that cannot be used stops as it does in every command.
    static func temporaryFolder() -> String {
        let base = NSTemporaryDirectory()
        var template = Array((base as NSString).appendingPathComponent("journeys-rebuild-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { fail(TemporaryFileError(path: base, errno: errno)) }
        return String(cString: made)
    }
}
