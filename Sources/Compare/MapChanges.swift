import ReportModel
import Statistics

/// The boxes and links of the journey map that changed beyond noise against the previous
/// period's map, for the marks the map draws (docs/definitions.md "The map against the previous
/// period"). Each box is tested on the share of the map's visits that viewed it (visits, not
/// page views: a visit's views of one page come in clumps, which a test of views would take for
/// news), each link on its share of the steps within visits, each return on its share of the
/// returns: the two-proportion test of the report's rates, new share against base share. All of them make one family, cut by
/// Benjamini-Hochberg at the false discovery rate of "What changed", so that a map of dozens of
/// boxes and links is not marked all over by chance.
package struct MapChanges: Sendable, Equatable {
    /// Which way a share moved.
    package enum Direction: String, Sendable, Equatable {
        case up, down
    }
    /// By node key (`JourneyMap.nodeID`).
    package var nodes: [String: Direction] = [:]
    /// By `from -> to` of node keys.
    package var links: [String: Direction] = [:]
    package var returns: [String: Direction] = [:]
    /// The tests of the family, marked or not.
    package var tests = 0

    /// No marks: nothing compared, or nothing changed beyond noise.
    package init() {}

    package var isEmpty: Bool { nodes.isEmpty && links.isEmpty && returns.isEmpty }

    /// The marks of `new` against `base`, at false discovery rate `q`.
    package static func of(base: JourneyMap, new: JourneyMap, q: Double = ChangeList.defaultFalseDiscoveryRate) -> MapChanges {
        enum Kind { case node, link, returning }
        var keys: [(Kind, String)] = []
        var pValues: [Double] = []
        var directions: [Direction?] = []
        func family(_ kind: Kind, _ base: [String: Int], _ new: [String: Int], of totals: (Int, Int)? = nil) {
            let n0 = totals?.0 ?? base.values.reduce(0, +), n1 = totals?.1 ?? new.values.reduce(0, +)
            for key in Set(base.keys).union(new.keys).sorted() {
                let x0 = base[key] ?? 0, x1 = new[key] ?? 0
                let result = Significance.proportion(x1, of: n1, against: x0, of: n0)
                keys.append((kind, key))
                pValues.append(result.pValue ?? .nan)
                let s1 = n1 > 0 ? Double(x1) / Double(n1) : 0, s0 = n0 > 0 ? Double(x0) / Double(n0) : 0
                directions.append(s1 > s0 ? .up : s1 < s0 ? .down : nil)
            }
        }
        family(.node, visits(base), visits(new), of: (base.nodes.reduce(0) { $0 + $1.entries }, new.nodes.reduce(0) { $0 + $1.entries }))
        family(.link, links(base, \.links), links(new, \.links))
        family(.returning, links(base, \.returns), links(new, \.returns))
        var out = MapChanges()
        out.tests = pValues.count
        for i in BenjaminiHochberg.discoveries(pValues, q: q).sorted() {
            guard let direction = directions[i] else { continue }
            switch keys[i].0 {
            case .node: out.nodes[keys[i].1] = direction
            case .link: out.links[keys[i].1] = direction
            case .returning: out.returns[keys[i].1] = direction
            }
        }
        return out
    }

    /// Per box, the visits with a view of it; every visit on the map enters it at one box, so
    /// the entries add up to the map's visits.
    static func visits(_ map: JourneyMap) -> [String: Int] {
        Dictionary(map.nodes.map { (map.nodeID($0), $0.visits) }, uniquingKeysWith: +)
    }

    /// Links (or returns) by `from -> to` of node keys.
    static func links(_ map: JourneyMap, _ list: KeyPath<JourneyMap, [JourneyMap.Link]>) -> [String: Int] {
        let names = Dictionary(map.nodes.map { ($0.id, map.nodeID($0)) }, uniquingKeysWith: { a, _ in a })
        return Dictionary(map[keyPath: list].compactMap { l in
            names[l.from].flatMap { f in names[l.to].map { ("\(f) -> \($0)", l.count) } }
        }, uniquingKeysWith: +)
    }
}
