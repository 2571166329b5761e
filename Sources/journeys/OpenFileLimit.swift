#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The soft limit of open files, raised to the hard limit when the process starts. The merge
/// opens a file only when it reaches the file's first line, so daily logs are never all open at
/// once; the logs of many servers that cover the same hours are, and the default soft limit
/// (1,024 on most systems) is well below what the system allows.
enum OpenFileLimit {
    static func raise() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
