import Compare
import Extract
import Foundation
import History
import JourneysCore
import Pipeline

/// What every command prints and returns for an error, so that one cause gives one exit code and
/// one kind of line wherever it is met: 2 for what the user fixes in an argument, a config or an
/// input file (a history that is no history included); 1 for what the system refused (an output,
/// history or temporary folder that cannot be written, a busy history) and a report that failed
/// validation.
enum ExitCodes {
    static func code(for error: Error) -> Int32 {
        switch error {
        case let e as StageError: return code(for: e.underlying)
        case is ConfigError, is ExtractError, is NoDataError, is HistoryError, is PartialError, is UsageError, is CompareError,
             is ThresholdError:
            return 2
        case let e as SQLiteError where e.isBadFile: return 2
        default: return 1
        }
    }

    /// The error in one line: what Foundation reports (`Error Domain=NSCocoaErrorDomain ...`)
    /// is said in the system's words (`Permission denied`).
    static func line(_ error: Error) -> String {
        if let e = error as? StageError { return "\(e.stage): \(line(e.underlying))" }
        if error is CocoaError || error is POSIXError { return PublishError.reason(error) }
        return PublishError.oneLine("\(error)")
    }
}

/// Prints one line for the user and exits with the code the error deserves.
func fail(_ error: Error) -> Never {
    FileHandle.standardError.write(Data("journeys: error: \(ExitCodes.line(error))\n".utf8))
    Foundation.exit(ExitCodes.code(for: error))
}
