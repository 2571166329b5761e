import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JourneysCore

/// One sorted run of an external sort: events with their position in the file, written as raw
/// bytes to an unnamed temporary file and read back in order through a small buffer.
///
/// `Event` is a plain value (integers, symbols and pseudonyms; no references), so its bytes are
/// the event within one process, which is the only place a run is read. The file is unlinked as
/// soon as it is created: nothing is left behind, whatever way the run ends.
final class SpillFile {
    /// An event and its position among the file's events (ties in time keep file order).
    struct Entry {
        var position: Int64
        var event: Event
    }

    private let fd: Int32
    /// The folder of the file, for errors (the file itself has no name).
    private let folder: String
    /// The read buffer, allocated when reading starts: many runs read at once share the budget.
    private var buffer = UnsafeMutableBufferPointer<Entry>(start: nil, count: 0)
    private var filled = 0
    private var index = 0
    private(set) var count = 0

    /// Creates the file in `directory` (the system's temporary folder when `nil`).
    init(directory: String?) throws {
        precondition(_isPOD(Entry.self), "spilled events must be plain bytes")
        let folder = directory ?? (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((folder as NSString).appendingPathComponent("journeys-sort-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw TemporaryFileError(path: folder, errno: errno)
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
        self.folder = folder
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// Appends `entries` (already sorted) to the run.
    func write(_ entries: UnsafeBufferPointer<Entry>) throws {
        var bytes = UnsafeRawBufferPointer(entries)
        while !bytes.isEmpty {
            let n = Glibc.write(fd, bytes.baseAddress!, bytes.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw TemporaryFileError(path: folder, errno: errno)
            }
            bytes = UnsafeRawBufferPointer(rebasing: bytes[n...])
        }
        count += entries.count
    }

    /// Starts reading the run from its beginning, `bufferEntries` entries at a time.
    func rewind(bufferEntries: Int) throws {
        guard lseek(fd, 0, SEEK_SET) == 0 else {
            throw TemporaryFileError(path: folder, errno: errno)
        }
        buffer.deallocate()
        buffer = .allocate(capacity: max(1, bufferEntries))
        filled = 0
        index = 0
    }

    /// The run's next entry, `nil` after its last.
    func next() throws -> Entry? {
        if index == filled {
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var got = 0
            let stride = MemoryLayout<Entry>.stride
            // Fill whole entries only: a short read may end inside one.
            repeat {
                let n = read(fd, raw.baseAddress! + got, raw.count - got)
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else {
                    throw TemporaryFileError(path: folder, errno: errno)
                }
                if n == 0 { break }
                got += n
            } while got % stride != 0
            guard got % stride == 0 else {
                throw TemporaryFileError(path: folder, errno: EIO)
            }
            filled = got / stride
            index = 0
            if filled == 0 { return nil }
        }
        defer { index += 1 }
        return buffer[index]
    }
}
