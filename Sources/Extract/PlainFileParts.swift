#if canImport(Glibc)
import Glibc
#endif

/// A large plain file cut into parts of about `ExtractOptions.shardPartBytes` at line
/// boundaries, for the threads that read one part each (the parse, the plan's scan), with the
/// file's first non-empty line, which decides the format of every part.
struct PlainFileParts: Sendable {
    let path: String
    let size: Int
    let firstLine: [UInt8]
    let partBytes: Int

    var count: Int { (size + partBytes - 1) / partBytes }

    /// nil when the file is too small to split, compressed, or has no line to take the format
    /// from, or when the options ask for one thread.
    static func open(path: String, options: ExtractOptions) -> PlainFileParts? {
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
        var start = 0
        while start < head.count {
            guard let nl = head[start...].firstIndex(of: 0x0A) else { break }
            var line = Array(head[start..<nl])
            if line.last == 0x0D { line.removeLast() }
            if !line.isEmpty { return PlainFileParts(path: path, size: size, firstLine: line, partBytes: options.shardPartBytes) }
            start = nl + 1
        }
        return nil
    }

    /// Where part `k` begins: just after the first newline at or after its nominal offset
    /// (the file's start for part 0). Neighbouring parts compute the same boundary.
    func boundary(_ k: Int, _ fd: Int32) throws -> Int {
        if k >= count { return size }
        return try PlainFileRange.boundary(k * partBytes, size: size, fd: fd, path: path)
    }

    /// Part `k`'s bytes, as a source of their own.
    func source(_ k: Int) throws -> ByteSource {
        let fd = try OwnedDescriptor(opening: path, flags: O_RDONLY | O_CLOEXEC)
        let from = try boundary(k, fd.raw), to = try boundary(k + 1, fd.raw)
        return RangeSource(descriptor: fd, from: from, to: to)
    }
}
