import Foundation

/// One result per task of a concurrent loop (`DispatchQueue.concurrentPerform`), each written
/// into its own slot under a lock, read back in task order once the loop has returned.
package final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Value, Error>?]

    package init(count: Int) { results = Array(repeating: nil, count: count) }

    package func set(_ i: Int, _ r: Result<Value, Error>) { lock.withLock { results[i] = r } }

    /// Slot `i`'s value taken out of it, so that the caller holds the only copy (a mutation
    /// copies nothing), or the error its task threw.
    package func take(_ i: Int) throws -> Value {
        try lock.withLock {
            defer { results[i] = nil }
            return results[i]!
        }.get()
    }

    /// Every slot's value in order; the first error a task threw.
    package func values() throws -> [Value] { try lock.withLock { results.map { $0! } }.map { try $0.get() } }
}
