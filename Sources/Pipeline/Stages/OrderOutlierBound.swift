import Foundation
import History
import JourneysCore

/// The outlier bound of a period's order values (`OrderOutlierRule`), from the history's orders
/// of the year before the period: worked out once, before any line is read, by the process that
/// holds the history (`journeys report`, `journeys merge`, `journeys order-bound` for the map
/// side of a sharded run), and handed to whatever reads lines.
package enum OrderOutlierBound {
    /// The bound in cents when it is below `orders.max_value`; nil when the ceiling alone applies
    /// (the rule is off, the history holds too few earlier orders, or the bound is not lower).
    static func cents(_ store: HistoryStore, period: Period, periodStart: Int64, config: PipelineConfig) throws -> Int64? {
        guard config.orderOutliers.factor > 0 else { return nil }
        let values = try store.orderValues(from: periodStart - OrderOutlierRule.days * 86_400, before: periodStart,
                                           notRecordedBy: period.description)
        guard let bound = config.orderOutliers.bound(values: values), bound < config.maxOrderValueCents else { return nil }
        return bound
    }
}

extension OrderOutlierBound {
    /// `journeys order-bound`: the bound for `period` from the config's history (or `history`),
    /// for the map side of a sharded run, which reads lines without a history.
    package static func cents(pipeline: String, period text: String, history: String?,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int64? {
        let config = try ConfigLoader.load(path: pipeline, options: RunOptions(pipeline: pipeline), environment: environment)
        guard let period = Period(parsing: text) else {
            throw ConfigError(file: "--period", line: 0, message: "'\(text)' is not a period; expected an ISO week (2026-W47), a month (2026-11) or a range (2026-11-02..2026-11-15)")
        }
        let zone = TimeZone(identifier: config.timeZone)!
        let path = history ?? config.historyPath
        // no history yet: no earlier orders, and nothing to create for a question
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let store = try HistoryStore(path: path)
        return try cents(store, period: period, periodStart: period.startTime(in: zone), config: config)
    }
}
