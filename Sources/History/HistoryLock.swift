import Foundation

/// Keeps two runs from using one history file at once. SQLite's own locking keeps the file whole,
/// but not a run's reading before scoring and writing after publishing together; this lock
/// covers the whole run. The kernel releases it when the process ends, so a crash leaves no stale
/// lock.
///
/// It locks the file, not the name it was given: an `flock` on `<history file>.lock` beside the
/// file the path resolves to (so a symbolic link to the history takes the same lock), and an
/// `flock` on the history file itself (so a hard link, another name of the same file, does too).
/// A history that does not exist yet is locked by the first alone until SQLite has made it
/// (`lockHistoryFile`); no other name can lead to a file that does not exist.
///
/// The descriptors have one owner, this value, as `OwnedDescriptor` in Extract: they are stored
/// only once the locks are held, and `deinit` (which runs only for a fully built value) unlocks
/// and closes them exactly once. The refused path closes what it opened, once, itself. The history
/// file's descriptor is closed while SQLite holds none of its own locks on it (outside a
/// transaction), since closing any descriptor of a file drops the process's `fcntl` locks on it.
package struct HistoryLock: ~Copyable {
    private let descriptor: Int32
    private var fileDescriptor: Int32 = -1

    /// The lock file of the history at `path`: beside the file it resolves to.
    package static func lockPath(for path: String) -> String { resolved(path) + ".lock" }

    /// `path` with its symbolic links resolved; a missing file's folder resolved, its name kept.
    package static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        guard let real = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent(name)
    }

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
        let file = open(path, O_RDONLY | O_CLOEXEC)
        if file >= 0, flock(file, LOCK_EX | LOCK_NB) != 0 {
            close(file)
            flock(fd, LOCK_UN)
            close(fd)
            throw HistoryLockedError(path: path)
        }
        descriptor = fd
        fileDescriptor = file
    }

    /// Locks the history file itself once it exists (SQLite made it after `init`).
    package mutating func lockHistoryFile(_ path: String) throws {
        guard fileDescriptor < 0 else { return }
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return }
        guard flock(file, LOCK_EX | LOCK_NB) == 0 else {
            close(file)
            throw HistoryLockedError(path: path)
        }
        fileDescriptor = file
    }

    /// Unlocks before closing: a program started in the meantime may share the open file until it
    /// execs, and the lock belongs to the open file, not to this number.
    deinit {
        if fileDescriptor >= 0 {
            flock(fileDescriptor, LOCK_UN)
            close(fileDescriptor)
        }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
