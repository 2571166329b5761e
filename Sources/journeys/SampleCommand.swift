import ArgumentParser
import DemoShop
import Foundation

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a demo shop's access logs (Combined Log Format, one file per day, older days gzip-compressed).",
        discussion: """
            The dates are fixed (the last day is 2026-11-22), so the demo report is the same on every day. \
            With --orders, also the shop's order table of the 18 months before the first log day \
            (customer_id,order_id,ordered_at,value), for `journeys history import`; it goes outside \
            the logs' folder, which report --input reads whole.
            """)

    @Option(name: .long, help: "The folder to write the logs to.")
    var out: String

    @Option(name: .long, help: "Also write the order table of the 18 months before the logs to this CSV file (outside --out).")
    var orders: String?

    @Option(name: .long, help: "How many weeks of logs, ending on Sunday 2026-11-22.")
    var weeks: Int = 5

    @Option(name: .long, help: "Seed of the random choices; the same seed gives the same bytes.")
    var seed: UInt64 = 47

    @Option(name: .long, help: "Visits on an average day (scales the volume).")
    var dailyVisits: Int = 700

    func validate() throws {
        guard weeks >= 1 && weeks <= 520 else { throw ValidationError("--weeks must be between 1 and 520") }
        guard dailyVisits >= 1 else { throw ValidationError("--daily-visits must be at least 1") }
        if let orders { guard !orders.isEmpty else { throw ValidationError("--orders needs a file name") } }
    }

    func run() throws {
        var options = SampleOptions()
        options.weeks = weeks
        options.seed = seed
        options.dailyVisits = dailyVisits
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let summary = try SampleGenerator.write(to: out, options: options, orderTable: orders)
            let lines = summary.days.reduce(0) { $0 + $1.lines }
            print("\(out): \(summary.files.count) files, \(lines) lines, \(summary.days.first?.date ?? "") to \(summary.days.last?.date ?? "")")
            if let orders, let table = summary.orderTable {
                print("\(orders): \(table.rows) orders of \(table.customers) customers (\(table.repeatCustomers) with 2+ orders, "
                      + "\(table.customersInLogs) logging in during the logs), \(table.firstDate) to \(table.lastDate)")
            }
        } catch {
            FileHandle.standardError.write(Data("journeys: error: \(out): \(error)\n".utf8))
            Foundation.exit(2)
        }
    }
}
