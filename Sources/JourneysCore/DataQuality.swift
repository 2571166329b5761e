/// A rejected line as the report's data-quality section shows it.
package struct LineSample: Sendable, Equatable, Codable {
    package var file: String
    package var line: Int
    /// The line's text: cut to 200 bytes, invalid bytes replaced, IP and e-mail addresses and
    /// customer ids masked;
    /// escaped only when rendered.
    package var text: String
    package init(file: String, line: Int, text: String) { self.file = file; self.line = line; self.text = text }
}

/// Per-file accounting of every line read.
package struct FileAccount: Sendable, Equatable {
    package var file: String
    package var read = 0
    package var parsed = 0
    package var outcomes: [LineOutcome: Int] = [:]
    /// Set when the file ended early (a damaged gzip member) or could not be read to the end.
    package var damage: String? = nil
    /// Set when the file was not in time order and its events were sorted before the merge.
    package var resort: Resort? = nil

    /// How a file that was not in time order was sorted.
    package struct Resort: Sendable, Equatable, Codable {
        /// Events sorted (the file's parsed events).
        package var events: Int
        /// Events whose place changed: they stood elsewhere in the file than in time order.
        package var moved: Int
        /// Sorted runs written to temporary files; 0 when the file was sorted in memory.
        package var spilledRuns: Int
        package init(events: Int, moved: Int, spilledRuns: Int) {
            self.events = events; self.moved = moved; self.spilledRuns = spilledRuns
        }
    }

    package init(file: String) { self.file = file }

    package var filtered: Int { outcomes.filter { !$0.key.isRejected && !$0.key.isValueNote }.values.reduce(0, +) }
    package var rejected: Int { outcomes.filter { $0.key.isRejected }.values.reduce(0, +) }
    /// Parsed lines whose order value was left out (`LineOutcome.isValueNote`): part of `parsed`.
    package var valueNotes: Int { outcomes.filter { $0.key.isValueNote }.values.reduce(0, +) }
    /// The invariant every file keeps: read = parsed + filtered + rejected.
    package var isBalanced: Bool { read == parsed + filtered + rejected }
}

/// Counts and samples of what extract read, over all files.
package struct DataQuality: Sendable, Equatable {
    package static let samplesPerReason = 5

    package var files: [FileAccount] = []
    package var samples: [LineOutcome: [LineSample]] = [:]
    /// Notes that sessionize finds, after the lines have become events and no longer name their
    /// file (`order_total_implausible`): counted over the run, in no file's account.
    package var runNotes: [LineOutcome: Int] = [:]

    package init() {}

    package var read: Int { files.reduce(0) { $0 + $1.read } }
    package var parsed: Int { files.reduce(0) { $0 + $1.parsed } }
    package var filtered: Int { files.reduce(0) { $0 + $1.filtered } }
    package var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    package var valueNotes: Int { files.reduce(0) { $0 + $1.valueNotes } + runNotes.values.reduce(0, +) }
    package func count(_ outcome: LineOutcome) -> Int {
        files.reduce(runNotes[outcome] ?? 0) { $0 + ($1.outcomes[outcome] ?? 0) }
    }

    /// Keeps a rejected line (or a parsed line with a value note) for the report, masked: per reason, the `samplesPerReason` lines that
    /// come first by file (in the order of `files`) and line number. Extract calls it as it reads,
    /// and only this type decides what a sample may show. Which lines are kept does not depend on
    /// the order they were read in, so files read at once, parts read on other threads and the
    /// shares of other processes (`merge`) keep the same samples.
    package mutating func addSample(_ outcome: LineOutcome, _ sample: LineSample) {
        guard outcome.isSampled, keeps(outcome, file: sample.file, line: sample.line) else { return }
        var kept = samples[outcome, default: []]
        let key = order(sample.file, sample.line)
        let at = kept.firstIndex { order($0.file, $0.line) > key } ?? kept.count
        kept.insert(sample, at: at)
        if kept.count > Self.samplesPerReason { kept.removeLast() }
        samples[outcome] = kept
    }

    /// `masking`: byte ranges of the line that hold a customer id, shown as `[customer]`.
    package mutating func addSample(_ outcome: LineOutcome, file: String, line: Int, bytes: UnsafeRawBufferPointer,
                                    masking: [Range<Int>] = []) {
        guard outcome.isSampled, keeps(outcome, file: file, line: line) else { return }
        // Mask first, then cut: a cut must not leave half an address behind. An over-long line
        // arrives already cut to its first bytes, so its last token is dropped.
        let raw = masking.isEmpty ? SampleText.make(bytes) : Self.masked(bytes, masking)
        let text = Redactor.redact(raw, limit: 200, wasCut: outcome == .lineTooLong)
        addSample(outcome, LineSample(file: file, line: line, text: text))
    }

    /// The line's text with each of `ranges` (sorted or not, possibly overlapping) written as `[customer]`.
    static func masked(_ bytes: UnsafeRawBufferPointer, _ ranges: [Range<Int>]) -> String {
        var out = ""
        var at = 0
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let lo = max(r.lowerBound, at), hi = min(r.upperBound, bytes.count)
            guard lo < hi else { continue }
            out += SampleText.make(UnsafeRawBufferPointer(rebasing: bytes[at..<lo])) + "[customer]"
            at = hi
        }
        return out + SampleText.make(UnsafeRawBufferPointer(rebasing: bytes[at...]))
    }

    /// Whether a sample of `outcome` at `file`, `line` would be kept: lets a reader skip the
    /// work of masking a line that would not be.
    package func wouldKeep(_ outcome: LineOutcome, file: String, line: Int) -> Bool {
        outcome.isSampled && keeps(outcome, file: file, line: line)
    }

    /// Whether a sample of `file`, `line` would be among the kept ones.
    private func keeps(_ outcome: LineOutcome, file: String, line: Int) -> Bool {
        guard let kept = samples[outcome], kept.count >= Self.samplesPerReason, let last = kept.last else { return true }
        return order(file, line) < order(last.file, last.line)
    }

    /// A sample's place: its file's place in `files` (unknown files last), then its line.
    private func order(_ file: String, _ line: Int) -> (Int, Int) {
        (files.lastIndex { $0.file == file } ?? Int.max, line)
    }

    /// Adds the accounting of other lines, read elsewhere (a shard's partial): the same file's
    /// counts add up, new files come after the known ones, and the samples are chosen again.
    package mutating func merge(_ other: DataQuality) {
        for account in other.files {
            guard let i = files.firstIndex(where: { $0.file == account.file }) else {
                files.append(account)
                continue
            }
            files[i].read += account.read
            files[i].parsed += account.parsed
            for (o, n) in account.outcomes { files[i].outcomes[o, default: 0] += n }
            if files[i].damage == nil { files[i].damage = account.damage }
            if let r = account.resort {
                var sum = files[i].resort ?? FileAccount.Resort(events: 0, moved: 0, spilledRuns: 0)
                sum.events += r.events
                sum.moved += r.moved
                sum.spilledRuns += r.spilledRuns
                files[i].resort = sum
            }
        }
        for (o, n) in other.runNotes { runNotes[o, default: 0] += n }
        for outcome in LineOutcome.allCases {
            for sample in other.samples[outcome] ?? [] { addSample(outcome, sample) }
        }
    }
}
