import Foundation
import HeapModule
import JourneysCore

/// One input file as the read plan gives it: its path, and whether its lines must be sorted by
/// time before the merge (see `InputScan`).
package struct InputFile: Sendable, Equatable {
    package var path: String
    package var sortByTime: Bool
    /// Set when `path` holds some lines of another file (a shard's share, see `SpooledLines`):
    /// the lines are accounted to that file, under their numbers there.
    package var spool: Spool? = nil
    /// The earliest timestamp of the file's lines, when a scan has read them: the merge opens
    /// the file only when it reaches that time, so that files that follow each other (a year of
    /// daily logs) are not all open at once.
    package var earliest: Int64? = nil
    /// Set when the file's lines were parsed elsewhere (the map side of a Spark job): this
    /// shard's share of its events, read instead of `path`, which names the file.
    package var parsed: ParsedShare? = nil
    package init(path: String, sortByTime: Bool = false) { self.path = path; self.sortByTime = sortByTime }

    /// Where a spooled file's lines come from: the original file's name, the number of each of
    /// its lines there (in order), and the original file's first line, which picks the decoder
    /// (a CSV export's header) whether or not the share holds it. A damaged file (a gzip that
    /// ends early) hands its damage on, and its unterminated last line, when the share holds it,
    /// is rejected as `truncated` as reading the file itself would.
    package struct Spool: Sendable, Equatable {
        package var file: String
        package var lineNumbers: [Int]
        package var firstLine: [UInt8]
        /// The number of `firstLine` in its file (its first non-empty line).
        package var firstLineNumber = 1
        package var damage: String? = nil
        package var truncatedLine: Int? = nil
        package init(file: String, lineNumbers: [Int], firstLine: [UInt8], firstLineNumber: Int = 1,
                     damage: String? = nil, truncatedLine: Int? = nil) {
            self.file = file; self.lineNumbers = lineNumbers; self.firstLine = firstLine; self.firstLineNumber = firstLineNumber
            self.damage = damage; self.truncatedLine = truncatedLine
        }

        /// The number, in the spooled file, of its copy of the truncated line.
        package var truncatedLineInSpool: Int? {
            truncatedLine.flatMap { t in lineNumbers.lastIndex(of: t).map { $0 + 1 } }
        }
    }
}

/// What extract hands on at the end of the stream: the accounting of every line and the strings
/// behind the events' symbols.
package struct ExtractResult: Sendable {
    package var quality: DataQuality
    package var symbols: SymbolTable
    package init(quality: DataQuality, symbols: SymbolTable) { self.quality = quality; self.symbols = symbols }
}

/// Events of several files merged into one time-ordered stream (logs of several servers, or days
/// that overlap), holding one pending event per file. A file that is not in time order is sorted
/// first (`TimeSortedEvents`).
///
/// With `ExtractOptions.readAhead` the files are read, decompressed, parsed and merged on a
/// background thread that hands over batches of events through a small bounded queue, while the
/// caller (sessionize) works on the previous batch. The extract state (symbols, data quality)
/// belongs to whoever reads the files: that thread, until it has handed over the end of the
/// stream. Then, and only then, `result` hands it back.
package final class MergedEvents {
    private let merger: Merger
    private let context: ExtractContext
    private let channel: EventChannel?
    private var started = false
    private var ended = false
    private var batch: [Event] = []
    private var index = 0

    /// Prepares the merge of `files` without reading any line yet. A file is opened when the
    /// merge reaches its earliest line (`InputFile.earliest`; at the start when unknown) and
    /// closed after its last, so that the open files are those whose lines overlap in time, not
    /// all of them: a thousand daily logs do not meet the open-file limit. A file that cannot be
    /// opened stops the merge when its turn comes. Each file's account is made here, in the order
    /// given, whenever the file is opened.
    package init(_ files: [InputFile], options: ExtractOptions) throws {
        let context = ExtractContext(options: options)
        // The files to sort are gathered at once, when the merge takes its first event of each:
        // they share the budget.
        let budget = options.sortBudgetBytes / max(1, files.filter(\.sortByTime).count)
        let sources: [LazyFileSource] = files.map { file in
            context.quality.files.append(FileAccount(file: file.spool?.file ?? file.path))
            let account = context.quality.files.count - 1
            return LazyFileSource(opensAt: file.earliest.map { $0 - LazyFileSource.openingMargin }) {
                // A large plain file in time order is parsed by several threads at once.
                if file.spool == nil, file.parsed == nil, !file.sortByTime,
                   let sharded = try ShardedFileEvents.open(path: file.path, context: context, account: account) { return sharded }
                let events: any SortableEventSource = try file.parsed.map { ParsedShareEvents(share: $0, context: context, account: account) }
                    ?? file.spool.map { try FileEvents(spooled: file.path, $0, context: context, account: account) }
                    ?? FileEvents(path: file.path, context: context, account: account)
                guard file.sortByTime else { return events }
                return TimeSortedEvents(events, budgetBytes: budget, temporaryDirectory: options.sortDirectory)
            }
        }
        self.context = context
        merger = Merger(sources)
        channel = options.readAhead && !sources.isEmpty ? EventChannel() : nil
    }

    deinit { channel?.cancel() }

    /// Input bytes consumed so far (compressed bytes for gzip files).
    package var bytesConsumed: Int { channel?.bytesConsumed ?? merger.bytesConsumed }

    /// The accounting and symbols of the whole stream; only after `next()` has returned `nil`.
    package var result: ExtractResult {
        precondition(ended, "extract's result is read before the end of its stream")
        return ExtractResult(quality: context.quality, symbols: context.symbols)
    }

    package func next() throws -> Event? {
        guard let channel else {
            let e = try merger.next()
            if e == nil { ended = true }
            return e
        }
        if index < batch.count {
            defer { index += 1 }
            return batch[index]
        }
        if !started {
            started = true
            let job = ProducerJob(merger: merger, channel: channel)
            let thread = Thread { job.run() }
            thread.name = "journeys-extract"
            thread.stackSize = 1 << 20
            thread.start()
        }
        while true {
            switch try channel.take(recycling: &batch) {
            case .some(let b):
                guard !b.isEmpty else { continue }
                batch = b
                index = 1
                return batch[0]
            case .none:
                batch = []
                index = 0
                ended = true
                return nil
            }
        }
    }
}

/// One file's events, opened when the merge first asks for them and closed (its source let go)
/// after the last.
final class LazyFileSource: EventSource {
    /// How long before a file's earliest scanned line the merge opens it: a margin, so that the
    /// merge is the same as with every file open from the start.
    static let openingMargin: Int64 = 86_400
    /// When the merge opens the file: once it reaches this time; nil: at the start.
    let opensAt: Int64?
    private var make: (() throws -> EventSource)?
    private var source: EventSource? = nil
    private var consumedWhenClosed = 0

    init(opensAt: Int64?, make: @escaping () throws -> EventSource) {
        self.opensAt = opensAt
        self.make = make
    }

    var bytesConsumed: Int { source?.bytesConsumed ?? consumedWhenClosed }

    func next() throws -> Event? {
        if let make {
            self.make = nil
            source = try make()
        }
        guard let source else { return nil }
        if let e = try source.next() { return e }
        consumedWhenClosed = source.bytesConsumed
        self.source = nil
        return nil
    }
}

/// The k-way merge of the files' event streams by time (ties: the earlier file first). A file
/// joins the merge when the merge reaches its `opensAt` time: none of its events can come
/// before that, so the order is the one of a merge that opened every file at the start.
final class Merger {
    private struct Head: Comparable {
        var event: Event
        var source: Int
        static func < (a: Head, b: Head) -> Bool {
            a.event.time != b.event.time ? a.event.time < b.event.time : a.source < b.source
        }
        static func == (a: Head, b: Head) -> Bool { a.event.time == b.event.time && a.source == b.source }
    }

    private let sources: [LazyFileSource]
    private var heads = Heap<Head>()
    /// The sources not yet opened, by the time they open at (then file order).
    private var unopened: [Int]
    private var nextUnopened = 0

    init(_ sources: [LazyFileSource]) {
        self.sources = sources
        unopened = sources.indices.sorted { i, j in
            let a = sources[i].opensAt ?? .min, b = sources[j].opensAt ?? .min
            return a != b ? a < b : i < j
        }
    }

    var bytesConsumed: Int { sources.reduce(0) { $0 + $1.bytesConsumed } }

    func next() throws -> Event? {
        if sources.count == 1 { return try sources[0].next() }
        // Opens every file that may hold an event at or before the merge's next one.
        while nextUnopened < unopened.count {
            let i = unopened[nextUnopened]
            if let first = heads.min, let opensAt = sources[i].opensAt, first.event.time < opensAt { break }
            nextUnopened += 1
            if let e = try sources[i].next() { heads.insert(Head(event: e, source: i)) }
        }
        guard let head = heads.popMin() else { return nil }
        if let e = try sources[head.source].next() { heads.insert(Head(event: e, source: head.source)) }
        return head.event
    }
}

/// Runs the merger to the end on its own thread, batch by batch.
private final class ProducerJob: @unchecked Sendable {
    static let batchSize = 4096
    let merger: Merger
    let channel: EventChannel

    init(merger: Merger, channel: EventChannel) { self.merger = merger; self.channel = channel }

    func run() {
        var batch: [Event] = []
        batch.reserveCapacity(Self.batchSize)
        do {
            while let e = try merger.next() {
                batch.append(e)
                if batch.count == Self.batchSize {
                    guard channel.put(&batch, bytes: merger.bytesConsumed) else { return }
                }
            }
            if !batch.isEmpty { guard channel.put(&batch, bytes: merger.bytesConsumed) else { return } }
            channel.finish(error: nil, bytes: merger.bytesConsumed)
        } catch {
            channel.finish(error: error, bytes: merger.bytesConsumed)
        }
    }
}

/// A bounded queue of event batches between one producer and one consumer thread; spent batch
/// buffers travel back to the producer so that steady state allocates nothing.
private final class EventChannel: @unchecked Sendable {
    static let capacity = 4
    private let condition = NSCondition()
    private var full: [[Event]] = []
    private var empty: [[Event]] = []
    private var finished = false
    private var failure: Error? = nil
    private var cancelled = false
    private var bytes = 0

    var bytesConsumed: Int {
        condition.lock(); defer { condition.unlock() }
        return bytes
    }

    /// Hands over `batch` (replacing it with an empty buffer); false when the consumer is gone.
    func put(_ batch: inout [Event], bytes: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while full.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        full.append(batch)
        self.bytes = bytes
        batch = empty.popLast() ?? []
        batch.removeAll(keepingCapacity: true)
        if batch.capacity < ProducerJob.batchSize { batch.reserveCapacity(ProducerJob.batchSize) }
        condition.broadcast()
        return true
    }

    func finish(error: Error?, bytes: Int) {
        condition.lock()
        finished = true
        failure = error
        self.bytes = bytes
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, `nil` at the end; rethrows the producer's error after its last batch.
    func take(recycling spent: inout [Event]) throws -> [Event]? {
        condition.lock()
        defer { condition.unlock() }
        if spent.capacity > 0 && empty.count < Self.capacity {
            empty.append(spent)
            spent = []
        }
        while full.isEmpty && !finished { condition.wait() }
        if !full.isEmpty {
            let b = full.removeFirst()
            condition.broadcast()
            return b
        }
        if let failure { self.failure = nil; throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
