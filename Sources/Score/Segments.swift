import JourneysCore
import ReportModel

/// Visits split by device and by new versus returning (docs/definitions.md "Segments"):
/// the same few rates per segment so that a weak segment stands out.
enum Segments {
    static func rows(_ input: ScoreInput, visits: [Int], person: [Int]) -> [SegmentRow] {
        var groups: [String: [Int]] = [:]
        var order: [(String, String)] = DeviceClass.allCases.map { ("device", $0.rawValue) } + [("visitor", "new"), ("visitor", "returning")]
        for i in visits {
            groups["device/\(input.visits[i].deviceClass.rawValue)", default: []].append(i)
            let first = input.journeys[person[i]].visits[0]
            groups["visitor/\(first == i ? "new" : "returning")", default: []].append(i)
        }
        order = order.filter { groups["\($0.0)/\($0.1)"] != nil }
        return order.map { dimension, segment in
            let members = groups["\(dimension)/\(segment)"]!
            var bounces = 0, buying = 0, orders = 0
            var cents: Int64 = 0
            var rates = RateCounts()
            for i in members {
                let v = input.visits[i]
                rates.count(v, input.mapped[i])
                if v.isBounce { bounces += 1 }
                if !v.orders.isEmpty { buying += 1 }
                for o in v.orders {
                    orders += 1
                    cents += o.valueCents
                }
            }
            var row = SegmentRow(dimension: dimension, segment: segment, visits: members.count,
                                 bounceRate: ratio(bounces, members.count) ?? 0, conversionRate: ratio(buying, members.count) ?? 0,
                                 orders: orders, revenue: Double(cents) / 100)
            row.rates = rates
            return row
        }
    }
}

/// Back-and-forth in a visit: A -> B -> A (repeats folded), such as cart -> shipping info ->
/// cart, which hints at a surprise (shipping costs) the page did not answer.
enum Loops {
    static let maxRows = 6

    /// The top loops, and how many were withheld for being about fewer than `minPeople` people.
    static func rows(_ input: ScoreInput, visits: [Int], person: [Int], minPeople: Int) -> (rows: [LoopRow], withheld: Int) {
        var counts: [[Int]: (visits: Int, purchases: Int)] = [:]
        var people: [[Int]: Set<Int>] = [:]
        for i in visits {
            var path: [Int] = []
            for tp in input.mapped[i].touchpoints where path.last != tp { path.append(tp) }
            guard path.count >= 3 else { continue }
            var loops = Set<[Int]>()
            for k in 2..<path.count where path[k] == path[k - 2] { loops.insert([path[k - 2], path[k - 1]]) }
            let bought = input.mapped[i].outcome == .purchase
            for loop in loops {
                counts[loop, default: (0, 0)].visits += 1
                if bought { counts[loop, default: (0, 0)].purchases += 1 }
                people[loop, default: []].insert(person[i])
            }
        }
        let withheld = counts.keys.filter { people[$0]!.count < minPeople }.count
        let rows = counts
            .filter { people[$0.key]!.count >= minPeople }
            .sorted { $0.value.visits != $1.value.visits ? $0.value.visits > $1.value.visits : $0.key.lexicographicallyPrecedes($1.key) }
            .prefix(maxRows)
            .map { LoopRow(from: input.catalog[$0.key[0]].name, via: input.catalog[$0.key[1]].name, visits: $0.value.visits,
                           purchases: $0.value.purchases, conversionRate: ratio($0.value.purchases, $0.value.visits) ?? 0) }
        return (Array(rows), withheld)
    }
}
