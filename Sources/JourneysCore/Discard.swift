import Dispatch

/// Frees a large value (the folded tables of a million lines: hundreds of thousands of small
/// arrays and sets) on another thread, so that the thread done with it goes on at once instead
/// of waiting for every one of them to be freed.
package enum Discard {
    package static func inBackground<T>(_ value: T) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    private final class Box<T>: @unchecked Sendable {
        private var value: T?
        init(_ value: T) { self.value = value }
        func drop() { value = nil }
    }
}
