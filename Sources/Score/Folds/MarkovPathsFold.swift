import JourneysCore
import Sections

/// The input of the Markov model: journeys grouped by their sequence of channels, with the
/// conversions, their value in cents and the journeys that did not convert. A converting path is
/// the journey to a conversion of the period (see `ConversionPath`); a person with a visit in the
/// period and no order in it adds a path to null of their visits in the lookback window before
/// the period's end. Counts only, so partials merge exactly; the chain is built in `finish`.
struct MarkovPathsFold: SectionFold {
    struct Counts: Equatable, Codable {
        var conversions = 0
        var cents: Int64 = 0
        var nulls = 0
    }

    var paths: [[Channel]: Counts] = [:]

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        var inPeriod = false, converted = false
        for (k, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            inPeriod = true
            guard !visit.orders.isEmpty else { continue }
            converted = true
            let channels = ConversionPath.touches(person, upTo: k, lookback: context.lookback).map(\.channel)
            paths[channels, default: Counts()].conversions += visit.orders.count
            paths[channels, default: Counts()].cents = Cents.add(paths[channels]?.cents ?? 0, visit.revenueCents)
        }
        guard inPeriod && !converted else { return }
        let end = context.period.upperBound
        var channels: [Channel] = []
        for (k, visit) in person.visits.enumerated() where visit.start >= end - context.lookback && visit.start < end {
            channels.append(person.mapped[k].channel)
        }
        if !channels.isEmpty { paths[channels, default: Counts()].nulls += 1 }
    }

    mutating func merge(_ o: MarkovPathsFold) {
        for (channels, c) in o.paths {
            var mine = paths[channels] ?? Counts()
            mine.conversions += c.conversions; mine.cents = Cents.add(mine.cents, c.cents); mine.nulls += c.nulls
            paths[channels] = mine
        }
    }

    /// Conversions credited to each channel with any credit, the paths given to the model in
    /// the order of their channels.
    func finish(_ context: inout FinishContext) -> [Channel: Double] {
        let sorted = paths.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let input = sorted.map { ChannelPath($0.key, conversions: $0.value.conversions, value: Double($0.value.cents) / 100, nulls: $0.value.nulls) }
        return MarkovAttribution.credit(input).compactMapValues { $0.conversions > 0 ? $0.conversions : nil }
    }
}

extension MarkovPathsFold {
    init(zero context: FoldContext) { self.init() }
}
