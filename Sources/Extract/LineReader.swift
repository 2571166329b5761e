#if canImport(Glibc)
import Glibc
#endif

/// Splits a `ByteSource` into lines without copying them: each line is a view into one reused
/// buffer, valid until the next call. Remembers where it stopped, so no byte is scanned twice.
package final class LineReader {
    /// What `next()` found.
    package enum Item {
        case line(UnsafeRawBufferPointer)
        /// A line over the limit; the view holds its beginning, for the sample.
        case tooLong(UnsafeRawBufferPointer)
        /// The unterminated last line of a damaged source.
        case truncated(UnsafeRawBufferPointer)
        case end
    }

    package static let sampleBytes = 200

    package let source: ByteSource
    private let buffer: UnsafeMutableRawBufferPointer
    /// The beginning of a line longer than the whole buffer, kept for its sample.
    private let overlong: UnsafeMutableRawBufferPointer
    private var isSkippingOverlong = false
    private let maxLineBytes: Int
    private var start = 0
    private var end = 0
    private var sourceEnded = false
    /// Number of lines returned so far: the current line's number.
    package private(set) var lineNumber = 0

    package init(source: ByteSource, maxLineBytes: Int) {
        self.source = source
        self.maxLineBytes = maxLineBytes
        buffer = .allocate(byteCount: max(256 * 1024, maxLineBytes + 4096), alignment: 16)
        overlong = .allocate(byteCount: Self.sampleBytes, alignment: 1)
    }

    deinit {
        buffer.deallocate()
        overlong.deallocate()
    }

    package func next() throws -> Item {
        let base = buffer.baseAddress!
        while true {
            if start < end, let hit = memchr(base + start, 0x0A, end - start) {
                let newline = base.distance(to: hit)
                let line = lineView(start, newline)
                start = newline + 1
                return finish(line)
            }
            if sourceEnded {
                guard start < end || isSkippingOverlong else { return .end }
                let line = lineView(start, end)
                start = end
                if source.damage != nil && !isSkippingOverlong {
                    lineNumber += 1
                    return .truncated(line)
                }
                return finish(line)
            }
            if start > 0 {
                if end > start { memmove(base, base + start, end - start) }
                end -= start
                start = 0
            }
            if end == buffer.count {
                // A line longer than the whole buffer: keep its start for the sample, drop the rest.
                if !isSkippingOverlong {
                    overlong.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<Self.sampleBytes]))
                    isSkippingOverlong = true
                }
                end = 0
            }
            let n = try source.read(into: base + end, count: buffer.count - end)
            if n == 0 { sourceEnded = true }
            end += n
        }
    }

    private func lineView(_ from: Int, _ to: Int) -> UnsafeRawBufferPointer {
        var to = to
        if to > from && buffer[to - 1] == 0x0D { to -= 1 }
        return UnsafeRawBufferPointer(rebasing: buffer[from..<to])
    }

    private func finish(_ line: UnsafeRawBufferPointer) -> Item {
        lineNumber += 1
        if isSkippingOverlong {
            isSkippingOverlong = false
            return .tooLong(UnsafeRawBufferPointer(overlong))
        }
        if line.count > maxLineBytes {
            return .tooLong(UnsafeRawBufferPointer(rebasing: line.prefix(Self.sampleBytes)))
        }
        return .line(line)
    }
}
