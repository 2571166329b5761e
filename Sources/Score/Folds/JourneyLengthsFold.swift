import JourneysCore
import ReportModel
import Sections

/// How long journeys are: the people of the period grouped by how many visits their journey
/// has in the lookback window before the period's end, with how many channels they used and
/// how many bought in the period.
struct JourneyLengthsFold: SectionFold {
    static let buckets: [(label: String, range: ClosedRange<Int>)] = [("1", 1...1), ("2", 2...2), ("3–4", 3...4), ("5+", 5...Int.max)]
    /// Per bucket: people, people with more than one channel, people who bought.
    var journeys = Array(repeating: 0, count: buckets.count)
    var multiChannel = Array(repeating: 0, count: buckets.count)
    var buyers = Array(repeating: 0, count: buckets.count)

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        let period = context.period
        guard person.visits.contains(where: { period.contains($0.start) }) else { return }
        let windowStart = period.upperBound - context.lookback
        let inWindow = person.visits.indices.filter { person.visits[$0].start >= windowStart && person.visits[$0].start < period.upperBound }
        guard let bucket = Self.buckets.firstIndex(where: { $0.range.contains(inWindow.count) }) else { return }
        journeys[bucket] += 1
        if Set(inWindow.map { person.mapped[$0].channel }).count > 1 { multiChannel[bucket] += 1 }
        if inWindow.contains(where: { period.contains(person.visits[$0].start) && !person.visits[$0].orders.isEmpty }) {
            buyers[bucket] += 1
        }
    }

    mutating func merge(_ o: JourneyLengthsFold) {
        for b in journeys.indices {
            journeys[b] += o.journeys[b]; multiChannel[b] += o.multiChannel[b]; buyers[b] += o.buyers[b]
        }
    }

    func finish(_ context: inout FinishContext) -> [JourneyLengthRow] {
        Self.buckets.indices.map { b in
            JourneyLengthRow(visits: Self.buckets[b].label, journeys: journeys[b],
                             multiChannel: ratio(multiChannel[b], journeys[b]),
                             buyers: buyers[b], conversion: ratio(buyers[b], journeys[b]))
        }
    }
}

extension JourneyLengthsFold {
    init(zero context: FoldContext) { self.init() }
}
