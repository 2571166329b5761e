import JourneysCore

/// The events of one input file, in file order, pulled one at a time; every line read is counted
/// into the file's account and every rejected line may become a sample. The file's format is
/// decided at its first non-empty line (see `LogFormat`).
package final class FileEvents: SortableEventSource {
    package let path: String
    private let reader: LineReader
    let context: ExtractContext
    private let account: Int
    private var decoder: LineDecoder? = nil
    /// This file's counts, kept here while reading and added to its `FileAccount` at the end.
    private var read = 0
    private var parsed = 0
    private var counts = [Int](repeating: 0, count: LineOutcome.allCases.count)
    private static let outcomes = LineOutcome.allCases

    /// `account`: the file's account in `context.quality.files` when already made; else one is added.
    package init(path: String, context: ExtractContext, account: Int? = nil) throws {
        self.path = path
        self.context = context
        reader = LineReader(source: try openByteSource(path: path), maxLineBytes: context.options.maxLineBytes)
        self.account = account ?? context.addAccount(path)
    }

    /// The events of a part of a file (`source`), read as the file's own lines: the decoder is
    /// made from the file's first non-empty line `firstLine`, and the part's first line is data,
    /// never a header. Line numbers count from the part's start. With `firstLine` empty, the part
    /// is the file's start: its first non-empty line picks the decoder and may be a header.
    package init(path: String, part source: ByteSource, firstLine: [UInt8], context: ExtractContext) throws {
        self.path = path
        self.context = context
        reader = LineReader(source: source, maxLineBytes: context.options.maxLineBytes)
        context.quality.files.append(FileAccount(file: path))
        account = context.quality.files.count - 1
        if !firstLine.isEmpty {
            decoder = try firstLine.withUnsafeBytes { try LineDecoder.make(first: $0, options: context.options, path: path).0 }
        }
    }

    /// Sees every whole line read, with what it became, before the event is handed on (the map
    /// side of a Spark job collects identity pairs and timestamps from them).
    package var observe: ((UnsafeRawBufferPointer, ExtractContext.LineResult) throws -> Void)? = nil

    /// Some lines of another file, spooled to `path` (see `InputFile.Spool`): counted and sampled
    /// as that file's lines, under their numbers there; its line 1 is still a possible header.
    init(spooled path: String, _ spool: InputFile.Spool, context: ExtractContext, account: Int? = nil) throws {
        self.path = spool.file
        self.context = context
        reader = LineReader(source: try openByteSource(path: path), maxLineBytes: context.options.maxLineBytes)
        self.account = account ?? context.addAccount(spool.file)
        lineNumbers = spool.lineNumbers
        spooledDamage = spool.damage
        truncatedLine = spool.truncatedLine
        if !spool.firstLine.isEmpty {
            let (made, _) = try spool.firstLine.withUnsafeBytes { try LineDecoder.make(first: $0, options: context.options, path: spool.file) }
            decoder = made
        }
        firstLine = spool.firstLine
        firstLineNumber = spool.firstLineNumber
    }

    /// For a spooled file: each line's number in its original file, and that file's first line.
    private var lineNumbers: [Int]? = nil
    private var firstLine: [UInt8] = []
    private var firstLineNumber = 1
    /// For a spooled file: the damage of the file it comes from, and the number of that file's
    /// unterminated last line.
    private var spooledDamage: String? = nil
    private var truncatedLine: Int? = nil

    /// The current line's number in the file it comes from.
    private var lineNumber: Int {
        guard let lineNumbers else { return reader.lineNumber }
        let i = reader.lineNumber - 1
        return i < lineNumbers.count ? lineNumbers[i] : reader.lineNumber
    }

    /// Lines read so far (the current line's number).
    package var linesRead: Int { reader.lineNumber }

    /// Input bytes consumed so far (compressed bytes for gzip files).
    package var bytesConsumed: Int { reader.source.bytesConsumed }

    /// The next event in file order; rows of one order stay separate events (sessionize adds
    /// them up within their visit, wherever they stand).
    package func next() throws -> Event? { try nextLine() }

    /// Notes in the file's account that its events were sorted by time before the merge.
    func recordSort(_ resort: FileAccount.Resort) {
        context.quality.files[account].resort = resort
    }

    /// Adds the counts so far to the file's account.
    private func flushCounts() {
        guard read > 0 else { return }
        context.quality.files[account].read += read
        context.quality.files[account].parsed += parsed
        for (k, c) in counts.enumerated() where c > 0 {
            context.quality.files[account].outcomes[Self.outcomes[k], default: 0] += c
        }
        read = 0
        parsed = 0
        for k in counts.indices { counts[k] = 0 }
    }

    private func nextLine() throws -> Event? {
        while true {
            let item = try reader.next()
            let line: UnsafeRawBufferPointer
            let outcome: LineOutcome
            switch item {
            case .end:
                flushCounts()
                if let damage = reader.source.damage ?? spooledDamage { context.quality.files[account].damage = damage }
                return nil
            case .tooLong(let prefix):
                line = prefix
                outcome = .lineTooLong
            case .truncated(let rest):
                line = rest
                outcome = .truncated
            case .line(let l) where truncatedLine != nil && lineNumber == truncatedLine:
                line = l
                outcome = .truncated
            case .line(let l):
                line = l
                let result = try decode(l)
                try observe?(l, result)
                switch result {
                case .event(let event):
                    read += 1
                    parsed += 1
                    if let note = context.valueNote {
                        // a parsed line whose order value was left out: counted apart, sampled
                        counts[note.order] += 1
                        addSample(note, l)
                    }
                    return event
                case .skipped(let why):
                    outcome = why
                }
            }
            read += 1
            counts[outcome.order] += 1
            if outcome.isRejected { addSample(outcome, line) }
        }
    }

    /// Keeps `line` as a sample of `outcome` (when it is among the kept ones), its customer ids
    /// masked where this file's format puts them (see `LineDecoder.customerFields`).
    private func addSample(_ outcome: LineOutcome, _ line: UnsafeRawBufferPointer) {
        let number = lineNumber
        guard context.quality.wouldKeep(outcome, file: path, line: number) else { return }
        let fields = LineDecoder.customerFields(in: line, decoder: decoder, options: context.options)
        context.quality.addSample(outcome, file: path, line: number, bytes: line, masking: fields)
    }

    /// The line's event, or why it has none; the first non-empty line also picks the file's decoder.
    private func decode(_ line: UnsafeRawBufferPointer) throws -> ExtractContext.LineResult {
        if line.isEmpty { return .skipped(.malformed) }
        // A spooled share holding its file's first non-empty line: a header there is one here too.
        if lineNumbers != nil, lineNumber == firstLineNumber, firstLine.elementsEqual(line), let (_, isHeader) = try? LineDecoder.make(first: line, options: context.options, path: path), isHeader {
            return .skipped(.header)
        }
        if let decoder { return decoder.decode(line, context) }
        let (made, isHeader) = try LineDecoder.make(first: line, options: context.options, path: path)
        decoder = made
        return isHeader ? .skipped(.header) : made.decode(line, context)
    }
}
