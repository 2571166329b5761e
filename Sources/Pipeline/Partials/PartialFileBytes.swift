import ByteCoding
import CZlib
import Foundation

/// A partial file's bytes: `journeys-partial` (16 bytes), the format version (4 bytes,
/// little-endian), the partial in the compact form of `CompactEncoder`, and a CRC-32 (zlib's) of
/// all bytes before it (4 bytes, little-endian).
///
/// Binary because a sharded run's merge reads every shard's partial before anything else, and
/// decoding JSON was most of its time; compact, and in one order (hashed tables sorted by their
/// keys' bytes), so that no table's order follows a process's hash seed. Read as untrusted
/// input: the checksum finds a cut or changed file before any value is read, and the decoder
/// checks every length against the bytes left, so no file makes the merge crash or reserve
/// memory beyond a multiple of its size.
enum PartialFileBytes {
    static let magic = Array(PartialFile.formatName.utf8)
    static let headerSize = 20
    static let checksumSize = 4

    static func encode(_ partial: PartialFile) throws -> [UInt8] {
        var out = magic
        withUnsafeBytes(of: UInt32(partial.version).littleEndian) { out.append(contentsOf: $0) }
        out += try CompactEncoder().encode(partial)
        withUnsafeBytes(of: crc32(out[...]).littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    static func decode(_ bytes: [UInt8], source: String) throws -> PartialFile {
        let body = try checkedBody(bytes, source: source)
        let partial = try reading(source, at: body.lowerBound) { try CompactDecoder().decode(PartialFile.self, from: Array(bytes[body])) }
        guard partial.format == PartialFile.formatName, partial.version == PartialFile.currentVersion else {
            throw PartialError(file: source, message: "damaged partial file: its fields say format \(partial.format.prefix(40)) version \(partial.version), its header \(PartialFile.formatName) version \(PartialFile.currentVersion)")
        }
        return partial
    }

    /// The partial as JSON for people (`CompactDecoder.json`).
    static func json(_ bytes: [UInt8], source: String) throws -> [UInt8] {
        let body = try checkedBody(bytes, source: source)
        return try reading(source, at: body.lowerBound) { try CompactDecoder().json(PartialFile.self, from: Array(bytes[body])) }
    }

    /// The range of the body, once the header says this is a partial of this version and the
    /// checksum matches.
    static func checkedBody(_ bytes: [UInt8], source: String) throws -> Range<Int> {
        if let version = jsonVersion(bytes) {
            throw PartialError(file: source, message: "partial file of format version \(version.map(String.init) ?? "unknown") (JSON); this journeys merges version \(PartialFile.currentVersion) (binary) only: make the partials again with this journeys")
        }
        guard bytes.starts(with: magic) else {
            throw PartialError(file: source, message: "not a journeys partial file (expected it to begin with \"\(PartialFile.formatName)\")")
        }
        guard bytes.count >= headerSize + checksumSize else {
            throw PartialError(file: source, message: "damaged partial file: \(bytes.count) bytes, too short for its header and checksum")
        }
        let version = bytes[16..<20].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard version == PartialFile.currentVersion else {
            throw PartialError(file: source, message: "partial file of format version \(version); this journeys merges version \(PartialFile.currentVersion) only: make the partials again with this journeys")
        }
        let end = bytes.count - checksumSize
        let stored = bytes[end...].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard crc32(bytes[..<end]) == stored else {
            throw PartialError(file: source, message: "damaged partial file: its checksum does not match its bytes (cut short or changed since it was written)")
        }
        return headerSize..<end
    }

    /// `read`'s result; its decoding error said as a damaged file's, with the byte in the file.
    static func reading<T>(_ source: String, at offset: Int, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as CompactDecodingError {
            throw PartialError(file: source, message: "damaged partial file: at byte \(offset + error.offset): \(error.reason)")
        }
    }

    /// The version a JSON partial (format versions up to 4) says it is, nil inside when it says
    /// none; nil when the bytes are not JSON.
    static func jsonVersion(_ bytes: [UInt8]) -> Int?? {
        guard bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else { return nil }
        struct Header: Decodable { var version: Int? }
        return .some((try? JSONDecoder().decode(Header.self, from: Data(bytes)))?.version)
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc = CZlib.crc32(0, nil, 0)
            var at = 0
            while at < buffer.count {
                let n = min(buffer.count - at, 1 << 30)
                crc = CZlib.crc32(crc, buffer.baseAddress! + at, UInt32(n))
                at += n
            }
            return UInt32(crc)
        }
    }
}
