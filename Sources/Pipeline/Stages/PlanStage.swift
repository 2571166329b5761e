import Extract
import Foundation
import JourneysCore

/// What the run will read and report on, decided before any event is read: the input files
/// (and which of them must be sorted by time first), the period and the read window.
struct ReadPlan {
    var files: [InputFile]
    var scans: [FileScan]
    var totalBytes: Int
    /// The period as the inputs' span places it.
    var window: PeriodWindow
    /// Extract's options, with the read window set.
    var extract: ExtractOptions

    init(files: [InputFile], scans: [FileScan], totalBytes: Int, period: Period, zone: TimeZone,
         previousCovered: Bool, span: (earliest: Int64, latest: Int64), extract: ExtractOptions) {
        self.files = files; self.scans = scans; self.totalBytes = totalBytes
        window = PeriodWindow(period: period, zone: zone, span: span)
        window.previousCovered = previousCovered
        self.extract = extract
    }

    var period: Period { window.period }
    var zone: TimeZone { window.zone }
    var span: (earliest: Int64, latest: Int64) { window.span }
    var periodRange: Range<Int64> { window.periodRange }
    var previousRange: Range<Int64> { window.previousRange }

    /// Reads from one lookback window before the previous period (each conversion of either
    /// period gets its full lookback) to the period's end plus the longest visit, which may
    /// finish after it.
    mutating func setReadWindow(_ config: PipelineConfig) {
        extract.keepFrom = min(periodRange.lowerBound, previousRange.lowerBound) - Int64(config.lookbackDays) * 86_400
        extract.keepUntil = periodRange.upperBound + config.sessionRules.maxVisitLength
    }
}

/// The reported period in the shop's time zone, against the earliest and latest timestamp of
/// every line of the run: what the reduce side needs of the read, whether the lines were read
/// in this process or by the shards whose partials are merged.
struct PeriodWindow {
    let period: Period
    let zone: TimeZone
    /// The earliest and latest timestamps of the input.
    let span: (earliest: Int64, latest: Int64)
    /// Whether the input reaches back to the start of the previous period (within an hour).
    var previousCovered: Bool

    /// The period's and the previous period's instants, worked out once: the zone's offsets come
    /// from ICU behind a lock, too slow to ask for each visit.
    let periodRange: Range<Int64>
    let previousRange: Range<Int64>

    init(period: Period, zone: TimeZone, span: (earliest: Int64, latest: Int64)) {
        self.period = period; self.zone = zone; self.span = span
        periodRange = period.startTime(in: zone)..<period.endTime(in: zone)
        previousRange = period.previous.startTime(in: zone)..<period.previous.endTime(in: zone)
        previousCovered = span.earliest <= previousRange.lowerBound + 3600
    }

    /// The first and last day the inputs cover, for messages.
    var coverage: String {
        "\(CivilDate.of(time: span.earliest, in: zone)) to \(CivilDate.of(time: span.latest, in: zone))"
    }

    /// Stops when the span holds nothing of the period.
    func requireData() throws {
        guard span.earliest < periodRange.upperBound, span.latest >= periodRange.lowerBound else {
            throw NoDataError(message: "no data in \(period): the inputs cover \(coverage)")
        }
    }
}

/// A period the inputs hold no event of: reporting it would publish zeros as if the shop had
/// closed, so the run stops instead.
package struct NoDataError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

/// Finds the inputs, scans each file's timestamps (span and time order) and chooses the period.
enum PlanStage {
    static func run(_ config: PipelineConfig, zone: TimeZone, askedPeriod: String?) throws -> ReadPlan {
        let paths = try InputFiles.resolve(config.inputs)
        let options = config.extractOptions
        let scans = try InputScan.scan(paths, options: options, tolerance: config.sessionRules.outOfOrderTolerance)
        // The period is chosen, and its coverage judged, on the bulk of the data: stray lines
        // far from it (a clock in 2099) move nothing and are rejected as `far_from_data`.
        guard let bulk = InputScan.bulk(scans) else {
            throw ExtractError(path: paths.joined(separator: ", "), reason: "no line with a readable timestamp in the inputs")
        }
        let span = (earliest: bulk.earliest, latest: bulk.latest)
        var period: Period
        if let asked = askedPeriod {
            guard let p = Period(parsing: asked) else {
                throw ExtractError(path: "--period", reason: "'\(asked)' is not a period; expected an ISO week (2026-W47), a month (2026-11) or a range (2026-11-02..2026-11-15)")
            }
            period = p
            period.isPartial = !PeriodChoice.covers(p, earliest: span.earliest, latest: span.latest, zone: zone)
        } else {
            period = PeriodChoice.choose(earliest: span.earliest, latest: span.latest, zone: zone)
        }
        var plan = try plan(files: scans.map(\.inputFile), scans: scans, totalBytes: InputFiles.totalBytes(paths), period: period,
                            span: span, zone: zone, config: config)
        if bulk.strayLines > 0 {
            plan.extract.bulkFrom = bulk.earliest
            plan.extract.bulkUntil = bulk.latest
        }
        return plan
    }

    /// The plan of `period` over inputs whose lines span `span`: whether the previous period is
    /// covered, the read window; stops when the inputs hold nothing of the period.
    static func plan(files: [InputFile], scans: [FileScan], totalBytes: Int, period: Period,
                     span: (earliest: Int64, latest: Int64), zone: TimeZone, config: PipelineConfig) throws -> ReadPlan {
        let window = PeriodWindow(period: period, zone: zone, span: span)
        try window.requireData()
        var plan = ReadPlan(files: files, scans: scans, totalBytes: totalBytes, period: period, zone: zone,
                            previousCovered: window.previousCovered, span: span, extract: config.extractOptions)
        plan.setReadWindow(config)
        return plan
    }
}
