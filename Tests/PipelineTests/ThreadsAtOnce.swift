import Foundation

/// Runs work on threads of its own, all at the same time, for the tests that check what one
/// process shares between runs. Own threads, not the shared pool: the pool may run the bodies one
/// after the other on a machine with few cores, and then nothing would overlap.
enum ThreadsAtOnce {
    /// Calls `body(0)` ... `body(count - 1)`, each on a new thread, and returns when all have returned.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for i in 0..<count {
            group.enter()
            Thread {
                body(i)
                group.leave()
            }.start()
        }
        group.wait()
    }
}

/// A value several threads update, under a lock.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Reads or changes the value while no other thread does.
    func with<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
