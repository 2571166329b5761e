import JourneysCore

/// One shard's share of an input file that other processes parsed (the map side of a Spark
/// job): the file's slices in file order, each with the events of this shard's people as
/// `EventCodec` bytes, the slice's string table, and (on one shard only) the slice's line
/// accounting and samples. Read by `ParsedShareEvents` as `ShardedFileEvents` reads a file's
/// parts: the same events, counts and samples as reading the file itself.
///
/// The events are read once: the reader lets each slice's bytes go once it has handed its events
/// on, so that the shard's memory goes to its visits as the read goes on, not to events already
/// read. Copies of a share share its slices.
package struct ParsedShare: Sendable, Equatable {
    private final class Storage: @unchecked Sendable {
        var slices: [ParsedSlice] = []
    }
    private let storage = Storage()
    package init() {}

    package var slices: [ParsedSlice] { storage.slices }

    /// Adds the file's next slice.
    package func append(_ slice: ParsedSlice) { storage.slices.append(slice) }

    /// Slice `k`, its events' bytes let go in the share.
    func take(_ k: Int) -> ParsedSlice {
        let slice = storage.slices[k]
        storage.slices[k].events = []
        return slice
    }

    package static func == (a: ParsedShare, b: ParsedShare) -> Bool { a.storage === b.storage }

    /// Whether the whole file's lines are in time order within `tolerance`, as a scan of the
    /// file judges it (`FileScan.isInTimeOrder`): each slice's lines are, and no slice holds a
    /// line older by more than the tolerance than the newest line of the slices before it.
    package func isInTimeOrder(tolerance: Int64) -> Bool {
        var newest: Int64? = nil
        for slice in slices {
            let t = slice.times
            guard t.linesOutOfOrder == 0 else { return false }
            guard let earliest = t.earliest, let latest = t.latest else { continue }
            if let newest, SliceTimes.isOlder(earliest, than: newest, by: tolerance) { return false }
            newest = max(newest ?? latest, latest)
        }
        return true
    }

    /// The scan of the share's own events: their earliest and latest time, whether they are in
    /// time order within `tolerance`; `isInTimeOrder` decides for the whole file.
    package func scan(path: String, tolerance: Int64) throws -> FileScan {
        var times = SliceTimes()
        for slice in slices {
            try slice.events.withUnsafeBytes { bytes in
                var at = 0
                while at < bytes.count {
                    let end = try EventCodec.skip(bytes, at: at).end
                    times.note(try EventCodec.time(bytes, at: at, end: end), tolerance: tolerance)
                    at = end
                }
            }
        }
        var scan = FileScan(path: path)
        scan.timedLines = times.timedLines
        scan.linesOutOfOrder = times.linesOutOfOrder
        scan.earliest = times.earliest
        scan.latest = times.latest
        return scan
    }
}

/// One slice of a parsed file, as one shard receives it.
package struct ParsedSlice: Sendable, Equatable {
    /// The slice's strings; an event's symbol `n` is `strings[n]` (0: none).
    package var strings: [String] = [""]
    /// This shard's events of the slice, in line order (`EventCodec`).
    package var events: [UInt8] = []
    /// The slice's lines read, parsed and left out by outcome; nil on the shards that do not count them.
    package var account: FileAccount? = nil
    package var samples: [LineOutcome: [LineSample]] = [:]
    /// The lines of the file's slices before this one: the samples' line numbers are moved by them.
    package var lineOffset = 0
    /// The timestamps of all the slice's lines (not only this shard's events).
    package var times = SliceTimes()
    package init() {}
}

/// What a scan of the file's timestamps (`InputScan`) finds in one slice's lines: those with a
/// timestamp, those older by more than the tolerance than the newest line before them in the
/// slice, the earliest and the latest.
package struct SliceTimes: Sendable, Equatable {
    package var timedLines = 0
    package var linesOutOfOrder = 0
    package var earliest: Int64? = nil
    package var latest: Int64? = nil
    private var newest = Int64.min
    package init() {}

    /// Notes a line's timestamp, in line order.
    package mutating func note(_ t: Int64, tolerance: Int64) {
        timedLines += 1
        if t > newest { newest = t } else if Self.isOlder(t, than: newest, by: tolerance) { linesOutOfOrder += 1 }
        earliest = min(earliest ?? t, t)
        latest = max(latest ?? t, t)
    }

    /// Whether `t` is older than `newest` by more than `tolerance`, for any times (forged ones
    /// too): a difference beyond the 64 bits is more than any tolerance.
    static func isOlder(_ t: Int64, than newest: Int64, by tolerance: Int64) -> Bool {
        guard t < newest else { return false }
        let (d, overflow) = newest.subtractingReportingOverflow(t)
        return overflow || d > tolerance
    }

    package init(timedLines: Int, linesOutOfOrder: Int, earliest: Int64?, latest: Int64?) {
        self.timedLines = timedLines; self.linesOutOfOrder = linesOutOfOrder; self.earliest = earliest; self.latest = latest
    }
}

/// The events of a `ParsedShare`, slice after slice: each slice's strings are interned into the
/// run's symbols and its events' symbols moved over, its counts and samples added to the file's
/// account (line numbers moved by the lines before), as `ShardedFileEvents` adopts a part.
final class ParsedShareEvents: SortableEventSource {
    private let share: ParsedShare
    private let context: ExtractContext
    private let account: Int
    private var slice = -1
    /// The current slice's events, taken out of the share.
    private var events: [UInt8] = []
    private var symbols: [Symbol] = []
    private var at = 0
    private var consumed = 0

    init(share: ParsedShare, context: ExtractContext, account: Int) {
        self.share = share
        self.context = context
        self.account = account
    }

    var bytesConsumed: Int { consumed }

    func next() throws -> Event? {
        while at >= events.count {
            guard slice + 1 < share.slices.count else {
                events = []
                return nil
            }
            slice += 1
            at = 0
            let s = share.take(slice)
            events = s.events
            adopt(s)
        }
        let e = try events.withUnsafeBytes { bytes in
            let before = at
            defer { consumed += at - before }
            return try EventCodec.read(bytes, at: &at, symbols: symbols)
        }
        if let s = e.survey, !s.kind.scale(cesPoints: context.options.cesPoints).contains(s.score) {
            throw EventCodecError.field("survey answer (\(s.kind.rawValue) \(s.score))")
        }
        return e
    }

    func recordSort(_ resort: FileAccount.Resort) {
        context.quality.files[account].resort = resort
    }

    private func adopt(_ s: ParsedSlice) {
        symbols = [Symbol](repeating: .none, count: s.strings.count)
        for (i, string) in s.strings.enumerated() where i > 0 { symbols[i] = context.intern(string) }
        context.addPart(s.account, samples: s.samples, lineOffset: s.lineOffset, to: account)
    }
}

/// A file's events that may need sorting by time before the merge (`TimeSortedEvents`), which
/// notes in the file's account how they were sorted.
protocol SortableEventSource: EventSource {
    func recordSort(_ resort: FileAccount.Resort)
}
