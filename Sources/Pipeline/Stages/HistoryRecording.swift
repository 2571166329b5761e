import Dispatch
import History

/// The period's rows of the history, written on a thread of their own while the page is
/// rendered, checked and published, and committed only once it is published: a run that fails
/// before leaves the history as it was, as when the rows were written last.
final class HistoryRecording: @unchecked Sendable {
    private let store: HistoryStore
    private let written = DispatchSemaphore(value: 0)
    /// Set by the writing thread before it signals `written`, read after the wait.
    private var failure: Error?
    /// Read by the writing thread only; the caller hands over what it captures and reads none
    /// of it again until `commit` or `abandon` returns.
    private let facts: () -> PeriodFacts

    /// Starts writing the rows of `facts()` (worked out on the writing thread too).
    init(_ store: HistoryStore, facts: @escaping () -> PeriodFacts) {
        self.store = store
        self.facts = facts
        DispatchQueue.global().async {
            do { try self.store.write(self.facts()) } catch { self.failure = error }
            self.written.signal()
        }
    }

    /// Waits for the rows, then makes them last.
    func commit() throws {
        written.wait()
        if let failure { throw failure }
        try store.commit()
    }

    /// Waits for the rows, then undoes them.
    func abandon() {
        written.wait()
        if failure == nil { store.rollback() }
    }
}
