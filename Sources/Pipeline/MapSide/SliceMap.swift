import ByteCoding
import Extract
import Foundation
import JourneysCore

/// What the command line says about one `journeys map` run.
package struct SliceMapOptions: Sendable {
    package var pipeline: String
    package var period: String
    /// The file's index among the job's inputs, in `journeys report`'s order.
    package var file: Int
    /// The file's name as the report shows it (in the data-quality section).
    package var path: String
    /// Where to read the file on this machine (`path` unless the engine made a local copy).
    package var read: String
    /// Nominal bytes `from ..< to` of a plain file; nil: the whole file (plain or gzip).
    package var range: (from: Int, to: Int)? = nil
    /// The outlier bound of order values in cents (`journeys order-bound`), as every shard reads with it.
    package var orderBoundCents: Int64? = nil

    package init(pipeline: String, period: String, file: Int, path: String, read: String) {
        self.pipeline = pipeline; self.period = period; self.file = file; self.path = path; self.read = read
    }
}

/// The map side of a Spark job: one slice of one input file read once, each line parsed and
/// classified as `journeys report` reads it (the read window of the period, the outlier bound
/// of order values). The slice's events go out as `EventCodec` bytes with the slice's string
/// table; its lines' accounting (read, parsed, left out and rejected by outcome) and its
/// data-quality samples as one small record. Also collects the slice's identity pairs (from
/// every line, in the read window or not) and the span of its timestamps for the first pass.
package enum SliceMap {
    package static func run(_ o: SliceMapOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                            output: (inout [UInt8], Bool) -> Void) throws -> IdentityPairs {
        let config = try ConfigLoader.load(path: o.pipeline, options: RunOptions(pipeline: o.pipeline), environment: environment)
        guard let period = Period(parsing: o.period) else {
            throw ExtractError(path: "--period", reason: "'\(o.period)' is not a period; expected an ISO week (2026-W47), a month (2026-11) or a range (2026-11-02..2026-11-15)")
        }
        // the shards' read window: it follows from the period alone
        var plan = ReadPlan(files: [], scans: [], totalBytes: 0, period: period, zone: TimeZone(identifier: config.timeZone)!,
                            previousCovered: false, span: (0, 0), extract: config.extractOptions)
        plan.setReadWindow(config)
        var options = plan.extract
        if let bound = o.orderBoundCents, bound < config.maxOrderValueCents { options.outlierBoundCents = bound }
        let all = LineEvents(options: config.extractOptions)
        let maxLine = config.extractOptions.maxLineBytes

        let source: ByteSource
        var firstLine: [UInt8] = []
        if let range = o.range {
            let slice = try PlainFileRange.open(path: o.read, from: range.from, to: range.to, maxLineBytes: maxLine)
            source = slice.source
            if slice.begin > 0 {
                guard let first = slice.firstLine else {
                    throw ExtractError(path: o.path, reason: "no non-empty line in its first \(maxLine) bytes: its format is unknown, read it whole")
                }
                firstLine = first.bytes
                try firstLine.withUnsafeBytes { try all.setFirstLine($0, file: o.file, path: o.path) }
            }
        } else {
            source = try openByteSource(path: o.read)
        }
        let context = ExtractContext(options: options)
        let events = try FileEvents(path: o.path, part: source, firstLine: firstLine, context: context)
        let pairs = PairsBox()
        let tolerance = config.sessionRules.outOfOrderTolerance
        events.observe = { line, result in
            try all.setFirstLine(line, file: o.file, path: o.path)
            if let t = try all.timestamp(line, file: o.file, path: o.path) {
                pairs.value.note(time: t)
                pairs.times.note(t, tolerance: tolerance)
            }
            switch result {
            case .event(let e):
                pairs.value.add(e, orderID: { context.symbols[$0] })
            case .skipped(.outsidePeriod):
                // the first pass takes its pairs from every line, as `journeys partial --input` does
                if case .event(let e)? = try all.result(line, file: o.file, path: o.path) { pairs.value.add(e, orderID: all.string) }
            case .skipped:
                break
            }
        }

        var out = [UInt8]()
        out.reserveCapacity(1 << 20)
        SliceRecord.write(.file, file: o.file, line: 0, bytes: Array(o.path.utf8), to: &out)
        var block = [UInt8]()
        block.reserveCapacity(1 << 20)
        while let e = try events.next() {
            EventCodec.append(e, to: &block)
            if block.count >= 1 << 20 {
                SliceRecord.write(.events, file: o.file, line: 0, bytes: block, to: &out)
                block.removeAll(keepingCapacity: true)
                output(&out, false)
            }
        }
        if !block.isEmpty { SliceRecord.write(.events, file: o.file, line: 0, bytes: block, to: &out) }
        SliceRecord.write(.strings, file: o.file, line: 0, bytes: SliceStrings.encode(context.symbols.strings), to: &out)
        let account = SliceAccount(context.quality.files[0], samples: context.quality.samples)
        SliceRecord.write(.account, file: o.file, line: 0, bytes: try CompactEncoder().encode(account), to: &out)
        SliceRecord.write(.times, file: o.file, line: 0, bytes: SliceTimesBytes.encode(pairs.times), to: &out)
        SliceRecord.write(.end, file: o.file, line: events.linesRead, bytes: [], to: &out)
        output(&out, true)
        return pairs.value
    }

    /// The pairs and timestamps the line observer adds to.
    private final class PairsBox {
        var value = IdentityPairs()
        var times = SliceTimes()
    }
}
