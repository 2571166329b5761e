#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor with exactly one owner, which closes it exactly once, when it ends.
///
/// Why a type for an `Int32`: the kernel hands a closed descriptor's number to the very next
/// `open`, `pipe` or `socket` of any thread in the process. Closing a number twice (say, once in
/// a failing `init` and again in the `deinit` that Swift then runs on the fully built object)
/// closes whatever another thread opened under that number in between; that thread's reads then
/// fail, or come from yet another file that took the number after it. Being noncopyable, the
/// value cannot be duplicated: moving it into an object hands over the duty to close, and a
/// value dropped on an error path closes on its own, so no code path closes by hand.
package struct OwnedDescriptor: ~Copyable {
    /// The descriptor number, valid while this value lives; never close it yourself.
    package let raw: Int32

    /// Opens `path` (`open(2)` with `flags` and, when creating, `mode`).
    package init(opening path: String, flags: Int32, mode: mode_t = 0) throws(OpenFailure) {
        // errno is read right after the call, before anything else can overwrite it.
        let (fd, code) = path.withCString { p in
            let fd = open(p, flags, mode)
            return (fd, fd < 0 ? errno : 0)
        }
        guard fd >= 0 else { throw OpenFailure(code: code) }
        raw = fd
    }

    deinit { close(raw) }
}

/// Why `open(2)` failed.
package struct OpenFailure: Error, Equatable, CustomStringConvertible {
    /// The `errno` value.
    package var code: Int32
    /// The system's text for `code` (`No such file or directory`).
    package var description: String { String(cString: strerror(code)) }
}
