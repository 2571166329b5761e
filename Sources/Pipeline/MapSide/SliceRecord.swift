import Extract
import Foundation

/// One record of the binary stream between a Spark job's steps (`journeys map`, `journeys key`,
/// `journeys partial --stdin`): what a slice of a log holds after the map side has parsed it.
/// A slice's records are its file's name, blocks of parsed events (`EventCodec`: the events of
/// the read window, each with its device first, so that keying reads nothing else), the
/// slice's string table, its line accounting with its data-quality samples, the scan of its
/// timestamps, and its end. No line travels: every line is parsed, filtered, counted and
/// sampled once, on the map side.
///
/// Layout, little-endian: kind (1 byte), file index (4), line number (8), device (8, unused:
/// 0), length of the bytes (4), the bytes.
package struct SliceRecord {
    package enum Kind: UInt8 {
        /// The file's path as the report names it; opens every slice's records, for every shard.
        case file = 1
        /// The slice's strings, for every shard: their count, then each as its length and
        /// bytes (varints); an event's symbol n is the n-th (from 1; 0 is none).
        case strings = 2
        /// Parsed events (`EventCodec`), in line order; `journeys key` splits a block by device.
        case events = 3
        /// The slice's lines read, parsed and left out by outcome, and its samples (`SliceAccount`),
        /// for one shard; `line`: the lines of the file's slices before it (`journeys key
        /// --line-offset`), by which the samples' line numbers move.
        case account = 4
        /// The slice's end, for every shard: `line` is the number of lines it read.
        case end = 5
        /// The timestamps of the slice's lines as a scan reads them (`SliceTimes`), for every
        /// shard, which decides with the other slices' whether the file is in time order:
        /// lines with a timestamp, those out of order, then a 1 with the earliest and latest
        /// (zigzag varints) or a 0 when no line has a timestamp.
        case times = 6
    }

    package var kind: Kind
    package var file: Int
    package var line: Int
    package var device: UInt64 = 0
    package var bytes: [UInt8] = []

    static let headerBytes = 25

    /// Appends the record to `out`.
    func write(to out: inout [UInt8]) {
        Self.writeHeader(kind, file: file, line: line, device: device, count: bytes.count, to: &out)
        out += bytes
    }

    static func write(_ kind: Kind, file: Int, line: Int, bytes: [UInt8], to out: inout [UInt8]) {
        writeHeader(kind, file: file, line: line, device: 0, count: bytes.count, to: &out)
        out += bytes
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
            // grown as the bytes come, so that a length field alone allocates nothing
            let want = max(1 << 20, min(n - buffer.count, 16 << 20))
            let old = buffer.count
            buffer += [UInt8](repeating: 0, count: want)
            let got = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress! + old, count: want) }
            buffer.removeLast(want - got)
            if got == 0 { ended = true }
        }
        return true
    }
}
