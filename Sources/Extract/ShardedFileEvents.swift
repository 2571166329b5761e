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
    static func open(path: String, context: ExtractContext) throws -> ShardedFileEvents? {
        let options = context.options
        guard options.shards > 1 else { return nil }
        // a probe only: whatever fails here leaves the file to the single reader, which reports it
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        guard size >= 2 * options.shardPartBytes else { return nil }
        var head = [UInt8](repeating: 0, count: min(size, options.maxLineBytes + 2))
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 2, !(head[0] == 0x1f && head[1] == 0x8b) else { return nil }
        head = Array(head[0..<n])
        // The first non-empty line decides the format for every part, as it does for a whole file.
        var first: [UInt8]? = nil
        var start = 0
        while start < head.count {
            guard let nl = head[start...].firstIndex(of: 0x0A) else { break }
            var line = Array(head[start..<nl])
            if line.last == 0x0D { line.removeLast() }
            if !line.isEmpty { first = line; break }
            start = nl + 1
        }
        guard let first else { return nil }
        return ShardedFileEvents(path: path, size: size, firstLine: first, context: context)
    }

    private init(path: String, size: Int, firstLine: [UInt8], context: ExtractContext) {
        self.path = path
        self.context = context
        context.quality.files.append(FileAccount(file: path))
        account = context.quality.files.count - 1
        work = PartWork(path: path, size: size, firstLine: firstLine, options: context.options)
    }

    deinit { work.cancel() }

    var bytesConsumed: Int { consumed }

    func next() throws -> Event? {
        while position == events.count {
            if ended { return nil }
            guard let part = try work.take(partIndex) else {
                ended = true
                return nil
            }
            partIndex += 1
            adopt(part)
        }
        defer { position += 1 }
        return events[position]
    }

    /// Takes a parsed part over: its strings into the run's symbols, its events with their
    /// symbols moved over, its counts and samples into the file's account.
    private func adopt(_ part: PartResult) {
        var symbol = [Symbol](repeating: .none, count: part.strings.count)
        for (i, s) in part.strings.enumerated() where i > 0 { symbol[i] = context.intern(s) }
        func map(_ s: Symbol) -> Symbol { symbol[Int(s.raw)] }
        events = part.events
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
        let a = part.account
        context.quality.files[account].read += a.read
        context.quality.files[account].parsed += a.parsed
        for (o, c) in a.outcomes { context.quality.files[account].outcomes[o, default: 0] += c }
        if let damage = a.damage, context.quality.files[account].damage == nil { context.quality.files[account].damage = damage }
        for outcome in LineOutcome.allCases {
            for sample in part.samples[outcome] ?? [] {
                var moved = sample
                moved.line += lineOffset
                context.quality.addSample(outcome, moved)
            }
        }
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
    let path: String
    let size: Int
    let firstLine: [UInt8]
    let options: ExtractOptions
    let partCount: Int
    private let condition = NSCondition()
    private var nextToParse = 0
    private var taken = 0
    private var results: [Int: Result<PartResult, Error>] = [:]
    private var cancelled = false
    private var started = false

    init(path: String, size: Int, firstLine: [UInt8], options: ExtractOptions) {
        self.path = path
        self.size = size
        self.firstLine = firstLine
        self.options = options
        partCount = (size + options.shardPartBytes - 1) / options.shardPartBytes
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
            let result = Result { try parse(index, agents: &agents) }
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Where part `k` begins: just after the first newline at or after its nominal offset
    /// (the file's start for part 0). Neighbouring parts compute the same boundary.
    private func boundary(_ k: Int, _ fd: Int32) throws -> Int {
        if k == 0 { return 0 }
        if k >= partCount { return size }
        var offset = k * options.shardPartBytes - 1
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while offset < size {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            guard n > 0 else { throw ExtractError(path: path, reason: "cannot read at byte \(offset): \(String(cString: strerror(errno)))") }
            if let nl = chunk[0..<n].firstIndex(of: 0x0A) { return offset + nl + 1 }
            offset += n
        }
        return size
    }

    private func parse(_ k: Int, agents: inout ByteCache<ExtractContext.Agent>) throws -> PartResult {
        let fd = try OwnedDescriptor(opening: path, flags: O_RDONLY | O_CLOEXEC)
        let from = try boundary(k, fd.raw), to = try boundary(k + 1, fd.raw)
        let context = ExtractContext(options: options)
        swap(&context.agents, &agents)
        defer { swap(&context.agents, &agents) }
        let events = try FileEvents(path: path, part: RangeSource(descriptor: fd, from: from, to: to), firstLine: firstLine, context: context)
        var out: [Event] = []
        while let e = try events.next() { out.append(e) }
        return PartResult(events: out, strings: context.symbols.strings, account: context.quality.files[0],
                          samples: context.quality.samples, lines: events.linesRead, bytes: to - from)
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
