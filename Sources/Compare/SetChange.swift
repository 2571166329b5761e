import ReportModel

/// What appeared, vanished or moved most in a set of named things (touchpoints by views, journey
/// map links by transitions, top paths by visits) between two periods.
package struct SetChange: Sendable, Equatable {
    package struct Item: Sendable, Equatable {
        package var id: String
        package var base: Int
        package var new: Int
        package var delta: Int { new - base }
    }
    /// In the new period only, largest first.
    package var appeared: [Item]
    /// In the base period only, largest first.
    package var vanished: [Item]
    /// In both, by the largest change (either way) first.
    package var moved: [Item]

    /// At most `limit` of each; ties by id, so the same reports give the same lists.
    init(base: [String: Int], new: [String: Int], limit: Int = 5) {
        let appeared = new.filter { base[$0.key] == nil }.map { Item(id: $0.key, base: 0, new: $0.value) }
        let vanished = base.filter { new[$0.key] == nil }.map { Item(id: $0.key, base: $0.value, new: 0) }
        let moved = new.compactMap { k, v in base[k].map { Item(id: k, base: $0, new: v) } }.filter { $0.delta != 0 }
        self.appeared = Array(appeared.sorted { $0.new != $1.new ? $0.new > $1.new : $0.id < $1.id }.prefix(limit))
        self.vanished = Array(vanished.sorted { $0.base != $1.base ? $0.base > $1.base : $0.id < $1.id }.prefix(limit))
        self.moved = Array(moved.sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : $0.id < $1.id }.prefix(limit))
    }

    package var isEmpty: Bool { appeared.isEmpty && vanished.isEmpty && moved.isEmpty }

    static func touchpoints(_ r: ReportData) -> [String: Int] {
        Dictionary(r.journeyMap.nodes.map { (r.journeyMap.nodeID($0), $0.views) }, uniquingKeysWith: +)
    }

    static func links(_ r: ReportData) -> [String: Int] {
        let names = Dictionary(r.journeyMap.nodes.map { ($0.id, r.journeyMap.nodeID($0)) }, uniquingKeysWith: { a, _ in a })
        return Dictionary(r.journeyMap.links.compactMap { l in
            names[l.from].flatMap { f in names[l.to].map { ("\(f) -> \($0)", l.count) } }
        }, uniquingKeysWith: +)
    }

    static func paths(_ r: ReportData) -> [String: Int] {
        Dictionary(r.paths.map { ($0.id, $0.visits) }, uniquingKeysWith: +)
    }
}
