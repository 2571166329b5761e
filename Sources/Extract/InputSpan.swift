#if canImport(Glibc)
import Glibc
#endif

/// The earliest and latest timestamps of the inputs, to choose the default period. Reads only
/// what it must: the head and tail of plain files, the whole stream of gzip files.
package enum InputSpan {
    /// `options` tells the format (and its mappings); lines are read as extract will read them.
    package static func find(in files: [String], maxLineBytes: Int, options: ExtractOptions = ExtractOptions()) throws -> (earliest: Int64, latest: Int64)? {
        var span: (Int64, Int64)? = nil
        func note(_ t: Int64) {
            span = span.map { (min($0.0, t), max($0.1, t)) } ?? (t, t)
        }
        var options = options
        options.maxLineBytes = maxLineBytes
        for file in files {
            let source = try openByteSource(path: file)
            if let plain = source as? PlainSource, let size = plain.size, size > 4 * 131_072 {
                let head = plain.lines(at: 0, count: 131_072, skipFirstLine: false)
                guard let first = head.first(where: { !$0.isEmpty }) else { continue }
                let decoder = try first.withUnsafeBytes { try LineDecoder.make(first: $0, options: options, path: file).0 }
                for line in head + plain.lines(at: size - 131_072, count: 131_072, skipFirstLine: true) {
                    if let t = line.withUnsafeBytes({ decoder.timestamp($0) }) { note(t) }
                }
                continue
            }
            let reader = LineReader(source: source, maxLineBytes: maxLineBytes)
            var decoder: LineDecoder? = nil
            while true {
                let item = try reader.next()
                if case .end = item { break }
                guard case .line(let line) = item, !line.isEmpty else { continue }
                if decoder == nil { decoder = try LineDecoder.make(first: line, options: options, path: file).0 }
                if let t = decoder!.timestamp(line) { note(t) }
            }
        }
        return span
    }

    /// The time field of an access-log line: the first `[...]` of 26 bytes.
    static func timestamp(in line: UnsafeRawBufferPointer) -> Int64? {
        guard let open = line.firstIndex(of: 0x5B), open + 27 < line.count, line[open + 27] == 0x5D else { return nil }
        return LogTimestamp.parse(UnsafeRawBufferPointer(rebasing: line[(open + 1)..<(open + 27)]))
    }
}

extension PlainSource {
    var size: Int? {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : nil
    }

    /// The whole lines in `count` bytes from `offset` (without the first, partial one when asked).
    func lines(at offset: Int, count: Int, skipFirstLine: Bool) -> [[UInt8]] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
        guard n > 0 else { return [] }
        var out: [[UInt8]] = []
        var start = 0
        var first = true
        for i in 0..<n where bytes[i] == 0x0A {
            defer { start = i + 1; first = false }
            if first && skipFirstLine { continue }
            var end = i
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            out.append(Array(bytes[start..<end]))
        }
        return out
    }
}
