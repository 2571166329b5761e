import JourneysCore

/// The events of one input file, in file order, pulled one at a time; every line read is counted
/// into the file's account and every rejected line may become a sample.
package final class FileEvents {
    package let path: String
    private let reader: LineReader
    private let context: ExtractContext
    private let account: Int

    package init(path: String, context: ExtractContext) throws {
        self.path = path
        self.context = context
        reader = LineReader(source: try openByteSource(path: path), maxLineBytes: context.options.maxLineBytes)
        context.quality.files.append(FileAccount(file: path))
        account = context.quality.files.count - 1
    }

    /// Input bytes consumed so far (compressed bytes for gzip files).
    package var bytesConsumed: Int { reader.source.bytesConsumed }

    package func next() throws -> Event? {
        while true {
            let item = try reader.next()
            let line: UnsafeRawBufferPointer
            let outcome: LineOutcome
            switch item {
            case .end:
                if let damage = reader.source.damage { context.quality.files[account].damage = damage }
                return nil
            case .tooLong(let prefix):
                line = prefix
                outcome = .lineTooLong
            case .truncated(let rest):
                line = rest
                outcome = .truncated
            case .line(let l):
                line = l
                if l.isEmpty {
                    outcome = .malformed
                } else {
                    switch context.classify(accessLogLine: l) {
                    case .event(let event):
                        context.quality.files[account].read += 1
                        context.quality.files[account].parsed += 1
                        return event
                    case .skipped(let why):
                        outcome = why
                    }
                }
            }
            context.quality.files[account].read += 1
            context.quality.files[account].outcomes[outcome, default: 0] += 1
            context.quality.addSample(outcome, file: path, line: reader.lineNumber, bytes: line)
        }
    }
}
