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

/// Opens `path` as the right kind of `ByteSource`.
package func openByteSource(path: String) throws -> ByteSource {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
        throw ExtractError(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
    }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw ExtractError(path: path, reason: "is a folder, expected a log file")
    }
    var magic = [UInt8](repeating: 0, count: 2)
    let n = pread(fd, &magic, 2, 0)
    if n == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
        return try GzipSource(fd: fd, path: path)
    }
    return PlainSource(fd: fd)
}

/// An uncompressed file.
final class PlainSource: ByteSource {
    let fd: Int32
    private(set) var bytesConsumed = 0
    private(set) var damage: String? = nil

    init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    func read(into: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let n = Glibc.read(fd, into, count)
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
final class GzipSource: ByteSource {
    private let fd: Int32
    private var stream = z_stream()
    private let input: UnsafeMutableRawBufferPointer
    private var inputEOF = false
    private var memberEnded = false
    private(set) var damage: String? = nil
    private(set) var bytesConsumed = 0

    init(fd: Int32, path: String) throws {
        self.fd = fd
        input = .allocate(byteCount: 64 * 1024, alignment: 16)
        // 15 + 32: a zlib or gzip header, detected automatically.
        let rc = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            input.deallocate()
            close(fd)
            throw ExtractError(path: path, reason: "cannot start gzip decoding (zlib error \(rc))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
        close(fd)
    }

    func read(into: UnsafeMutableRawPointer, count: Int) throws -> Int {
        if damage != nil { return 0 }
        stream.next_out = into.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(count)
        while stream.avail_out == uInt(count) {
            if stream.avail_in == 0 {
                if inputEOF {
                    if !memberEnded { damage = "gzip data ends early (truncated file)" }
                    return 0
                }
                let n = Glibc.read(fd, input.baseAddress!, input.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { damage = "read error: \(String(cString: strerror(errno)))"; return count - Int(stream.avail_out) }
                if n == 0 { inputEOF = true; continue }
                bytesConsumed += n
                stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(n)
            }
            if memberEnded {
                // Another member follows the one that ended.
                inflateReset(&stream)
                memberEnded = false
            }
            let rc = inflate(&stream, Z_NO_FLUSH)
            switch rc {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
                if stream.avail_out != uInt(count) { return count - Int(stream.avail_out) }
            default:
                damage = "gzip data is damaged (zlib error \(rc))"
                return count - Int(stream.avail_out)
            }
        }
        return count - Int(stream.avail_out)
    }
}
