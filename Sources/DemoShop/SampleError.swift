/// Why `journeys sample` could not write its logs.
///
/// Exists so the command line can print one clear sentence instead of a Foundation error dump.
package enum SampleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The options cannot describe a log (e.g. zero weeks, an impossible date).
    case invalidOptions(String)
    /// Writing or reading a file failed; the message names the file.
    case io(String)

    package var description: String {
        switch self {
        case .invalidOptions(let message): return "invalid sample options: \(message)"
        case .io(let message): return "sample I/O error: \(message)"
        }
    }
}
