#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A temporary file that could not be made, written or read back (an external sort's run, the
/// spilled visits, a shard's lines): its folder, `TMPDIR` or the config's `sort_directory`, is
/// missing, read-only or full. One error for one cause, wherever a command meets it, so that
/// it ends every command with the same exit code and the same advice.
package struct TemporaryFileError: Error, CustomStringConvertible {
    package var path: String
    package var errno: Int32

    package init(path: String, errno: Int32) {
        self.path = path
        self.errno = errno
    }

    package var description: String {
        "\(path): cannot use a temporary file here (\(String(cString: strerror(errno)))); "
            + "TMPDIR, or the config's sort_directory, must be a writable folder with room"
    }
}
