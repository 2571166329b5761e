import CZlib
import Foundation

/// Writes one byte buffer as a gzip file through zlib, the way logrotate's `compress` leaves it.
///
/// Exists because rotated logs are `.gz` and the output must be byte-deterministic: `gzopen`
/// writes a header without file name and with modification time 0, and the fixed level (6)
/// makes equal input give equal bytes.
package enum GzipFileWriter {
    /// Writes `bytes` to `path` (replacing it) as gzip at compression level 6.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        guard let file = gzopen(path, "wb6") else {
            throw SampleError.io("cannot create \(path)")
        }
        var offset = 0
        let chunk = 1 << 20
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = min(chunk, raw.count - offset)
                let written = gzwrite(file, raw.baseAddress! + offset, UInt32(n))
                if written != Int32(n) { return false }
                offset += n
            }
            return true
        }
        let closed = gzclose(file)
        guard ok, closed == Z_OK else {
            throw SampleError.io("cannot write gzip data to \(path)")
        }
    }
}
