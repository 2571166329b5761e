import JourneysCore

/// Turns single lines of several files into events, each file in its own format: for the steps
/// that look at lines one by one, away from their files (keying lines by person for shards,
/// collecting who logged in on which device). The format of a file is chosen from its first
/// line, which the caller hands over, or else from the first line of it that it sees.
package final class LineEvents {
    private let context: ExtractContext
    private var decoders: [Int: LineDecoder] = [:]

    package init(options: ExtractOptions) { context = ExtractContext(options: options) }

    /// The first line of file `file`, which picks its decoder (a CSV export's header).
    package func setFirstLine(_ line: UnsafeRawBufferPointer, file: Int, path: String) throws {
        guard decoders[file] == nil, !line.isEmpty else { return }
        decoders[file] = try LineDecoder.make(first: line, options: context.options, path: path).0
    }

    /// The event of `line` of file `file`, or nil when the line has none (a header, a bot, an
    /// asset, a line that does not parse).
    package func event(_ line: UnsafeRawBufferPointer, file: Int, path: String) throws -> Event? {
        guard !line.isEmpty else { return nil }
        let (decoder, isHeader) = try self.decoder(file, line, path)
        guard !isHeader, case .event(let event) = decoder.decode(line, context) else { return nil }
        return event
    }

    /// What `line` of file `file` is, as a file's reader classifies it: its event, or why it has
    /// none (a header, a bot, an asset, a line that does not parse); nil for an empty line.
    package func result(_ line: UnsafeRawBufferPointer, file: Int, path: String) throws -> ExtractContext.LineResult? {
        guard !line.isEmpty else { return nil }
        let (decoder, isHeader) = try self.decoder(file, line, path)
        return isHeader ? .skipped(.header) : decoder.decode(line, context)
    }

    /// The timestamp of `line` of file `file`, as the plan's scan reads it; nil when it has none.
    package func timestamp(_ line: UnsafeRawBufferPointer, file: Int, path: String) throws -> Int64? {
        guard !line.isEmpty else { return nil }
        return try decoder(file, line, path).decoder.timestamp(line)
    }

    /// File `file`'s decoder; made from `line` when the file has none yet, which is then its
    /// first line (`isHeader`: a header, not data).
    private func decoder(_ file: Int, _ line: UnsafeRawBufferPointer, _ path: String) throws -> (decoder: LineDecoder, isHeader: Bool) {
        if let known = decoders[file] { return (known, false) }
        let made = try LineDecoder.make(first: line, options: context.options, path: path)
        decoders[file] = made.0
        return made
    }

    /// The string behind a symbol of an event this returned.
    package func string(_ symbol: Symbol) -> String { context.symbols[symbol] }
}
