#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Turns the configured inputs (files, folders, globs) into a sorted list of files.
package enum InputFiles {
    /// Every input must match at least one file; folders contribute their regular files, sorted.
    package static func resolve(_ patterns: [String]) throws -> [String] {
        var files: [String] = []
        for pattern in patterns {
            var matches: [String] = []
            if pattern.contains(where: { "*?[".contains($0) }) {
                var g = glob_t()
                defer { globfree(&g) }
                if glob(pattern, 0, nil, &g) == 0 {
                    for i in 0..<Int(g.gl_pathc) {
                        if let p = g.gl_pathv[i] { matches.append(String(cString: p)) }
                    }
                }
                guard !matches.isEmpty else { throw ExtractError(path: pattern, reason: "matches no file") }
            } else {
                var isDir: ObjCBool = false
                if pattern == "-" {
                    throw ExtractError(path: "-", reason: "standard input is not read: the run reads each input twice (timestamps, then events); save the log to a file and give that file")
                }
                guard FileManager.default.fileExists(atPath: pattern, isDirectory: &isDir) else {
                    throw ExtractError(path: pattern, reason: "no such file or folder")
                }
                if isDir.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: pattern)) ?? []
                    for name in names.sorted() where !name.hasPrefix(".") {
                        let full = (pattern as NSString).appendingPathComponent(name)
                        var sub: ObjCBool = false
                        if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue {
                            matches.append(full)
                        }
                    }
                    guard !matches.isEmpty else { throw ExtractError(path: pattern, reason: "folder holds no log file") }
                } else {
                    matches.append(pattern)
                }
            }
            for m in matches.sorted() where !files.contains(m) { files.append(m) }
        }
        guard !files.isEmpty else { throw ExtractError(path: "inputs", reason: "no input given") }
        for f in files where access(f, R_OK) != 0 {
            throw ExtractError(path: f, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        for f in files { try requireRegularFile(f) }
        return files
    }

    /// Refuses an input that is not a regular file (a FIFO, a device, a socket, standard input):
    /// the run reads each input twice, once for its timestamps (the period) and once for its
    /// events, and a stream gives its lines once; a device like `/dev/zero` never ends. Checked
    /// with `stat`, which neither opens nor blocks.
    static func requireRegularFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ExtractError(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ExtractError(path: path, reason: "not a regular file (\(kind(info.st_mode))); save the log to a file and give that file")
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO or pipe"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a plain file"
        }
    }

    /// Total size of the files in bytes, for progress.
    package static func totalBytes(_ files: [String]) -> Int {
        files.reduce(0) { sum, f in
            sum + ((try? FileManager.default.attributesOfItem(atPath: f)[.size] as? Int) ?? 0)
        }
    }
}
