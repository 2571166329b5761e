import JourneysCore
import ReportModel

/// How long journeys are: the people of the period grouped by how many visits their journey
/// has in the lookback window, with how many channels they used and how many bought.
enum JourneyLengths {
    static let buckets: [(label: String, range: ClosedRange<Int>)] = [("1", 1...1), ("2", 2...2), ("3–4", 3...4), ("5+", 5...Int.max)]

    static func rows(_ input: ScoreInput, visits: [Int], person: [Int]) -> [JourneyLengthRow] {
        let windowStart = input.period.upperBound - input.lookback
        var people = Set<Int>()
        for i in visits { people.insert(person[i]) }
        var stats = Array(repeating: (journeys: 0, multiChannel: 0, buyers: 0), count: buckets.count)
        for p in people {
            let inWindow = input.journeys[p].visits.filter {
                input.visits[$0].start >= windowStart && input.visits[$0].start < input.period.upperBound
            }
            guard let bucket = buckets.firstIndex(where: { $0.range.contains(inWindow.count) }) else { continue }
            stats[bucket].journeys += 1
            if Set(inWindow.map { input.mapped[$0].channel }).count > 1 { stats[bucket].multiChannel += 1 }
            if inWindow.contains(where: { input.period.contains(input.visits[$0].start) && !input.visits[$0].orders.isEmpty }) {
                stats[bucket].buyers += 1
            }
        }
        return buckets.indices.map { k in
            JourneyLengthRow(visits: buckets[k].label, journeys: stats[k].journeys,
                             multiChannel: ratio(stats[k].multiChannel, stats[k].journeys) ?? 0,
                             buyers: stats[k].buyers, conversion: ratio(stats[k].buyers, stats[k].journeys) ?? 0)
        }
    }
}
