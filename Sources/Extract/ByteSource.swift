#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Bytes of one input file, plain or gzip (detected by its magic bytes, not its name), read in
/// bounded chunks so that memory stays flat however large the file is.
package protocol ByteSource: AnyObject {
    /// Fills up to `count` bytes at `into`; 0 means the end.
    func read(into: UnsafeMutableRawPointer, count: Int) throws -> Int
    /// Why the source ended early, if it did (e.g. a truncated gzip member).
    var damage: String? { get }
    /// Compressed or plain bytes consumed so far, for progress.
    var bytesConsumed: Int { get }
}

/// Opens `path` as the right kind of `ByteSource`. The descriptor moves into the source, which
/// alone closes it; on every error path here it is closed once, when `fd` goes out of scope.
package func openByteSource(path: String) throws -> ByteSource {
    let fd: OwnedDescriptor
    do {
        // O_CLOEXEC: a program started meanwhile (by this or another thread) does not inherit it.
        fd = try OwnedDescriptor(opening: path, flags: O_RDONLY | O_CLOEXEC)
    } catch {
        throw ExtractError(path: path, reason: "cannot open: \(error)")
    }
    var st = stat()
    if fstat(fd.raw, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
        throw ExtractError(path: path, reason: "is a folder, expected a log file")
    }
    var magic = [UInt8](repeating: 0, count: 2)
    let n = pread(fd.raw, &magic, 2, 0)
    if n == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
        return try GzipSource(descriptor: fd, path: path)
    }
    return PlainSource(descriptor: fd)
}

/// An uncompressed file.
final class PlainSource: ByteSource {
    /// Closed once, when this source ends (see `OwnedDescriptor`).
    private let descriptor: OwnedDescriptor
    private(set) var bytesConsumed = 0
    private(set) var damage: String? = nil

    init(descriptor: consuming OwnedDescriptor) { self.descriptor = descriptor }

    /// The descriptor, for positioned reads (`pread`) that leave `read`'s offset alone; valid
    /// while this source lives.
    var fd: Int32 { descriptor.raw }

    func read(into: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let n = Glibc.read(descriptor.raw, into, count)
            if n >= 0 { bytesConsumed += n; return n }
            if errno != EINTR {
                // a read error is not the end of the file: say so in the data-quality section
                damage = "read error: \(String(cString: strerror(errno)))"
                return 0
            }
        }
    }
}

/// A gzip file, possibly of several members (as `cat a.gz b.gz` makes), inflated with zlib.
///
/// Its `init` does everything that can fail before it sets `descriptor`, `stream` and `input`:
/// a class init that throws once every stored property is set runs `deinit` on the object, which
/// would end the stream and free the buffers a second time, and close the descriptor again.
final class GzipSource: ByteSource {
    /// Closed once, when this source ends (see `OwnedDescriptor`).
    private let descriptor: OwnedDescriptor
    /// On the heap at an address that never changes: zlib keeps a pointer back to its stream and
    /// refuses one that moved, and `&property` promises no fixed address.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEOF = false
    private var memberEnded = false
    private(set) var damage: String? = nil
    private(set) var bytesConsumed = 0

    init(descriptor: consuming OwnedDescriptor, path: String) throws {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 32: a zlib or gzip header, detected automatically.
        let rc = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ExtractError(path: path, reason: "cannot start gzip decoding (zlib error \(rc))")
        }
        self.stream = stream
        self.descriptor = descriptor
        input = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    func read(into: UnsafeMutableRawPointer, count: Int) throws -> Int {
        if damage != nil { return 0 }
        stream.pointee.next_out = into.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(count)
        while stream.pointee.avail_out == uInt(count) {
            if stream.pointee.avail_in == 0 {
                if inputEOF {
                    if !memberEnded { damage = "gzip data ends early (truncated file)" }
                    return 0
                }
                let n = Glibc.read(descriptor.raw, input.baseAddress!, input.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { damage = "read error: \(String(cString: strerror(errno)))"; return count - Int(stream.pointee.avail_out) }
                if n == 0 { inputEOF = true; continue }
                bytesConsumed += n
                stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = uInt(n)
            }
            if memberEnded {
                // Another member follows the one that ended.
                inflateReset(stream)
                memberEnded = false
            }
            let rc = inflate(stream, Z_NO_FLUSH)
            switch rc {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
                if stream.pointee.avail_out != uInt(count) { return count - Int(stream.pointee.avail_out) }
            default:
                damage = "gzip data is damaged (zlib error \(rc))"
                return count - Int(stream.pointee.avail_out)
            }
        }
        return count - Int(stream.pointee.avail_out)
    }
}
