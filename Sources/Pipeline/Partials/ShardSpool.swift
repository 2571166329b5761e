import Extract
import Foundation
import JourneysCore
import Sessionize
#if canImport(Glibc)
import Glibc
#endif

/// One shard's lines of every input file, set down in temporary files, each in its file's line
/// order, so that the shard reads them as the files' own lines (`InputFile.Spool`): counted under
/// the file's name and numbered as there. Lines may arrive in any order (after a shuffle): they
/// are appended as they come and put in order once all are in.
final class ShardSpool {
    let folder: String
    private let arrival: UnsafeMutablePointer<FILE>
    private let arrivalPath: String
    private var arrivalBytes: Int64 = 0
    private var shares: [Int: Share] = [:]

    private struct Share {
        var path: String
        var firstLine: [UInt8] = []
        var firstLineNumber = 1
        var lines: [Int] = []
        var offsets: [Int64] = []
        var lengths: [Int32] = []
        var damage: String? = nil
        var truncatedLine: Int? = nil
    }

    init(temporaryDirectory: String? = nil) throws {
        folder = try VisitSpill.temporaryFolder(in: temporaryDirectory, prefix: "journeys-shard")
        arrivalPath = (folder as NSString).appendingPathComponent("arrival")
        guard let f = fopen(arrivalPath, "w+") else {
            throw TemporaryFileError(path: arrivalPath, errno: errno)
        }
        arrival = f
    }

    deinit {
        fclose(arrival)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Makes file `file` known (with no line of it yet), with its first non-empty line (line
    /// `number`) for its format.
    func know(file: Int, path: String, firstLine: UnsafeRawBufferPointer?, number: Int = 1) {
        var share = shares[file] ?? Share(path: path)
        if let firstLine, share.firstLine.isEmpty {
            share.firstLine = Array(firstLine)
            share.firstLineNumber = number
        }
        shares[file] = share
    }

    /// Notes that file `file` ended early (see `ByteSource.damage`).
    func damaged(file: Int, path: String, damage: String) {
        if shares[file] == nil { shares[file] = Share(path: path) }
        shares[file]!.damage = damage
    }

    /// Adds line `line` of file `file`; `truncated`: the unterminated last line of a damaged file.
    func add(file: Int, path: String, line: Int, bytes: UnsafeRawBufferPointer, truncated: Bool = false) throws {
        if shares[file] == nil { shares[file] = Share(path: path) }
        if truncated { shares[file]!.truncatedLine = line }
        if bytes.count > 0, fwrite(bytes.baseAddress!, 1, bytes.count, arrival) != bytes.count {
            throw TemporaryFileError(path: arrivalPath, errno: errno)
        }
        shares[file]!.lines.append(line)
        shares[file]!.offsets.append(arrivalBytes)
        shares[file]!.lengths.append(Int32(bytes.count))
        arrivalBytes += Int64(bytes.count)
    }

    /// Writes each file's share in line order; returns the files to read, in file order.
    func finish() throws -> [InputFile] {
        fflush(arrival)
        let fd = fileno(arrival)
        var out: [InputFile] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for file in shares.keys.sorted() {
            let share = shares[file]!
            let order = share.lines.indices.sorted { share.lines[$0] < share.lines[$1] }
            let path = (folder as NSString).appendingPathComponent("\(file).log")
            guard let f = fopen(path, "w") else { throw TemporaryFileError(path: path, errno: errno) }
            defer { fclose(f) }
            for i in order {
                let n = Int(share.lengths[i])
                if buffer.count < n + 1 { buffer = [UInt8](repeating: 0, count: n + 1) }
                try buffer.withUnsafeMutableBytes { b in
                    guard pread(fd, b.baseAddress!, n, off_t(share.offsets[i])) == n else {
                        throw TemporaryFileError(path: arrivalPath, errno: errno)
                    }
                    b[n] = 0x0A
                    guard fwrite(b.baseAddress!, 1, n + 1, f) == n + 1 else {
                        throw TemporaryFileError(path: path, errno: errno)
                    }
                }
            }
            var spooled = InputFile(path: path)
            spooled.spool = InputFile.Spool(file: share.path, lineNumbers: order.map { share.lines[$0] }, firstLine: share.firstLine,
                                            firstLineNumber: share.firstLineNumber, damage: share.damage, truncatedLine: share.truncatedLine)
            out.append(spooled)
        }
        return out
    }
}
