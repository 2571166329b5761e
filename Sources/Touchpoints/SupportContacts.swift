import Foundation
import JourneysCore

/// A kind of support contact (chat, contact form, call-back) and the page views that start and
/// end one, so that its handling time can be read from the logs (docs/definitions.md "Support
/// contacts").
package struct SupportContactRule: Sendable {
    package var name: String
    package var start: TouchpointRule.Pattern
    /// `nil` when the logs show no end: the contact's time then comes only from a logged duration.
    package var end: TouchpointRule.Pattern?

    package init(name: String, start: TouchpointRule.Pattern, end: TouchpointRule.Pattern? = nil) {
        self.name = name; self.start = start; self.end = end
    }
}

/// One support contact in a visit.
package struct SupportContact: Sendable, Equatable {
    /// Index of its kind in `TouchpointCatalog.contactKinds`.
    package var kind: Int
    /// The page view that started it.
    package var page: Int32
    /// Handling time in seconds: from its start to its end, or the duration its event logged;
    /// `nil` when the visit shows neither (the chat window closed without an end event).
    package var seconds: Int32?

    package init(kind: Int, page: Int32, seconds: Int32?) { self.kind = kind; self.page = page; self.seconds = seconds }
}

/// Finds the support contacts of visits; each distinct path is matched once and remembered.
struct SupportContactFinder {
    private let starts: [PathPattern]
    private let ends: [PathPattern?]
    /// Per distinct path: the kind it starts and the kind it ends, -1 for none.
    private var startOf = SymbolMemo(), endOf = SymbolMemo()

    init(rules: [SupportContactRule]) throws {
        starts = try rules.map { try PathPattern(TouchpointRule(pattern: $0.start, touchpoint: $0.name, phase: .retention)) }
        ends = try rules.map { rule in try rule.end.map { try PathPattern(TouchpointRule(pattern: $0, touchpoint: rule.name, phase: .retention)) } }
    }

    var isEmpty: Bool { starts.isEmpty }

    private mutating func role(_ path: Symbol, symbols: SymbolTable) -> (start: Int?, end: Int?) {
        var start = startOf[path], end = endOf[path]
        if start == SymbolMemo.unknown {
            let text = symbols[path]
            start = starts.firstIndex { $0.matches(text) }.map { Int32($0) } ?? -1
            end = ends.firstIndex { $0?.matches(text) == true }.map { Int32($0) } ?? -1
            startOf[path] = start
            endOf[path] = end
        }
        return (start: start < 0 ? nil : Int(start), end: end < 0 ? nil : Int(end))
    }

    /// The visit's contacts in the order they started. A start while one of its kind is open
    /// leaves the open one without an end; an end closes the open contact of its kind.
    mutating func contacts(in visit: Visit, symbols: SymbolTable) -> [SupportContact] {
        guard !isEmpty else { return [] }
        var found: [SupportContact] = []
        var open: [Int: Int32] = [:]
        var marks = visit.handlingTimes.makeIterator()
        var mark = marks.next()
        for (i, path) in visit.pages.enumerated() {
            let page = Int32(i)
            while let m = mark, m.page < page { mark = marks.next() }
            let logged = mark.flatMap { $0.page == page ? $0.value : nil }
            let r = role(path, symbols: symbols)
            if let k = r.end, let started = open.removeValue(forKey: k) {
                found.append(SupportContact(kind: k, page: started, seconds: Int32(clamping: visit.time(ofPage: i) - visit.time(ofPage: Int(started)))))
                continue
            }
            guard let k = r.start else { continue }
            if let started = open.removeValue(forKey: k) { found.append(SupportContact(kind: k, page: started, seconds: nil)) }
            if let logged {
                found.append(SupportContact(kind: k, page: page, seconds: logged))
            } else if ends[k] == nil {
                found.append(SupportContact(kind: k, page: page, seconds: nil))
            } else {
                open[k] = page
            }
        }
        found += open.map { SupportContact(kind: $0.key, page: $0.value, seconds: nil) }
        return found.sorted { ($0.page, $0.kind) < ($1.page, $1.kind) }
    }
}
