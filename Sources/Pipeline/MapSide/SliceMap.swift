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

    package init(pipeline: String, period: String, file: Int, path: String, read: String) {
        self.pipeline = pipeline; self.period = period; self.file = file; self.path = path; self.read = read
    }
}

/// The map side of a Spark job: one slice of one input file read once, each line classified as
/// `journeys report` classifies it. Lines with an event (and the lines the shards must count and
/// sample themselves: rejected lines, a header) become `SliceRecord`s with their device; the
/// lines the report leaves out (bots, static files, status and method filters, outside the read
/// window) become counts. Also collects the slice's identity pairs and span for the first pass.
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
        let windowed = LineEvents(options: plan.extract)
        let all = LineEvents(options: config.extractOptions)
        let maxLine = config.extractOptions.maxLineBytes

        let reader: LineReader
        var seenFirst = false
        if let range = o.range {
            let slice = try PlainFileRange.open(path: o.read, from: range.from, to: range.to, maxLineBytes: maxLine)
            reader = LineReader(source: slice.source, maxLineBytes: maxLine)
            if slice.begin > 0 {
                guard let first = slice.firstLine else {
                    throw ExtractError(path: o.path, reason: "no non-empty line in its first \(maxLine) bytes: its format is unknown, read it whole")
                }
                try first.bytes.withUnsafeBytes {
                    try windowed.setFirstLine($0, file: o.file, path: o.path)
                    try all.setFirstLine($0, file: o.file, path: o.path)
                }
                seenFirst = true
            }
        } else {
            reader = LineReader(source: try openByteSource(path: o.read), maxLineBytes: maxLine)
        }

        var pairs = IdentityPairs()
        var out = [UInt8]()
        out.reserveCapacity(1 << 20)
        Array(o.path.utf8).withUnsafeBytes { SliceRecord.write(.file, file: o.file, line: 0, bytes: $0, to: &out) }
        var left = [LineOutcome: Int]()
        var leftLines = 0
        var number = 0
        loop: while true {
            let item = try reader.next()
            switch item {
            case .end:
                break loop
            case .tooLong(let prefix):
                number += 1
                SliceRecord.write(.tooLong, file: o.file, line: number, bytes: prefix, to: &out)
            case .truncated(let rest):
                number += 1
                SliceRecord.write(.truncated, file: o.file, line: number, bytes: rest, to: &out)
            case .line(let l):
                number += 1
                if !seenFirst, !l.isEmpty {
                    // the file's first non-empty line: its copy goes to every shard
                    SliceRecord.write(.firstLine, file: o.file, line: number, bytes: l, to: &out)
                    try all.setFirstLine(l, file: o.file, path: o.path)
                    try windowed.setFirstLine(l, file: o.file, path: o.path)
                    seenFirst = true
                }
                if let t = try windowed.timestamp(l, file: o.file, path: o.path) { pairs.note(time: t) }
                switch try windowed.result(l, file: o.file, path: o.path) {
                case .event(let e)?:
                    pairs.add(e, orderID: windowed.string)
                    SliceRecord.write(.event, file: o.file, line: number, device: e.device.raw, bytes: l, to: &out)
                case .skipped(let why)? where !why.isRejected && why != .header:
                    if why == .outsidePeriod, case .event(let e)? = try all.result(l, file: o.file, path: o.path) {
                        // the first pass takes its pairs from every line, as `journeys partial --input` does
                        pairs.add(e, orderID: all.string)
                    }
                    left[why, default: 0] += 1
                    leftLines += 1
                default:
                    SliceRecord.write(.line, file: o.file, line: number, bytes: l, to: &out)
                }
            }
            if out.count >= 1 << 20 { output(&out, false) }
        }
        if let damage = reader.source.damage {
            Array(damage.utf8).withUnsafeBytes { SliceRecord.write(.damage, file: o.file, line: 0, bytes: $0, to: &out) }
        }
        if leftLines > 0 {
            let text = left.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)\n" }.joined()
            Array(text.utf8).withUnsafeBytes { SliceRecord.write(.counts, file: o.file, line: leftLines, bytes: $0, to: &out) }
        }
        SliceRecord.write(.end, file: o.file, line: number, bytes: UnsafeRawBufferPointer(start: nil, count: 0), to: &out)
        output(&out, true)
        return pairs
    }
}
