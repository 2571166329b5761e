#if canImport(Glibc)
import Glibc
#endif
import Foundation
import JourneysCore

/// The events of one large plain file, parsed by several threads at once: the file is cut into
/// parts at line boundaries, each part is read, parsed and filtered with an extract state of its
/// own, and the parts' events are handed on in file order. So the stream is the one a single
/// reader gives, event for event: the parts' strings are interned into the run's symbols in the
/// order the part first saw them, their counts and samples are added in file order (line numbers
/// moved by the lines of the parts before), and a part's first line is never a header.
///
/// At most `2 × shards` parts are parsed ahead of the one being handed on, so memory stays
/// bounded however large the file is.
final class ShardedFileEvents: EventSource {
    let path: String
    private let context: ExtractContext
    private let account: Int
    private let work: PartWork
    private var partIndex = 0
    private var events: [Event] = []
    private var position = 0
    private var lineOffset = 0
    private var consumed = 0
    private var ended = false

    /// nil when the file is too small to split, compressed, or has no line to take the format from.
    /// `account`: the file's account in `context.quality.files` when already made; else one is added.
    static func open(path: String, context: ExtractContext, account: Int? = nil) throws -> ShardedFileEvents? {
        PlainFileParts.open(path: path, options: context.options).map { ShardedFileEvents(parts: $0, context: context, account: account) }
    }

    private init(parts: PlainFileParts, context: ExtractContext, account: Int?) {
        path = parts.path
        self.context = context
        self.account = account ?? context.addAccount(path)
        work = PartWork(parts: parts, options: context.options)
    }

    deinit { work.cancel() }

    var bytesConsumed: Int { consumed }

    func next() throws -> Event? {
        while position == events.count {
            if ended { return nil }
            guard var part = try work.take(partIndex) else {
                ended = true
                return nil
            }
            partIndex += 1
            adopt(&part)
        }
        defer { position += 1 }
        return events[position]
    }

    /// Takes a parsed part over: its strings into the run's symbols, its events with their
    /// symbols moved over, its counts and samples into the file's account. The events are
    /// taken out of `part`, so that they are renumbered in place, not copied first.
    private func adopt(_ part: inout PartResult) {
        var symbol = [Symbol](repeating: .none, count: part.strings.count)
        for (i, s) in part.strings.enumerated() where i > 0 { symbol[i] = context.intern(s) }
        func map(_ s: Symbol) -> Symbol { symbol[Int(s.raw)] }
        events = []
        swap(&events, &part.events)
        for i in events.indices {
            events[i].path = map(events[i].path)
            events[i].referrerHost = map(events[i].referrerHost)
            events[i].searchTerm = map(events[i].searchTerm)
            if var c = events[i].campaign {
                c.source = map(c.source); c.medium = map(c.medium); c.name = map(c.name)
                events[i].campaign = c
            }
            if var o = events[i].order {
                o.id = map(o.id)
                events[i].order = o
            }
        }
        position = 0
        context.addPart(part.account, samples: part.samples, lineOffset: lineOffset, to: account)
        lineOffset += part.lines
        consumed += part.bytes
    }
}

/// One part of a file, parsed: its events with symbols of its own table, and its accounting.
struct PartResult: @unchecked Sendable {
    var events: [Event]
    var strings: [String]
    var account: FileAccount
    var samples: [LineOutcome: [LineSample]]
    var lines: Int
    var bytes: Int
}

/// The parts of one file and the threads that parse them, in order, a bounded number ahead.
private final class PartWork: @unchecked Sendable {
    let parts: PlainFileParts
    let options: ExtractOptions
    var partCount: Int { parts.count }
    private let condition = NSCondition()
    private var nextToParse = 0
    private var taken = 0
    private var results: [Int: Result<PartResult, Error>] = [:]
    private var cancelled = false
    private var started = false

    init(parts: PlainFileParts, options: ExtractOptions) {
        self.parts = parts
        self.options = options
    }

    private func start() {
        started = true
        for k in 0..<options.shards {
            let thread = Thread { [self] in run() }
            thread.name = "journeys-shard-\(k)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Part `index`'s result, waiting for it; nil past the last part.
    func take(_ index: Int) throws -> PartResult? {
        condition.lock()
        defer { condition.unlock() }
        if !started { start() }
        guard index < partCount else { return nil }
        while results[index] == nil { condition.wait() }
        let result = results.removeValue(forKey: index)!
        taken = index + 1
        condition.broadcast()
        return try result.get()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        // user-agent decisions are the same in every part: a thread keeps its own from part to part
        var agents = ByteCache<ExtractContext.Agent>()
        // the events of the thread's last part: room for as many is made at once in the next
        var lastCount = 0
        while true {
            condition.lock()
            while !cancelled && nextToParse < partCount && nextToParse >= taken + 2 * options.shards { condition.wait() }
            if cancelled || nextToParse >= partCount {
                condition.unlock()
                return
            }
            let index = nextToParse
            nextToParse += 1
            condition.unlock()
            let result = Result { try parse(index, agents: &agents, expecting: lastCount) }
            if case .success(let part) = result { lastCount = part.events.count }
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Part `k` parsed; `expecting`: about how many events it holds (the parts are of one size),
    /// so that its list is made once instead of grown and copied by doubling.
    private func parse(_ k: Int, agents: inout ByteCache<ExtractContext.Agent>, expecting: Int) throws -> PartResult {
        let source = try parts.source(k)
        let context = ExtractContext(options: options)
        swap(&context.agents, &agents)
        defer { swap(&context.agents, &agents) }
        let events = try FileEvents(path: parts.path, part: source, firstLine: parts.firstLine, context: context)
        var out: [Event] = []
        out.reserveCapacity(expecting + expecting / 8)
        while let e = try events.next() { out.append(e) }
        return PartResult(events: out, strings: context.symbols.strings, account: context.quality.files[0],
                          samples: context.quality.samples, lines: events.linesRead, bytes: source.bytesConsumed)
    }
}

/// Bytes `from ..< to` of a file, read with positioned reads.
final class RangeSource: ByteSource {
    private let descriptor: OwnedDescriptor
    private var offset: Int
    private let end: Int
    private(set) var bytesConsumed = 0
    private(set) var damage: String? = nil

    init(descriptor: consuming OwnedDescriptor, from: Int, to: Int) {
        self.descriptor = descriptor
        offset = from
        end = to
    }

    func read(into: UnsafeMutableRawPointer, count: Int) throws -> Int {
        let want = min(count, end - offset)
        guard want > 0 else { return 0 }
        while true {
            let n = pread(descriptor.raw, into, want, off_t(offset))
            if n >= 0 {
                offset += n
                bytesConsumed += n
                if n == 0 { damage = "read error: the file ended before its size" }
                return n
            }
            if errno != EINTR {
                damage = "read error: \(String(cString: strerror(errno)))"
                return 0
            }
        }
    }
}
