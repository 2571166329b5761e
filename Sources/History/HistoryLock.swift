import Foundation

/// Keeps two runs from using one history file at once: an `flock` on `<history file>.lock`,
/// beside the file. SQLite's own locking keeps the file whole, but not a run's reading before
/// scoring and writing after publishing together; this lock covers the whole run. The kernel
/// releases it when the process ends, so a crash leaves no stale lock.
///
/// The descriptor has one owner, this value, as `OwnedDescriptor` in Extract: it is stored only
/// once the lock is held, and `deinit` (which runs only for a fully built value) unlocks and
/// closes it exactly once. The refused path closes the descriptor it opened, once, itself.
package struct HistoryLock: ~Copyable {
    private let descriptor: Int32

    /// The lock file of the history at `path`.
    package static func lockPath(for path: String) -> String { path + ".lock" }

    package init(historyFile path: String) throws {
        let lockPath = Self.lockPath(for: path)
        let (fd, openError) = lockPath.withCString { p in
            let fd = open(p, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            return (fd, fd < 0 ? errno : 0)
        }
        guard fd >= 0 else {
            throw HistoryError(file: lockPath, message: "cannot create the history's lock file: \(String(cString: strerror(openError)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw HistoryLockedError(path: path)
        }
        descriptor = fd
    }

    /// Unlocks before closing: a program started in the meantime may share the open file until it
    /// execs, and the lock belongs to the open file, not to this number.
    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
