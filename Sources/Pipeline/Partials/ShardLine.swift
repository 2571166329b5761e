import Foundation

/// One input line on its way between processes (a Spark job's steps), with where it comes from:
/// `<file index> TAB <line number> TAB <the line's bytes, base64> TAB <file path>`, and, once
/// keyed, `<shard> TAB` in front. Base64 carries any byte (logs are not always UTF-8) through
/// tools that read text. A line number -N marks a copy of line N, the file's first non-empty
/// line, which every shard needs to read the file's format (a CSV export's header) and which
/// counts nowhere; 0 is a copy of line 1.
package struct ShardLine {
    package var file: Int
    package var line: Int
    package var bytes: [UInt8]
    package var path: String

    package init(file: Int, line: Int, bytes: [UInt8], path: String) {
        self.file = file; self.line = line; self.bytes = bytes; self.path = path
    }

    /// Whether this is the copy of a file's first non-empty line (see above).
    package var isFirstLineCopy: Bool { line <= 0 }

    /// The number of the line a copy is of (see above).
    package var copiedLine: Int { line == 0 ? 1 : -line }

    /// Reads a record without a shard in front (`hasShard` false) or with one; nil for text that
    /// is not a record.
    package static func parse(_ text: Substring, hasShard: Bool) -> (shard: Int?, record: ShardLine)? {
        var rest = text
        var shard: Int? = nil
        if hasShard {
            guard let tab = rest.firstIndex(of: "\t"), let s = Int(rest[..<tab]) else { return nil }
            shard = s
            rest = rest[rest.index(after: tab)...]
        }
        let parts = rest.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let file = Int(parts[0]), file >= 0, let line = Int(parts[1]),
              let data = Data(base64Encoded: String(parts[2])), !parts[3].isEmpty
        else { return nil }
        return (shard, ShardLine(file: file, line: line, bytes: [UInt8](data), path: String(parts[3])))
    }

    /// The record as text, with `shard` in front when given.
    package func text(shard: Int? = nil) -> String {
        let body = "\(file)\t\(line)\t\(Data(bytes).base64EncodedString())\t\(path)"
        return shard.map { "\($0)\t\(body)" } ?? body
    }
}
