/// A rejected line as the report's data-quality section shows it.
package struct LineSample: Sendable, Equatable, Codable {
    package var file: String
    package var line: Int
    /// The line's text: cut to 200 bytes, invalid bytes replaced, IP and e-mail addresses masked;
    /// escaped only when rendered.
    package var text: String
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

    package var filtered: Int { outcomes.filter { !$0.key.isRejected }.values.reduce(0, +) }
    package var rejected: Int { outcomes.filter { $0.key.isRejected }.values.reduce(0, +) }
    /// The invariant every file keeps: read = parsed + filtered + rejected.
    package var isBalanced: Bool { read == parsed + filtered + rejected }
}

/// Counts and samples of what extract read, over all files.
package struct DataQuality: Sendable, Equatable {
    package static let samplesPerReason = 5

    package var files: [FileAccount] = []
    package var samples: [LineOutcome: [LineSample]] = [:]

    package init() {}

    package var read: Int { files.reduce(0) { $0 + $1.read } }
    package var parsed: Int { files.reduce(0) { $0 + $1.parsed } }
    package var filtered: Int { files.reduce(0) { $0 + $1.filtered } }
    package var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    package func count(_ outcome: LineOutcome) -> Int { files.reduce(0) { $0 + ($1.outcomes[outcome] ?? 0) } }

    /// Keeps a rejected line for the report, masked, up to `samplesPerReason` per reason; extract
    /// calls it as it reads, and only this type decides what a sample may show.
    /// Keeps a sample another tally already made (a part of a file read on another thread),
    /// under the same limit, so that samples taken in file order are the same however the file
    /// was split.
    package mutating func addSample(_ outcome: LineOutcome, _ sample: LineSample) {
        guard outcome.isRejected, samples[outcome, default: []].count < Self.samplesPerReason else { return }
        samples[outcome, default: []].append(sample)
    }

    package mutating func addSample(_ outcome: LineOutcome, file: String, line: Int, bytes: UnsafeRawBufferPointer) {
        guard outcome.isRejected, samples[outcome, default: []].count < Self.samplesPerReason else { return }
        // Mask first, then cut: a cut must not leave half an address behind. An over-long line
        // arrives already cut to its first bytes, so its last token is dropped.
        let text = Redactor.redact(SampleText.make(bytes), limit: 200, wasCut: outcome == .lineTooLong)
        addSample(outcome, LineSample(file: file, line: line, text: text))
    }
}
