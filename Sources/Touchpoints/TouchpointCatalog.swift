import JourneysCore

/// The touchpoints a report knows: one per rule name, plus an "other" per phase for unmatched pages.
package struct TouchpointCatalog: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var name: String
        package var phase: Phase
        package var funnelStep: FunnelStep?
        package var isOther: Bool
    }

    package private(set) var entries: [Entry] = []
    /// Names of the support contact kinds, indexed by `SupportContact.kind`.
    package var contactKinds: [String] = []

    package init() {}

    /// The index of the touchpoint `name` in `phase`, added when new. Rules sharing a name and phase
    /// share one touchpoint (the first rule's funnel step counts); a rule named "other" stays apart
    /// from the unmatched pages' "other".
    package mutating func add(name: String, phase: Phase, funnelStep: FunnelStep?, isOther: Bool = false) -> Int {
        if let i = entries.firstIndex(where: { $0.name == name && $0.phase == phase && $0.isOther == isOther }) { return i }
        entries.append(Entry(name: name, phase: phase, funnelStep: funnelStep, isOther: isOther))
        return entries.count - 1
    }

    package subscript(i: Int) -> Entry { entries[i] }
    package var count: Int { entries.count }
}
