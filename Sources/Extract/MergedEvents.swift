import HeapModule
import JourneysCore

/// Events of several files merged into one time-ordered stream (logs of several servers, or days
/// that overlap), holding one pending event per file.
package final class MergedEvents {
    private struct Head: Comparable {
        var event: Event
        var source: Int
        static func < (a: Head, b: Head) -> Bool {
            a.event.time != b.event.time ? a.event.time < b.event.time : a.source < b.source
        }
        static func == (a: Head, b: Head) -> Bool { a.event.time == b.event.time && a.source == b.source }
    }

    private let sources: [FileEvents]
    private var heads = Heap<Head>()
    private var started = false

    package init(_ sources: [FileEvents]) { self.sources = sources }

    package var bytesConsumed: Int { sources.reduce(0) { $0 + $1.bytesConsumed } }

    package func next() throws -> Event? {
        if !started {
            started = true
            for (i, s) in sources.enumerated() {
                if let e = try s.next() { heads.insert(Head(event: e, source: i)) }
            }
        }
        guard let head = heads.popMin() else { return nil }
        if let e = try sources[head.source].next() { heads.insert(Head(event: e, source: head.source)) }
        return head.event
    }
}
