import ArgumentParser
import Foundation
import Pipeline

/// `journeys order-bound`: the outlier bound of order values that `journeys report` would use for
/// a period, for the map side of a sharded run (`journeys partial --order-bound`).
struct OrderBoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order-bound",
        abstract: "Print the outlier bound of order values (in cents) the history gives a period, or `none`.",
        discussion: """
            An order worth more than orders.outlier_factor times the median of the history's \
            orders of the 365 days before the period is rejected as order_value_outlier (see \
            docs/definitions.md). `journeys report` works the bound out itself; the shards of a \
            sharded run read without the history, so the driver prints it with this command and \
            gives it to every `journeys partial --order-bound`. `none` when only orders.max_value \
            applies. Exit code 2 for a usage or config error.
            """)

    @Option(name: .long, help: "The pipeline config (YAML).")
    var pipeline: String = "pipelines/weekly.yaml"

    @Option(name: .long, help: "The period: an ISO week (2026-W47), a month (2026-11) or a date range.")
    var period: String

    @Option(name: .long, help: "The history file; the config's history.path when not given.")
    var history: String?

    func run() throws {
        do {
            let bound = try OrderOutlierBound.cents(pipeline: pipeline, period: period, history: history)
            print(bound.map(String.init) ?? "none")
        } catch {
            fail(error)
        }
    }
}
