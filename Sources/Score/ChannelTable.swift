import JourneysCore
import ReportModel

/// Per channel: visits, journeys it started and closed, orders and revenue of the visits it
/// brought, and the attribution models side by side.
enum ChannelTable {
    static func rows(_ input: ScoreInput, visits: [Int], person: [Int]) -> [ChannelRow] {
        var markovPaths: [ChannelPath] = []
        var converted = Set<Int>()
        var rows: [Channel: ChannelRow] = [:]
        func row(_ c: Channel) -> ChannelRow {
            rows[c] ?? ChannelRow(channel: c.rawValue, label: c.label, visits: 0, journeysStarted: 0, journeysClosed: 0,
                                  orders: 0, revenue: 0, attribution: Attribution())
        }
        var revenue: [Channel: Int64] = [:]
        for i in visits {
            let v = input.visits[i]
            let c = input.mapped[i].channel
            var r = row(c)
            r.visits += 1
            r.rates.count(v, input.mapped[i])
            let journey = input.journeys[person[i]]
            if journey.visits.first == i { r.journeysStarted += 1 }
            rows[c] = r
            guard !v.orders.isEmpty else { continue }
            // The journey to this conversion: its visits within the lookback window, up to this one.
            let path = journey.visits.filter { $0 <= i && input.visits[$0].start >= v.start - input.lookback }
            let touches = path.map {
                AttributionModels.Touch(channel: input.mapped[$0].channel, secondsBeforeConversion: v.start - input.visits[$0].start)
            }
            converted.insert(person[i])
            markovPaths.append(ChannelPath(touches.map(\.channel), conversions: v.orders.count,
                                           value: Double(v.orders.reduce(0) { $0 + $1.valueCents }) / 100))
            var closer = row(c)
            closer.journeysClosed += 1
            closer.orders += v.orders.count
            rows[c] = closer
            revenue[c, default: 0] += v.orders.reduce(0) { $0 + $1.valueCents }
            for (channel, credit) in AttributionModels.credit(touches, halfLife: input.timeDecayHalfLife) {
                var r = row(channel)
                let k = Double(v.orders.count)
                r.attribution.firstTouch += credit.firstTouch * k
                r.attribution.lastTouch += credit.lastTouch * k
                r.attribution.lastNonDirect += credit.lastNonDirect * k
                r.attribution.linear += credit.linear * k
                r.attribution.timeDecay += credit.timeDecay * k
                r.attribution.positionBased += credit.positionBased * k
                rows[channel] = r
            }
        }
        // Journeys with a visit in the period and no order feed the Markov model as paths to null.
        var nullJourneys = Set<Int>()
        for i in visits where !converted.contains(person[i]) { nullJourneys.insert(person[i]) }
        for j in nullJourneys.sorted() {
            let channels = input.journeys[j].visits
                .filter { input.visits[$0].start >= input.period.upperBound - input.lookback && input.visits[$0].start < input.period.upperBound }
                .map { input.mapped[$0].channel }
            if !channels.isEmpty { markovPaths.append(ChannelPath(channels, nulls: 1)) }
        }
        let markov = MarkovAttribution.credit(ChannelPath.grouped(markovPaths))
        for (c, credit) in markov where credit.conversions > 0 {
            var r = row(c)
            r.attribution.markov = credit.conversions
            rows[c] = r
        }

        return Channel.allCases.compactMap { c in
            guard var r = rows[c] else { return nil }
            r.revenue = Double(revenue[c] ?? 0) / 100
            r.attribution.firstTouch = rounded(r.attribution.firstTouch)
            r.attribution.lastTouch = rounded(r.attribution.lastTouch)
            r.attribution.lastNonDirect = rounded(r.attribution.lastNonDirect)
            r.attribution.linear = rounded(r.attribution.linear)
            r.attribution.timeDecay = rounded(r.attribution.timeDecay)
            r.attribution.positionBased = rounded(r.attribution.positionBased)
            r.attribution.markov = rounded(r.attribution.markov)
            return r
        }
    }
}

extension ChannelTable {
    /// Channels whose credit differs most between models (spread of at least 10% of the orders).
    static func disagreements(_ rows: [ChannelRow]) -> [Disagreement] {
        let total = rows.reduce(0.0) { $0 + Double($1.orders) }
        guard total > 0 else { return [] }
        var byChannel: [Channel: Attribution] = [:]
        for r in rows { if let c = Channel(rawValue: r.channel) { byChannel[c] = r.attribution } }
        return ModelDisagreement.largest(byChannel, markov: byChannel.mapValues(\.markov), totalOrders: total).map {
            Disagreement(channel: $0.channel.rawValue, label: $0.channel.label, lowestModel: $0.lowest.label,
                         lowest: $0.lowestCredit, highestModel: $0.highest.label, highest: $0.highestCredit,
                         shareOfOrders: rounded($0.shareOfOrders))
        }
    }
}
