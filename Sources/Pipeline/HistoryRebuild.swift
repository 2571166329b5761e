import Extract
import Foundation
import JourneysCore

/// Backfills the history from archived logs: every complete ISO week the inputs cover, oldest
/// first, run as a report would run it (each week's facts recorded, its KPIs kept for trends).
package enum HistoryRebuild {
    /// The complete ISO weeks of the inputs, oldest first.
    package static func weeks(_ options: RunOptions, environment: [String: String]) throws -> [String] {
        let config = try ConfigLoader.load(path: options.pipeline, options: options, environment: environment)
        let zone = TimeZone(identifier: config.timeZone)!
        let files = try InputFiles.resolve(config.inputs)
        let scans = try InputScan.scan(files, options: config.extractOptions, tolerance: config.sessionRules.outOfOrderTolerance)
        // The bulk of the data: a stray line in 2099 adds no week (see `InputScan.bulk`).
        guard let span = InputScan.bulk(scans) else { return [] }
        var week = Period.isoWeek(containing: CivilDate.of(time: span.earliest, in: zone))
        let last = Period.isoWeek(containing: CivilDate.of(time: span.latest, in: zone))
        var out: [String] = []
        while week.first <= last.first {
            if PeriodChoice.covers(week, earliest: span.earliest, latest: span.latest, zone: zone) { out.append(week.description) }
            week = Period.isoWeek(containing: week.last.adding(days: 1))
        }
        return out
    }

    /// Runs the report of every week in `weeks` into `options.output`, recording each in the
    /// history; returns the weeks done.
    package static func run(_ options: RunOptions, weeks: [String], environment: [String: String]) throws -> [String] {
        var done: [String] = []
        for week in weeks {
            var o = options
            o.period = week
            _ = try ReportPipeline.run(o, environment: environment)
            done.append(week)
        }
        return done
    }
}
