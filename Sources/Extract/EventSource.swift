import JourneysCore

/// A stream of one input's events that the merge pulls from: a file read as it is, or a file
/// sorted by time first.
protocol EventSource: AnyObject {
    func next() throws -> Event?
    /// Input bytes consumed so far (compressed bytes for gzip files), for progress.
    var bytesConsumed: Int { get }
}
