#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

// No Foundation in this module: on Linux libxml2's headers pull in the system ICU, whose definitions clash
// with Foundation's own ICU copy when both are imported into one module.

/// Reads a whole file with the C library, because this module cannot import Foundation (see above).
enum FileBytes {
    /// The file's bytes, or the reason it could not be read (`strerror` text).
    static func read(_ path: String) -> Result<[UInt8], FileReadError> {
        guard let stream = fopen(path, "rb") else {
            return .failure(FileReadError(reason: String(cString: strerror(errno))))
        }
        defer { fclose(stream) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stream) }
            bytes.append(contentsOf: chunk[..<count])
            if count < chunk.count {
                if ferror(stream) != 0 {
                    return .failure(FileReadError(reason: String(cString: strerror(errno))))
                }
                return .success(bytes)
            }
        }
    }

    /// Why a file could not be read.
    struct FileReadError: Error {
        var reason: String
    }
}
