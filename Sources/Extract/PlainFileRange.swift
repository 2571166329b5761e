#if canImport(Glibc)
import Glibc
#endif

/// The lines of a plain file that begin in bytes `from ..< to`, for a task of another engine
/// that reads one slice of a large log: cut at line boundaries exactly as `PlainFileParts` cuts
/// them (a slice begins just after the first newline at or after its nominal start), so that
/// neighbouring slices share no line and miss none. Holds the file's first non-empty line, which
/// decides the format of every slice (a CSV export's header).
package struct PlainFileRange {
    /// The slice's bytes, whole lines only.
    package let source: ByteSource
    /// Where the slice's first line begins in the file.
    package let begin: Int
    /// The file's first non-empty line, its number and where it begins; nil when the file's
    /// first `maxLineBytes` bytes hold none.
    package let firstLine: (bytes: [UInt8], number: Int, offset: Int)?

    /// Opens bytes `from ..< to` (nominal; `to` past the end means the end) of the plain file at
    /// `path`; refuses a gzip file, which can only be read from its start.
    package static func open(path: String, from: Int, to: Int, maxLineBytes: Int) throws -> PlainFileRange {
        let fd: OwnedDescriptor
        do {
            fd = try OwnedDescriptor(opening: path, flags: O_RDONLY | O_CLOEXEC)
        } catch {
            throw ExtractError(path: path, reason: "cannot open: \(error)")
        }
        let raw = fd.raw
        var st = stat()
        guard fstat(raw, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw ExtractError(path: path, reason: "is not a regular file, expected a log file to read a byte range of")
        }
        let size = Int(st.st_size)
        var head = [UInt8](repeating: 0, count: min(size, maxLineBytes + 2))
        let n = head.withUnsafeMutableBytes { pread(raw, $0.baseAddress, $0.count, 0) }
        guard n == head.count else { throw ExtractError(path: path, reason: "cannot read its first bytes: \(String(cString: strerror(errno)))") }
        if n >= 2 && head[0] == 0x1f && head[1] == 0x8b {
            throw ExtractError(path: path, reason: "is gzip-compressed: it is read whole from its start, not by byte range")
        }
        let begin = try boundary(from, size: size, fd: raw, path: path)
        let end = try boundary(to, size: size, fd: raw, path: path)
        return PlainFileRange(source: RangeSource(descriptor: fd, from: begin, to: max(begin, end)), begin: begin,
                              firstLine: firstNonEmptyLine(head))
    }

    /// Just after the first newline at or after `nominal - 1`: the start of the first line that
    /// begins at or after `nominal` (0 for 0, the size past the end).
    static func boundary(_ nominal: Int, size: Int, fd: Int32, path: String) throws -> Int {
        if nominal <= 0 { return 0 }
        if nominal >= size { return size }
        var offset = nominal - 1
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while offset < size {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            guard n > 0 else { throw ExtractError(path: path, reason: "cannot read at byte \(offset): \(String(cString: strerror(errno)))") }
            if let nl = chunk[0..<n].firstIndex(of: 0x0A) { return offset + nl + 1 }
            offset += n
        }
        return size
    }

    /// The first non-empty line of `head` (without a carriage return at its end, as
    /// `PlainFileParts` takes it), its number and its offset.
    static func firstNonEmptyLine(_ head: [UInt8]) -> (bytes: [UInt8], number: Int, offset: Int)? {
        var start = 0
        var number = 1
        while start < head.count {
            guard let nl = head[start...].firstIndex(of: 0x0A) else { return nil }
            var line = Array(head[start..<nl])
            if line.last == 0x0D { line.removeLast() }
            if !line.isEmpty { return (line, number, start) }
            start = nl + 1
            number += 1
        }
        return nil
    }
}
