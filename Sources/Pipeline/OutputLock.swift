import Extract
import Foundation

/// Keeps two runs from writing the same output folder at once. An `flock` on a file beside the
/// folder (`output` is locked by `.output.lock` in its parent), not in it: the folder is published
/// as it is, and holds reports only. The kernel releases the lock when the process ends, so a
/// crash leaves no stale lock.
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
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL
        let name = absolute.lastPathComponent.isEmpty ? "output" : absolute.lastPathComponent
        return absolute.deletingLastPathComponent().appendingPathComponent(".\(name).lock").path
    }

    init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = Self.lockPath(for: folder)
        let descriptor: OwnedDescriptor
        do {
            descriptor = try OwnedDescriptor(opening: path, flags: O_CREAT | O_RDWR | O_CLOEXEC, mode: 0o644)
        } catch {
            throw PublishError(path: path, reason: "cannot create the lock file: \(error)")
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
}
