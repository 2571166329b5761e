import Foundation

/// Keeps two runs from writing the same output folder at once. An `flock` on a file in the
/// folder: the kernel releases it when the process ends, so a crash leaves no stale lock.
final class OutputLock {
    private let fd: Int32

    init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent(".journeys.lock")
        fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PublishError(path: path, reason: "cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw PublishError(path: folder, reason: "another journeys run is writing to this output folder; wait for it to finish")
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// A problem writing or publishing the report.
package struct PublishError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "\(path): \(reason)" }
}
