#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Serializes all libxml2 work, because its error handlers are process-wide state.
enum LibXML2Lock {
    private static let mutex = Mutex()

    /// Runs `body` while no other check is using libxml2.
    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try body()
    }

    /// A pthread mutex on the heap (so its address never moves); Synchronization.Mutex needs macOS 15.
    private final class Mutex: @unchecked Sendable {
        private let raw: UnsafeMutablePointer<pthread_mutex_t>

        init() {
            raw = .allocate(capacity: 1)
            raw.initialize(to: pthread_mutex_t())
            pthread_mutex_init(raw, nil)
        }

        deinit {
            pthread_mutex_destroy(raw)
            raw.deallocate()
        }

        func lock() { pthread_mutex_lock(raw) }
        func unlock() { pthread_mutex_unlock(raw) }
    }
}
