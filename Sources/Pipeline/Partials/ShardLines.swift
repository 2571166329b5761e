import Extract
import Foundation

/// The line-record steps of a sharded run on another engine (a Spark job pipes its lines
/// through them): standard input in, standard output out.
package enum ShardLines {
    /// `journeys pairs`: the identity pairs of the records on standard input, as text.
    package static func pairs(pipeline: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let config = try ConfigLoader.load(path: pipeline, options: RunOptions(pipeline: pipeline), environment: environment)
        let input = LineReader(source: try openByteSource(path: "/dev/stdin"), maxLineBytes: PartialRun.recordBytes(config))
        return try LineKeying.pairs(records: input, options: config.extractOptions, source: "<stdin>").text
    }

    /// `journeys key`: every record on standard input, with its shard in front, on standard output.
    package static func key(pipeline: String, pairs: String, shards: Int,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let config = try ConfigLoader.load(path: pipeline, options: RunOptions(pipeline: pipeline), environment: environment)
        let keys = try PartialRun.readPairs(pairs).keys
        let input = LineReader(source: try openByteSource(path: "/dev/stdin"), maxLineBytes: PartialRun.recordBytes(config))
        var out = [UInt8]()
        out.reserveCapacity(1 << 20)
        func flush() {
            out.withUnsafeBytes { b in FileHandle.standardOutput.write(Data(b)) }
            out.removeAll(keepingCapacity: true)
        }
        try LineKeying.key(records: input, keys: keys, shards: shards, options: config.extractOptions, source: "<stdin>") { line in
            out += line.utf8
            out.append(0x0A)
            if out.count >= 1 << 20 { flush() }
        }
        flush()
    }

    /// `journeys key --binary`: one slice's binary records on standard input, in frames by shard
    /// on standard output.
    package static func keySlice(pairs: String, shards: Int, lineOffset: Int) throws {
        let keys = try PartialRun.readPairs(pairs).keys
        try SliceKeying.key(input: try openByteSource(path: "/dev/stdin"), source: "<stdin>", keys: keys, shards: shards,
                            lineOffset: lineOffset) { bytes in
            bytes.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
        }
    }
}
