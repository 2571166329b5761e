import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JourneysCore

/// Part of the sessionizer's reorder buffer set down on disk: events sorted by time (then
/// arrival), written as raw bytes to an unnamed temporary file and read back in order through a
/// small buffer.
///
/// A burst of requests within the out-of-order tolerance (a crawler, a flood of identical
/// requests within one second) must all wait in the reorder buffer until the tolerance has passed
/// behind them; beyond the buffer's budget they wait here instead of in memory. `Event` is a plain
/// value (integers, symbols and pseudonyms; no references), so its bytes are the event within one
/// process, the only place a run is read. The file is unlinked as soon as it is created: nothing
/// is left behind, whatever way the run ends.
final class ReorderRun {
    /// An event and its place among the arrivals (equal times keep arrival order).
    struct Entry {
        var arrival: UInt64
        var event: Event
        var time: Int64 { event.time }

        /// Whether `self` is placed before `other`: by time, then by arrival.
        func precedes(_ other: Entry) -> Bool {
            event.time != other.event.time ? event.time < other.event.time : arrival < other.arrival
        }
    }

    private let fd: Int32
    private let path: String
    private var buffer = UnsafeMutableBufferPointer<Entry>(start: nil, count: 0)
    private var filled = 0
    private var index = 0
    /// The entry the run hands out next, `nil` once it is spent.
    private(set) var head: Entry? = nil

    /// Creates the file in `directory` (the system's temporary folder when `nil`), to be written
    /// with `write` and then read back with `startReading`.
    init(directory: String?) throws {
        precondition(_isPOD(Entry.self), "spilled events must be plain bytes")
        let folder = directory ?? NSTemporaryDirectory()
        var template = Array((folder as NSString).appendingPathComponent("journeys-reorder-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SpillError(path: folder, errno: errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
        path = folder
    }

    /// Reads the run from its start, `bufferEntries` entries at a time; `head` is its first entry.
    func startReading(bufferEntries: Int) throws {
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw SpillError(path: path, errno: errno) }
        buffer.deallocate()
        buffer = .allocate(capacity: max(1, bufferEntries))
        filled = 0
        index = 0
        head = try read()
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// Hands out the head and reads the next entry.
    func advance() throws -> Entry {
        let entry = head!
        head = try read()
        return entry
    }

    /// Appends `entries`, which follow those written before in order.
    func write(_ entries: UnsafeBufferPointer<Entry>) throws {
        var bytes = UnsafeRawBufferPointer(entries)
        while !bytes.isEmpty {
            let n = Glibc.write(fd, bytes.baseAddress!, bytes.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw SpillError(path: path, errno: n < 0 ? errno : ENOSPC) }
            bytes = UnsafeRawBufferPointer(rebasing: bytes[n...])
        }
    }

    private func read() throws -> Entry? {
        if index == filled {
            let raw = UnsafeMutableRawBufferPointer(buffer)
            let stride = MemoryLayout<Entry>.stride
            var got = 0
            // Fill whole entries only: a short read may end inside one.
            repeat {
                let n = Glibc.read(fd, raw.baseAddress! + got, raw.count - got)
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw SpillError(path: path, errno: errno) }
                if n == 0 { break }
                got += n
            } while got % stride != 0
            guard got % stride == 0 else { throw SpillError(path: path, errno: EIO) }
            filled = got / stride
            index = 0
            if filled == 0 { return nil }
        }
        defer { index += 1 }
        return buffer[index]
    }
}
