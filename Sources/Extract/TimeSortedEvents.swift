import HeapModule
import JourneysCore

/// The events of a file that is not in time order, sorted by time before they enter the merge.
/// The sort is stable: events with the same timestamp keep their file order.
///
/// Events are gathered in chunks of at most `budgetBytes`. A file whose events fit in one chunk is
/// sorted in memory; a larger one is sorted chunk by chunk into runs spilled to temporary files
/// and merged back (an external merge sort), so memory stays bounded for any file size: the runs
/// read back share the budget for their buffers, and at `maxRuns` the runs so far are merged into
/// one, so open files stay few too. What happened is recorded in the file's account: how, and how
/// many events changed place.
final class TimeSortedEvents: EventSource {
    private let source: any SortableEventSource
    private let budgetBytes: Int
    private let temporaryDirectory: String?
    private var started = false

    // In memory: the chunk, and the order to hand its events out in.
    private var chunk: [SpillFile.Entry] = []
    private var chunkIndex = 0

    // External: the runs and a heap over their heads.
    private var runs: [SpillFile] = []
    private var heads = Heap<Head>()

    /// Runs open at most; more are merged into one first.
    static let maxRuns = 64
    private var handedOut: Int64 = 0
    private var spilled = 0
    private var finished = false
    private var moved = 0

    private struct Head: Comparable {
        var time: Int64
        var position: Int64
        var run: Int
        var event: Event
        static func < (a: Head, b: Head) -> Bool { a.time != b.time ? a.time < b.time : a.position < b.position }
        static func == (a: Head, b: Head) -> Bool { a.time == b.time && a.position == b.position }
    }

    init(_ source: any SortableEventSource, budgetBytes: Int, temporaryDirectory: String?) {
        self.source = source
        self.budgetBytes = budgetBytes
        self.temporaryDirectory = temporaryDirectory
    }

    var bytesConsumed: Int { source.bytesConsumed }

    /// Events one chunk may hold.
    private var chunkCapacity: Int { max(1, budgetBytes / MemoryLayout<SpillFile.Entry>.stride) }

    func next() throws -> Event? {
        if !started {
            started = true
            try gather()
        }
        let entry: SpillFile.Entry?
        if runs.isEmpty {
            entry = chunkIndex < chunk.count ? chunk[chunkIndex] : nil
            chunkIndex += 1
        } else {
            entry = try nextMerged()
        }
        guard let entry else {
            finish()
            return nil
        }
        if entry.position != handedOut { moved += 1 }
        handedOut += 1
        return entry.event
    }

    /// Reads the whole file into one sorted chunk, or into sorted runs on disk.
    private func gather() throws {
        let capacity = chunkCapacity
        chunk.reserveCapacity(min(capacity, 1 << 16))
        var position: Int64 = 0
        while let e = try source.next() {
            if chunk.count == capacity { try spill() }
            chunk.append(SpillFile.Entry(position: position, event: e))
            position += 1
        }
        sortChunk()
        if !runs.isEmpty {
            try spill()
            try startMerging()
        }
    }

    /// Each run's buffer, so that all runs read back together stay within the budget.
    private var bufferEntries: Int {
        max(64, min(4096, budgetBytes / max(1, runs.count) / MemoryLayout<SpillFile.Entry>.stride))
    }

    /// Rewinds every run and puts its first event on the heap.
    private func startMerging() throws {
        heads = Heap()
        let entries = bufferEntries
        for (i, run) in runs.enumerated() {
            try run.rewind(bufferEntries: entries)
            if let e = try run.next() { heads.insert(Head(time: e.event.time, position: e.position, run: i, event: e.event)) }
        }
    }

    /// The next entry of the merge of the runs.
    private func nextMerged() throws -> SpillFile.Entry? {
        guard let head = heads.popMin() else { return nil }
        if let e = try runs[head.run].next() {
            heads.insert(Head(time: e.event.time, position: e.position, run: head.run, event: e.event))
        }
        return SpillFile.Entry(position: head.position, event: head.event)
    }

    /// Merges the runs so far into one, through a buffer of one chunk.
    private func mergeRuns() throws {
        try startMerging()
        let merged = try SpillFile(directory: temporaryDirectory)
        var out: [SpillFile.Entry] = []
        out.reserveCapacity(min(chunkCapacity, 1 << 16))
        while let e = try nextMerged() {
            out.append(e)
            if out.count == out.capacity {
                try out.withUnsafeBufferPointer { try merged.write($0) }
                out.removeAll(keepingCapacity: true)
            }
        }
        try out.withUnsafeBufferPointer { try merged.write($0) }
        runs = [merged]
    }

    private func sortChunk() {
        // Positions are unique, so ordering by (time, position) is a stable sort by time.
        chunk.sort { $0.event.time != $1.event.time ? $0.event.time < $1.event.time : $0.position < $1.position }
    }

    private func spill() throws {
        if runs.count == Self.maxRuns { try mergeRuns() }
        sortChunk()
        let run = try SpillFile(directory: temporaryDirectory)
        try chunk.withUnsafeBufferPointer { try run.write($0) }
        runs.append(run)
        spilled += 1
        chunk.removeAll(keepingCapacity: true)
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        source.recordSort(FileAccount.Resort(events: Int(handedOut), moved: moved, spilledRuns: spilled))
        chunk = []
        runs = []
    }
}
