import Dispatch
import History

/// The period's rows of the history, written on a thread of their own while score, render and
/// validate run, and committed once the page and the index are in place (`PublishTransaction`):
/// a run that fails before leaves the history as it was. The rows (customers,
/// orders, weekly visits) need the fold only; the KPI snapshot, written last, needs the report.
/// Nothing else reads or writes the history while the rows are written: the history stage has
/// read what score needs before.
final class HistoryRecording: @unchecked Sendable {
    private let store: HistoryStore
    private let written = DispatchSemaphore(value: 0)
    private let kpisGiven = DispatchSemaphore(value: 0)
    // Set before the semaphore that hands them over is signalled, read after its wait.
    private var failure: Error?
    private var kpis: [String: Double]? = nil
    /// Whether the caller has waited for the writes (the semaphore is signalled once).
    private var waited = false
    /// Read by the writing thread only; the caller hands over what it captures and reads none
    /// of it again until `commit` or `abandon` returns.
    private let facts: () -> PeriodFacts

    /// Starts writing the rows of `facts()` (worked out on the writing thread too); `snapshot`
    /// hands over the KPIs.
    init(_ store: HistoryStore, facts: @escaping () -> PeriodFacts) {
        self.store = store
        self.facts = facts
        DispatchQueue.global().async {
            self.write()
            self.written.signal()
        }
    }

    private func write() {
        var facts = self.facts()
        do {
            try store.writeRows(facts)
        } catch {
            failure = error
            kpisGiven.wait()
            return
        }
        kpisGiven.wait()
        guard let kpis else { return store.rollback() }
        facts.kpis = kpis
        do { try store.writeSnapshot(facts) } catch { failure = error }
    }

    /// The period's KPIs, as the history keeps them (`Scorer.historySnapshot`).
    func snapshot(_ kpis: [String: Double]) {
        self.kpis = kpis
        kpisGiven.signal()
    }

    /// Waits for the writes (once) and throws their failure: after it, only the commit is left.
    func prepare() throws {
        if !waited {
            written.wait()
            waited = true
        }
        if let failure { throw failure }
    }

    /// Waits for the writes, then makes them last. Call after `snapshot`.
    func commit() throws {
        try prepare()
        try store.commit()
    }

    /// Undoes the writes (waiting for them first); the KPIs may or may not have been given.
    func abandon() {
        if kpis == nil { kpisGiven.signal() }
        if !waited {
            written.wait()
            waited = true
        }
        if failure == nil, kpis != nil { store.rollback() }
    }
}
