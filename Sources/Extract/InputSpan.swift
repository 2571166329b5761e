#if canImport(Glibc)
import Glibc
#endif

/// The earliest and latest timestamps of the inputs, to choose the default period. Reads only
/// what it must: the head and tail of plain files, the whole stream of gzip files.
package enum InputSpan {
    package static func find(in files: [String], maxLineBytes: Int) throws -> (earliest: Int64, latest: Int64)? {
        var span: (Int64, Int64)? = nil
        func note(_ t: Int64) {
            span = span.map { (min($0.0, t), max($0.1, t)) } ?? (t, t)
        }
        for file in files {
            let source = try openByteSource(path: file)
            if let plain = source as? PlainSource, let size = plain.size, size > 4 * 131_072 {
                for t in plain.timestamps(inFirst: 131_072) + plain.timestamps(inLast: 131_072, of: size) { note(t) }
                continue
            }
            let reader = LineReader(source: source, maxLineBytes: maxLineBytes)
            while true {
                let item = try reader.next()
                if case .end = item { break }
                if case .line(let line) = item, let t = timestamp(in: line) { note(t) }
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

    func timestamps(inFirst count: Int) -> [Int64] { timestamps(at: 0, count: count, skipFirstLine: false) }

    func timestamps(inLast count: Int, of size: Int) -> [Int64] { timestamps(at: size - count, count: count, skipFirstLine: true) }

    private func timestamps(at offset: Int, count: Int, skipFirstLine: Bool) -> [Int64] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
        guard n > 0 else { return [] }
        var out: [Int64] = []
        bytes.withUnsafeBytes { all in
            let buf = UnsafeRawBufferPointer(rebasing: all[0..<n])
            var start = 0
            var first = true
            for i in 0..<buf.count where buf[i] == 0x0A {
                defer { start = i + 1; first = false }
                if first && skipFirstLine { continue }
                if let t = InputSpan.timestamp(in: UnsafeRawBufferPointer(rebasing: buf[start..<i])) { out.append(t) }
            }
        }
        return out
    }
}
