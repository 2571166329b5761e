import Sections
import JourneysCore
import ReportModel

/// The attribution models the report shows side by side.
package enum AttributionModel: String, CaseOrdered, Sendable, Codable {
    case firstTouch = "first_touch"
    case lastTouch = "last_touch"
    case lastNonDirect = "last_non_direct"
    case linear
    case timeDecay = "time_decay"
    case positionBased = "position_based"
    case markov

    package var label: String {
        switch self {
        case .firstTouch: "First touch"
        case .lastTouch: "Last touch"
        case .lastNonDirect: "Last non-direct touch"
        case .linear: "Linear"
        case .timeDecay: "Time decay"
        case .positionBased: "Position based (40/20/40)"
        case .markov: "Markov chain (removal effect)"
        }
    }

    /// This model's figure in a channel's `Attribution`.
    package func credit(in a: Attribution) -> Double? {
        switch self {
        case .firstTouch: a.firstTouch
        case .lastTouch: a.lastTouch
        case .lastNonDirect: a.lastNonDirect
        case .linear: a.linear
        case .timeDecay: a.timeDecay
        case .positionBased: a.positionBased
        case .markov: a.markov
        }
    }
}

/// A channel whose credit differs much between models: where the models disagree is where the
/// report's reader should look (a channel that opens journeys gains under first touch and loses
/// under last touch).
package struct ModelDisagreement: Sendable, Equatable {
    package var channel: Channel
    /// The model giving the channel the least credit, and that credit (orders).
    package var lowest: AttributionModel
    package var lowestCredit: Double
    /// The model giving the channel the most credit, and that credit (orders).
    package var highest: AttributionModel
    package var highestCredit: Double
    /// `highestCredit - lowestCredit`, in orders.
    package var spread: Double
    /// `spread / totalOrders`.
    package var shareOfOrders: Double

    /// The channels on which the models disagree most: those whose spread (max - min credit over
    /// the models given) is at least `minShare` of `totalOrders`, largest spread first (ties in
    /// channel order), at most `limit`. A channel missing from a model's credits has 0 there;
    /// fewer than two models, or no orders, give none. The lowest and highest models are the first
    /// in model order among equals.
    package static func largest(_ credits: [AttributionModel: [Channel: Double]], totalOrders: Double,
                                minShare: Double = 0.10, limit: Int = 2) -> [ModelDisagreement] {
        guard credits.count >= 2, totalOrders > 0, limit > 0 else { return [] }
        let models = credits.keys.sorted()
        let channels = Set(credits.values.flatMap(\.keys)).sorted()
        var out: [ModelDisagreement] = []
        for c in channels {
            var low = (model: models[0], credit: credits[models[0]]![c] ?? 0)
            var high = low
            for m in models.dropFirst() {
                let x = credits[m]![c] ?? 0
                if x < low.credit { low = (m, x) }
                if x > high.credit { high = (m, x) }
            }
            let spread = high.credit - low.credit
            let share = spread / totalOrders
            // The tolerance keeps a spread of exactly `minShare` (in decimal) from missing by float noise.
            guard share >= minShare - 1e-12 else { continue }
            out.append(ModelDisagreement(channel: c, lowest: low.model, lowestCredit: low.credit, highest: high.model,
                                         highestCredit: high.credit, spread: spread, shareOfOrders: share))
        }
        out.sort { $0.spread != $1.spread ? $0.spread > $1.spread : $0.channel < $1.channel }
        return Array(out.prefix(limit))
    }

    /// The same for the report's channel rows: the six heuristic models of each channel's
    /// `Attribution`, plus Markov credit when given.
    package static func largest(_ attribution: [Channel: Attribution], markov: [Channel: Double]? = nil,
                                totalOrders: Double, minShare: Double = 0.10, limit: Int = 2) -> [ModelDisagreement] {
        var credits: [AttributionModel: [Channel: Double]] = [:]
        for model in AttributionModel.allCases where model != .markov {
            credits[model] = attribution.compactMapValues { model.credit(in: $0) }
        }
        if let markov { credits[.markov] = markov }
        return largest(credits, totalOrders: totalOrders, minShare: minShare, limit: limit)
    }
}
