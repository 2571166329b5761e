import Extract
import Foundation
import History

/// Keeps two runs from writing the same output folder at once. An `flock` on a file beside the
/// folder (`output` is locked by `.output.lock` in its parent), not in it: the folder is published
/// as it is, and holds reports only. The kernel releases the lock when the process ends, so a
/// crash leaves no stale lock. The folder's symbolic links are resolved first, so that every
/// name of one folder takes one lock (a folder has no hard links).
///
/// The lock file's descriptor is an `OwnedDescriptor`, stored only once the lock is held: a
/// refused lock throws before the object is built, so no `deinit` runs for it, and the
/// descriptor closes exactly once as it goes out of scope. (Closing it by hand and then again
/// in `deinit` closed, under pipelines running beside it in the same process, files those had
/// just opened under the same number.)
final class OutputLock {
    private let descriptor: OwnedDescriptor

    /// The lock file of `folder`: a hidden file named after it, in its parent folder.
    static func lockPath(for folder: String) -> String {
        let absolute = URL(fileURLWithPath: resolved(folder)).standardizedFileURL
        let name = absolute.lastPathComponent.isEmpty ? "output" : absolute.lastPathComponent
        return absolute.deletingLastPathComponent().appendingPathComponent(".\(name).lock").path
    }

    /// `path`, absolute, with its symbolic links resolved (as far as it exists).
    static func resolved(_ path: String) -> String {
        HistoryLock.resolved(URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    init(folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: folder, reason: "cannot create the output folder: \(PublishError.reason(error))")
        }
        let path = Self.lockPath(for: folder)
        let descriptor: OwnedDescriptor
        do {
            descriptor = try OwnedDescriptor(opening: path, flags: O_CREAT | O_RDWR | O_CLOEXEC, mode: 0o644)
        } catch {
            throw PublishError(path: path, reason: "cannot create the lock file: \(PublishError.reason(error))")
        }
        guard flock(descriptor.raw, LOCK_EX | LOCK_NB) == 0 else {
            throw PublishError(path: folder, reason: "another journeys run is writing to this output folder; wait for it to finish")
        }
        self.descriptor = descriptor
    }

    /// Unlocks before the descriptor closes: a program started in the meantime may share the
    /// open file until it execs, and the lock belongs to the open file, not to this number.
    deinit {
        flock(descriptor.raw, LOCK_UN)
    }
}

/// A problem writing or publishing the report.
package struct PublishError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "\(path): \(reason)" }

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// What went wrong in one clause, for a one-line message: the system's words for an errno
    /// (`Permission denied`), never Foundation's multi-line error dump.
    package static func reason(_ error: Error) -> String {
        if let e = error as? PublishError { return oneLine(e.reason) }
        if let e = error as? POSIXError { return String(cString: strerror(e.code.rawValue)) }
        if let e = error as? CocoaError {
            if let posix = e.underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
            if let ns = e.underlying.map({ $0 as NSError }), ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
            switch e.code {
            case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
            case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
            case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
            case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
            case .fileWriteFileExists: return String(cString: strerror(EEXIST))
            default: break
            }
        }
        return oneLine("\(error)")
    }

    /// `text` on one line, a Foundation error dump in it (`Error Domain=... Code=20 "Not a
    /// directory" ...`) said by the system's words for its innermost POSIX code.
    package static func oneLine(_ text: String) -> String {
        var text = text
        if let dump = text.range(of: "Error Domain=") {
            var words = "failed"
            if let posix = text.range(of: "NSPOSIXErrorDomain Code=", options: .backwards) {
                let digits = text[posix.upperBound...].prefix { $0.isNumber }
                if let code = Int32(digits) { words = String(cString: strerror(code)) }
            }
            text = String(text[..<dump.lowerBound]) + words
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
