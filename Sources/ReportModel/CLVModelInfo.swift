/// Predicted customer value (report.json's `clvModel`): BG/NBD and Gamma-Gamma fitted on the
/// history's orders up to the period's last day, and what they predict for the next
/// `horizonWeeks` weeks, for all customers, per first channel and per spend tier.
///
/// In report.json `fit` and `reason` are always there and exactly one of them is null:
/// - a stable fit: `{"fit": {...}, "reason": null, "horizonWeeks": 52, "all": {...},
///   "channels": {"email": {...}, "unknown": {...}}, "tiers": [{"tier": "high", ...}, ...]}`;
/// - no stable fit: `{"fit": null, "reason": "history too short for a stable fit: ..."}` and
///   nothing else, since predictions from parameters that cannot be trusted are not shown.
/// Without a history at all, `clvModel` is null.
package struct CLVModelInfo: Equatable, Sendable {
    /// The fitted parameters as `journeys history clv --json` prints them, rounded to 4
    /// significant digits.
    package struct Fit: Codable, Equatable, Sendable {
        package struct BGNBD: Codable, Equatable, Sendable {
            package var r: Double
            /// In weeks.
            package var alpha: Double
            package var a: Double
            package var b: Double
            package init(r: Double, alpha: Double, a: Double, b: Double) { self.r = r; self.alpha = alpha; self.a = a; self.b = b }
        }
        package struct GammaGamma: Codable, Equatable, Sendable {
            package var p: Double
            package var q: Double
            /// In currency units.
            package var v: Double
            package init(p: Double, q: Double, v: Double) { self.p = p; self.q = q; self.v = v }
        }
        /// The customers the BG/NBD fit used.
        package var customers: Int
        /// The unit of t_x, T and alpha: always "week".
        package var timeUnit: String
        package var bgnbd: BGNBD
        package var gammaGamma: GammaGamma

        package init(customers: Int, timeUnit: String = "week", bgnbd: BGNBD, gammaGamma: GammaGamma) {
            self.customers = customers; self.timeUnit = timeUnit; self.bgnbd = bgnbd; self.gammaGamma = gammaGamma
        }
    }

    /// What the models predict for a group of customers over the horizon, each a mean per customer.
    package struct Prediction: Codable, Equatable, Sendable {
        package var customers: Int
        /// Expected purchases (purchase days) in the horizon, at 2 decimals.
        package var expectedPurchases: Double
        /// Expected purchases x expected value per purchase, undiscounted, in currency units at 2 decimals.
        package var expectedValue: Double
        /// The probability of still being a customer on the as-of day, at 4 decimals.
        package var probabilityAlive: Double

        package init(customers: Int, expectedPurchases: Double, expectedValue: Double, probabilityAlive: Double) {
            self.customers = customers; self.expectedPurchases = expectedPurchases
            self.expectedValue = expectedValue; self.probabilityAlive = probabilityAlive
        }
    }

    /// The customers whose first order in the history came through a channel; `unknown` for
    /// orders without one (imported from the shop).
    package struct ChannelPrediction: Equatable, Sendable {
        package var channel: String
        package var label: String
        package var prediction: Prediction
        package init(channel: String, label: String, prediction: Prediction) {
            self.channel = channel; self.label = label; self.prediction = prediction
        }
    }

    /// A third of the customers ranked by what they spent up to the as-of day.
    package struct TierPrediction: Equatable, Sendable {
        /// `high`, `medium` or `low`.
        package var tier: String
        /// The lowest historical spend in the tier, in currency units.
        package var minSpend: Double
        package var prediction: Prediction
        package init(tier: String, minSpend: Double, prediction: Prediction) {
            self.tier = tier; self.minSpend = minSpend; self.prediction = prediction
        }
    }

    /// The fitted parameters; nil when either fit is not stable.
    package var fit: Fit?
    /// Why there is no fit: the fits' issues as sentences; nil when `fit` is set.
    package var reason: String?
    /// The weeks the predictions look ahead.
    package var horizonWeeks: Int
    package var all: Prediction?
    /// By first channel, most customers first.
    package var channels: [ChannelPrediction]
    /// high, medium, low (fewer with fewer than three customers).
    package var tiers: [TierPrediction]

    /// A stable fit with its predictions.
    package init(fit: Fit, horizonWeeks: Int, all: Prediction, channels: [ChannelPrediction], tiers: [TierPrediction]) {
        self.fit = fit; self.reason = nil; self.horizonWeeks = horizonWeeks
        self.all = all; self.channels = channels; self.tiers = tiers
    }

    /// No stable fit, and why.
    package init(reason: String, horizonWeeks: Int) {
        self.fit = nil; self.reason = reason; self.horizonWeeks = horizonWeeks
        self.all = nil; self.channels = []; self.tiers = []
    }
}

extension CLVModelInfo: Codable {
    enum CodingKeys: String, CodingKey { case fit, reason, horizonWeeks, all, channels, tiers }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fit, forKey: .fit)
        try c.encode(reason, forKey: .reason)
        guard fit != nil else { return }
        try c.encode(horizonWeeks, forKey: .horizonWeeks)
        try c.encode(all, forKey: .all)
        try c.encode(Dictionary(channels.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a }), forKey: .channels)
        try c.encode(tiers, forKey: .tiers)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let fit = try c.decodeIfPresent(Fit.self, forKey: .fit) else {
            self.init(reason: try c.decode(String.self, forKey: .reason), horizonWeeks: 52)
            return
        }
        self.init(fit: fit, horizonWeeks: try c.decode(Int.self, forKey: .horizonWeeks),
                  all: try c.decode(Prediction.self, forKey: .all),
                  channels: try c.decode([String: ChannelPrediction].self, forKey: .channels).values.sorted {
                      $0.prediction.customers != $1.prediction.customers
                          ? $0.prediction.customers > $1.prediction.customers : $0.channel < $1.channel
                  },
                  tiers: try c.decode([TierPrediction].self, forKey: .tiers))
    }
}

/// `{"channel", "label", "customers", "expectedPurchases", "expectedValue", "probabilityAlive"}`:
/// the prediction's fields beside the channel's.
extension CLVModelInfo.ChannelPrediction: Codable {
    enum CodingKeys: String, CodingKey { case channel, label }

    package func encode(to encoder: Encoder) throws {
        try prediction.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(channel, forKey: .channel)
        try c.encode(label, forKey: .label)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(channel: try c.decode(String.self, forKey: .channel), label: try c.decode(String.self, forKey: .label),
                  prediction: try CLVModelInfo.Prediction(from: decoder))
    }
}

/// `{"tier", "minSpend", "customers", "expectedPurchases", "expectedValue", "probabilityAlive"}`.
extension CLVModelInfo.TierPrediction: Codable {
    enum CodingKeys: String, CodingKey { case tier, minSpend }

    package func encode(to encoder: Encoder) throws {
        try prediction.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tier, forKey: .tier)
        try c.encode(minSpend, forKey: .minSpend)
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(tier: try c.decode(String.self, forKey: .tier), minSpend: try c.decode(Double.self, forKey: .minSpend),
                  prediction: try CLVModelInfo.Prediction(from: decoder))
    }
}
