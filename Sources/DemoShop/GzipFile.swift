import CZlib
import Foundation

/// Reads a whole file through zlib: gzip files are decompressed, plain files returned as they are.
///
/// Exists so tests (and tools) that cannot see the `CZlib` module can read the rotated `.gz`
/// logs back without shelling out to `gunzip`.
package enum GzipFile {
    /// The decompressed content of `path` (or its raw content if it is not gzip).
    package static func readAll(path: String) throws -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw SampleError.io("cannot open \(path)")
        }
        defer { gzclose(file) }
        var out = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw SampleError.io("cannot decompress \(path)") }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<Int(n)])
        }
        return out
    }

    /// True when the file starts with the gzip magic bytes 1f 8b.
    package static func isGzip(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        return head.count == 2 && head[head.startIndex] == 0x1F && head[head.startIndex + 1] == 0x8B
    }
}
