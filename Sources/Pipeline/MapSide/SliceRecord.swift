import Extract
import Foundation

/// One record of the binary stream between a Spark job's steps (`journeys map`, `journeys key`,
/// `journeys partial --stdin`): what a slice of a log holds after the map
/// side has read it. Lines with an event travel with their device, so that keying them reads no
/// line again; lines the report only counts (bots, static files, errors, redirects, other
/// methods, outside the read window) travel as counts, one record per file and slice.
///
/// Layout, little-endian: kind (1 byte), file index (4), line number (8), device (8), length of
/// the bytes (4), the bytes. Line numbers of a slice's lines count from the slice's start
/// until `journeys key --line-offset` adds the lines of the slices before it.
package struct SliceRecord {
    package enum Kind: UInt8 {
        /// A line with an event; `device` keys it.
        case event = 1
        /// A line without an event that the shard must read itself (rejected, a header).
        case line = 2
        /// A line over the limit: its beginning.
        case tooLong = 3
        /// The unterminated last line of a damaged file.
        case truncated = 4
        /// A copy of the file's first non-empty line (its number absolute), for every shard.
        case firstLine = 5
        /// The file's path as the report names it; opens every slice's records, for every shard.
        case file = 6
        /// Why the file ended early, for every shard.
        case damage = 7
        /// Lines left out on the map side: `line` of them read, by outcome ('outcome=count' lines).
        case counts = 8
        /// The slice's end: `line` is the number of lines it read.
        case end = 9
    }

    package var kind: Kind
    package var file: Int
    package var line: Int
    package var device: UInt64 = 0
    package var bytes: [UInt8] = []

    static let headerBytes = 25

    /// Whether the record goes to every shard (rather than to one).
    var isForEveryShard: Bool { kind == .firstLine || kind == .file || kind == .damage }

    /// Appends the record to `out`.
    func write(to out: inout [UInt8]) {
        Self.writeHeader(kind, file: file, line: line, device: device, count: bytes.count, to: &out)
        out += bytes
    }

    static func write(_ kind: Kind, file: Int, line: Int, device: UInt64 = 0, bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        writeHeader(kind, file: file, line: line, device: device, count: bytes.count, to: &out)
        out.append(contentsOf: bytes)
    }

    private static func writeHeader(_ kind: Kind, file: Int, line: Int, device: UInt64, count: Int, to out: inout [UInt8]) {
        out.append(kind.rawValue)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: file).littleEndian) { out += $0 }
        withUnsafeBytes(of: Int64(line).littleEndian) { out += $0 }
        withUnsafeBytes(of: device.littleEndian) { out += $0 }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian) { out += $0 }
    }
}

/// Reads `SliceRecord`s from a byte source (standard input) in bounded chunks.
final class SliceRecordReader {
    private let source: ByteSource
    private let name: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    private(set) var count = 0

    init(source: ByteSource, name: String) { self.source = source; self.name = name }

    /// The next record, or nil at the end; throws on a cut or unknown record.
    func next() throws -> SliceRecord? {
        guard try fill(SliceRecord.headerBytes) else {
            if start < buffer.count { throw cut() }
            return nil
        }
        let h = start
        guard let kind = SliceRecord.Kind(rawValue: buffer[h]) else {
            throw PartialError(file: name, message: "record \(count + 1): unknown kind \(buffer[h]); expected the records journeys map writes")
        }
        let file = Int(read(UInt32.self, at: h + 1))
        let line = Int(Int64(bitPattern: read(UInt64.self, at: h + 5)))
        let device = read(UInt64.self, at: h + 13)
        let length = Int(read(UInt32.self, at: h + 21))
        guard try fill(SliceRecord.headerBytes + length) else { throw cut() }
        // filling may have moved the record to the buffer's start
        let body = Array(buffer[(start + SliceRecord.headerBytes)..<(start + SliceRecord.headerBytes + length)])
        start += SliceRecord.headerBytes + length
        count += 1
        return SliceRecord(kind: kind, file: file, line: line, device: device, bytes: body)
    }

    private func cut() -> PartialError {
        PartialError(file: name, message: "record \(count + 1) is cut short: the stream ended inside it")
    }

    private func read<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { v in
            buffer.withUnsafeBytes { b in v.copyMemory(from: UnsafeRawBufferPointer(rebasing: b[offset..<(offset + MemoryLayout<T>.size)])) }
        }
        return T(littleEndian: value)
    }

    /// Whether `n` bytes from `start` are in the buffer, reading more as needed.
    private func fill(_ n: Int) throws -> Bool {
        while buffer.count - start < n {
            if ended { return false }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let want = max(1 << 20, n - buffer.count)
            let old = buffer.count
            buffer += [UInt8](repeating: 0, count: want)
            let got = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress! + old, count: want) }
            buffer.removeLast(want - got)
            if got == 0 { ended = true }
        }
        return true
    }
}
