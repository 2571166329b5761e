#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A filesystem path reduced to its segments without touching the disk, so links can be resolved safely.
struct LexicalPath: Equatable {
    /// Segments from the filesystem root, without empty or `.` segments and with each `..` folded away.
    private(set) var segments: [String]

    /// Parses `path`; `/` and `\` both separate segments. A relative path is anchored at the current
    /// directory so relative and absolute folders can be compared.
    init(_ path: String) {
        let absolute = path.hasPrefix("/") || path.hasPrefix("\\")
        let anchor = absolute ? "" : Self.currentDirectory()
        segments = []
        append(anchor)
        append(path)
    }

    /// Appends a relative path (its leading separator, if any, is ignored).
    mutating func append(_ relative: String) {
        for part in relative.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            switch part {
            case ".":
                continue
            case "..":
                // `..` at the filesystem root stays at the root, as the kernel does.
                if !segments.isEmpty { segments.removeLast() }
            default:
                segments.append(String(part))
            }
        }
    }

    /// The path with `relative` resolved against it.
    func appending(_ relative: String) -> LexicalPath {
        var copy = self
        copy.append(relative)
        return copy
    }

    /// True when `self` is `folder` or lies below it.
    func isInside(_ folder: LexicalPath) -> Bool {
        segments.count >= folder.segments.count && Array(segments.prefix(folder.segments.count)) == folder.segments
    }

    /// The process's working directory (`/` if it cannot be determined).
    private static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The folder holding the file at `path`, lexically (`.` when `path` has no folder part).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
