import ArgumentParser
import Foundation
import History
import JourneysCore
import Pipeline
import Score

/// `journeys history`: the history file of earlier periods, kept after the logs rotate away.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Add a shop's order table to the history, erase a customer from it, or fit the CLV models on it.",
        discussion: """
            The history (history.path in the pipeline config, a SQLite file outside the output \
            folder) keeps customers, their orders, their visits by week and each period's KPIs, \
            by keyed pseudonyms only. Exit codes: 0 done; 1 the history is in use by another run \
            or could not be written; 2 a usage, config or input error (a bad row names its file, \
            line and column).
            """,
        subcommands: [HistoryImportCommand.self, HistoryForgetCommand.self, HistoryRebuildCommand.self, HistoryCLVCommand.self])
}

/// The options every `history` subcommand takes.
struct HistoryOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline config (YAML): its pseudonym key, time zone and history.path apply.")
    var pipeline: String = "pipelines/weekly.yaml"

    @Option(name: .long, help: "The history file (default: the config's history.path).")
    var history: String?

    /// The config, with the pseudonym key from the environment when set there.
    func config() throws -> PipelineConfig {
        try ConfigLoader.load(path: pipeline, options: RunOptions(pipeline: pipeline),
                              environment: ProcessInfo.processInfo.environment)
    }

    func historyPath(_ config: PipelineConfig) -> String { history ?? config.historyPath }
}

/// `journeys history import`: a shop's order table into the history.
struct HistoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the orders of a shop's order table (CSV) to the history.",
        discussion: """
            The table's header names the columns customer_id, order_id, ordered_at and value (in \
            any order; other columns are ignored). ordered_at is a date (2025-06-01, the day's \
            start in the config's time zone) or a date-time with a zone (2025-06-01T10:20:30Z, \
            2025-06-01T10:20:30+02:00); value an amount such as 129.90. Customer ids are stored \
            as the keyed pseudonyms the logs give them, order ids as they are. An order the \
            history already holds is kept once. The first bad row stops the import, and nothing \
            of the file is kept.
            """)

    @OptionGroup var options: HistoryOptions

    @Option(name: .long, help: "The order table (CSV with a header).")
    var orders: String

    func run() throws {
        do {
            let config = try options.config()
            let key = SipHash(secret: config.pseudonymKey)
            let zone = TimeZone(identifier: config.timeZone) ?? TimeZone(identifier: "UTC")!
            let path = options.historyPath(config)
            let store = try HistoryStore(path: path)
            let counts = try store.importOrders(csv: orders, timeZone: zone, maxValueCents: config.maxOrderValueCents,
                                                 currency: config.currency) { Pseudonym.customer($0, key: key) }
            let n = DigitGrouping(separator: ",")
            print("\(orders): \(n.string(counts.rows)) rows, \(n.string(counts.ordersAdded)) orders added, "
                  + "\(n.string(counts.ordersAlreadyKnown)) already known; history \(path)")
        } catch {
            fail(error)
        }
    }
}

/// `journeys history forget`: erases a customer (GDPR).
struct HistoryForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a customer from the history: every row of theirs, in every table.",
        discussion: """
            The customer id is turned into its keyed pseudonym with the config's key, as the \
            logs and imports store it. KPI snapshots hold totals only and stay.
            """)

    @OptionGroup var options: HistoryOptions

    @Option(name: .long, help: "The shop's customer id (as in the logs or the order table).")
    var customer: String

    func validate() throws {
        guard !customer.isEmpty else { throw ValidationError("--customer needs the shop's customer id") }
    }

    func run() throws {
        do {
            let config = try options.config()
            let path = options.historyPath(config)
            let store = try HistoryStore(path: path)
            let gone = try store.forget(customer: Pseudonym.customer(customer, key: SipHash(secret: config.pseudonymKey)))
            // The id itself is not repeated: this output may end up in a log.
            print(gone.total == 0
                  ? "the history \(path) holds nothing of this customer"
                  : "forgot the customer in \(path): \(gone.orders) orders, \(gone.weeklyVisits) weekly visit counts, \(gone.customers) customer row")
        } catch {
            fail(error)
        }
    }
}

/// `journeys history clv`: the predicted-CLV models fitted on the history's orders up to a day,
/// as the report's "Predicted customer value" fits them.
struct HistoryCLVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Fit the CLV models (BG/NBD and Gamma-Gamma) on the history's orders up to a day.",
        discussion: """
            Every order of the history on or before --as-of (a day in the config's time zone) \
            counts, with weeks as the time unit, as in the report's "Predicted customer value". \
            With --json it prints one line, {"bgnbd":{"a","alpha","b","r"},"customers":N,\
            "gammaGamma":{"p","q","v"},"timeUnit":"week"}, parameters rounded to 4 significant \
            digits: report.json's clvModel.fit for a period ending that day. Exit codes: 0 a \
            stable fit, printed; 1 no stable fit (the reason on stderr, nothing on stdout) or the \
            history is in use; 2 a bad date, a missing history file or a config error.
            """)

    @OptionGroup var options: HistoryOptions

    @Option(name: .customLong("as-of"), help: "The last day whose orders count (YYYY-MM-DD, in the config's time zone).")
    var asOf: String

    @Flag(name: .long, help: "Print the fitted parameters as one line of JSON.")
    var json = false

    func run() throws {
        do {
            guard let day = CivilDate(asOf), asOf.utf8.count == 10 else {
                throw UsageError("--as-of expects a day as YYYY-MM-DD, found '\(asOf)'")
            }
            let config = try options.config()
            let zone = TimeZone(identifier: config.timeZone) ?? TimeZone(identifier: "UTC")!
            let path = options.historyPath(config)
            guard FileManager.default.fileExists(atPath: path) else {
                throw UsageError("\(path): no history file here (journeys report and journeys history import write it)")
            }
            let model = try HistoryCLV.fit(try HistoryStore(path: path), asOf: day, zone: zone)
            guard model.isStable, let summary = model.summary else {
                FileHandle.standardError.write(Data("journeys: no stable fit of the CLV models as of \(day): \(model.reason)\n".utf8))
                throw ExitCode(1)
            }
            if json {
                print(String(decoding: try summary.jsonData(), as: UTF8.self))
            } else {
                print(Self.text(model, asOf: day, zone: config.timeZone))
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }

    /// The fit and the mean prediction, for people.
    static func text(_ model: PredictedCLV, asOf day: CivilDate, zone: String) -> String {
        guard let s = model.summary else { return "" }
        let n = DigitGrouping(separator: ",")
        var lines = [
            "CLV models on the orders up to \(day) (\(zone)), time unit week: \(n.string(s.customers)) customers, "
                + "\(n.string(model.repeatCustomers)) with repeat purchases",
            "BG/NBD (purchases): r \(s.bgnbd.r), alpha \(s.bgnbd.alpha), a \(s.bgnbd.a), b \(s.bgnbd.b)",
            "Gamma-Gamma (value per purchase): p \(s.gammaGamma.p), q \(s.gammaGamma.q), v \(s.gammaGamma.v)",
        ]
        if let all = model.info.all {
            lines.append("Next \(PredictedCLV.horizonWeeks) weeks, mean per customer: \(all.expectedPurchases) purchases, "
                         + "value \(all.expectedValue), alive \(all.probabilityAlive)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A value on the command line that cannot be used, said in one line (exit 2).
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
