import Sections
import JourneysCore

/// One distinct sequence of channels that journeys took, with how many of them ended in an order
/// (and the orders' value) and how many did not: the input of data-driven attribution, in the
/// shape of ChannelAttribution's `path`, `total_conversions`, `total_conversion_value`, `total_null`.
package struct ChannelPath: Sendable, Equatable {
    /// The channels of the journey's visits, oldest first; repeats are kept here (the heuristic
    /// models count them) and collapsed by the Markov chain.
    package var channels: [Channel]
    /// Journeys along this path that converted (orders).
    package var conversions: Int
    /// Value of those conversions, in the report's currency.
    package var value: Double
    /// Journeys along this path that did not convert.
    package var nulls: Int

    package init(_ channels: [Channel], conversions: Int = 0, value: Double = 0, nulls: Int = 0) {
        self.channels = channels; self.conversions = conversions; self.value = value; self.nulls = nulls
    }

    /// The path written as ChannelAttribution reads it: raw channel names joined by " > ".
    package var notation: String { channels.map(\.rawValue).joined(separator: " > ") }

    /// Reads `a > b > c` with channel raw names (blanks around names are ignored); nil when a name
    /// is no channel or the path is empty.
    package init?(notation: String, conversions: Int = 0, value: Double = 0, nulls: Int = 0) {
        var channels: [Channel] = []
        for part in notation.split(separator: ">", omittingEmptySubsequences: false) {
            guard let c = Channel(rawValue: Self.trimmed(part)) else { return nil }
            channels.append(c)
        }
        guard !channels.isEmpty else { return nil }
        self.init(channels, conversions: conversions, value: value, nulls: nulls)
    }

    private static func trimmed(_ s: Substring) -> String {
        var s = s
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}


/// Data-driven attribution: the first-order Markov chain over channel paths with the removal
/// effect (Anderl et al. 2014; the R/Python package ChannelAttribution's `markov_model`, order 1).
///
/// The chain's states are start, the channels, conversion and null. Every path with `k`
/// conversions and `n` nulls adds `k + n` to each of its transitions, `k` to last channel ->
/// conversion and `n` to last channel -> null; transition probabilities are the counts divided by
/// their row's total. Consecutive repeats of a channel are collapsed first (`email > email >
/// direct` is `email > direct`), as ChannelAttribution does for order 1: a second e-mail visit in a
/// row says nothing about the next channel, and self-loops would not change any absorption
/// probability anyway, only dilute the row.
///
/// The removal effect of channel `c` is `1 - P(conversion | c removed) / P(conversion)`, where
/// removing `c` sends every transition into `c` to null. Credit is the removal effects scaled so
/// that they add up to the paths' conversions. For value, the same is done with the expected
/// conversion value: each conversion is worth the mean value of the conversions whose last channel
/// was the same (ChannelAttribution draws it from that distribution), so the value removal effect
/// is `1 - E[value | c removed] / E[value]`, scaled to the paths' total value.
///
/// ChannelAttribution estimates these by simulating 10^5+ random walks (capped at the longest
/// path's length); here they are computed exactly by absorbing-chain linear algebra, so the same
/// journeys always give the same credit (the report must be reproducible to the byte). Expected
/// visits `y` of the transient states solve `(I - Q)^T y = s` (`Q` channel -> channel
/// probabilities, `s` start -> channel); then `P(conversion via last channel l) = y_l * r_l` with
/// `r_l` the probability of l -> conversion. One dense solve per channel plus one: channels are few.
package enum MarkovAttribution {
    /// A state of the chain.
    package enum State: Hashable, Sendable, Comparable {
        case start
        case channel(Channel)
        case conversion
        case null

        package var name: String {
            switch self {
            case .start: "(start)"
            case .channel(let c): c.rawValue
            case .conversion: "(conversion)"
            case .null: "(null)"
            }
        }

        private var rank: Int {
            switch self {
            case .start: 0
            case .channel(let c): 1 + c.order
            case .conversion: 1 + Channel.allCases.count
            case .null: 2 + Channel.allCases.count
            }
        }

        package static func < (a: State, b: State) -> Bool { a.rank < b.rank }
    }

    /// The transition counts of a set of paths, with the conversion value by last channel.
    package struct Chain: Sendable, Equatable {
        /// The channels that occur, in `Channel` order: the transient states besides start.
        package private(set) var channels: [Channel] = []
        /// `counts[from][to]`: journeys that made this step.
        package private(set) var counts: [State: [State: Int]] = [:]
        /// Value of the conversions whose last channel was the key.
        package private(set) var valueByLast: [Channel: Double] = [:]

        /// Builds the chain of `paths`, repeats collapsed; paths without channels or without any
        /// journey are left out.
        package init(_ paths: [ChannelPath]) {
            var seen = Set<Channel>()
            for p in paths where !p.channels.isEmpty && p.conversions + p.nulls > 0 {
                let weight = p.conversions + p.nulls
                var from = State.start
                for c in p.channels where from != .channel(c) {
                    counts[from, default: [:]][.channel(c), default: 0] += weight
                    from = .channel(c)
                    seen.insert(c)
                }
                if p.conversions > 0 {
                    counts[from, default: [:]][.conversion, default: 0] += p.conversions
                    valueByLast[p.channels.last!, default: 0] += p.value
                }
                if p.nulls > 0 { counts[from, default: [:]][.null, default: 0] += p.nulls }
            }
            channels = seen.sorted()
        }

        /// Journeys that left `state`.
        package func total(from state: State) -> Int { counts[state]?.values.reduce(0, +) ?? 0 }

        /// The probability of the step `from` -> `to`; 0 for a state never left.
        package func probability(from: State, to: State) -> Double {
            let t = total(from: from)
            return t == 0 ? 0 : Double(counts[from]?[to] ?? 0) / Double(t)
        }

        /// Every step with a count, sorted by state, with its probability.
        package var transitions: [(from: State, to: State, probability: Double)] {
            counts.keys.sorted().flatMap { from in
                counts[from]!.keys.sorted().map { to in (from, to, probability(from: from, to: to)) }
            }
        }

        /// Mean value of a conversion whose last channel was `c`.
        func meanValue(last c: Channel) -> Double {
            let n = counts[.channel(c)]?[.conversion] ?? 0
            return n == 0 ? 0 : (valueByLast[c] ?? 0) / Double(n)
        }

        /// Probability of conversion and expected conversion value from start, with `removed`
        /// sent to null; nil when the system is singular (no valid chain ever is).
        func absorption(removing removed: Channel?) -> (conversion: Double, value: Double)? {
            let kept = channels.filter { $0 != removed }
            let n = kept.count
            guard n > 0 else { return (0, 0) }
            // (I - Q)^T y = s, written row-major: a[i][j] = delta_ij - Q[j][i].
            var a = [Double](repeating: 0, count: n * n)
            var s = [Double](repeating: 0, count: n)
            for (i, ci) in kept.enumerated() {
                a[i * n + i] = 1
                s[i] = probability(from: .start, to: .channel(ci))
            }
            for (j, cj) in kept.enumerated() {
                for (i, ci) in kept.enumerated() {
                    a[i * n + j] -= probability(from: .channel(cj), to: .channel(ci))
                }
            }
            guard let y = MarkovAttribution.solve(a, s, n: n) else { return nil }
            var conversion = 0.0
            var value = 0.0
            for (l, cl) in kept.enumerated() {
                let p = y[l] * probability(from: .channel(cl), to: .conversion)
                conversion += p
                value += p * meanValue(last: cl)
            }
            return (conversion, value)
        }
    }

    /// Credit of one channel: conversions (orders) and their value.
    package struct Credit: Sendable, Equatable {
        package var conversions: Double
        package var value: Double
        package init(conversions: Double, value: Double) { self.conversions = conversions; self.value = value }
    }

    /// Everything the model computes, for the report and for checking it.
    package struct Result: Sendable, Equatable {
        package var chain: Chain
        /// P(conversion) of a journey, from start.
        package var conversionProbability: Double
        /// Expected conversion value of a journey, from start.
        package var expectedValue: Double
        /// `1 - P(conversion | c removed) / P(conversion)` per channel.
        package var removalEffects: [Channel: Double]
        /// `1 - E[value | c removed] / E[value]` per channel.
        package var valueRemovalEffects: [Channel: Double]
        /// Removal effects scaled to the paths' conversions and value.
        package var credit: [Channel: Credit]
    }

    /// The Markov model of `paths`: chain, removal effects and credit. Channels that occur in no
    /// path get no entry; when nothing converts, every channel's credit is 0.
    package static func attribute(_ paths: [ChannelPath]) -> Result {
        let chain = Chain(paths)
        let counted = paths.filter { !$0.channels.isEmpty && $0.conversions + $0.nulls > 0 }
        let totalConversions = Double(counted.reduce(0) { $0 + $1.conversions })
        let totalValue = counted.reduce(0.0) { $0 + ($1.conversions > 0 ? $1.value : 0) }
        let base = chain.absorption(removing: nil) ?? (0, 0)
        var effects: [Channel: Double] = [:]
        var valueEffects: [Channel: Double] = [:]
        for c in chain.channels {
            let without = chain.absorption(removing: c) ?? base
            // Removing a channel can only lower the chance to convert; clamp float noise at 0.
            effects[c] = base.conversion > 0 ? max(0, 1 - without.conversion / base.conversion) : 0
            valueEffects[c] = base.value > 0 ? max(0, 1 - without.value / base.value) : 0
        }
        let sum = chain.channels.reduce(0.0) { $0 + effects[$1]! }
        let valueSum = chain.channels.reduce(0.0) { $0 + valueEffects[$1]! }
        var credit: [Channel: Credit] = [:]
        for c in chain.channels {
            credit[c] = Credit(conversions: sum > 0 ? effects[c]! / sum * totalConversions : 0,
                               value: valueSum > 0 ? valueEffects[c]! / valueSum * totalValue : 0)
        }
        return Result(chain: chain, conversionProbability: base.conversion, expectedValue: base.value,
                      removalEffects: effects, valueRemovalEffects: valueEffects, credit: credit)
    }

    /// Conversions and value credited to each channel (see `attribute` for the removal effects).
    package static func credit(_ paths: [ChannelPath]) -> [Channel: Credit] { attribute(paths).credit }

    /// Solves the dense `n x n` system `a x = b` (row-major) by Gaussian elimination with partial
    /// pivoting; nil when a pivot vanishes.
    static func solve(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        var a = a
        var b = b
        for k in 0..<n {
            var pivot = k
            for i in (k + 1)..<max(n, k + 1) where abs(a[i * n + k]) > abs(a[pivot * n + k]) { pivot = i }
            guard abs(a[pivot * n + k]) > 1e-12 else { return nil }
            if pivot != k {
                for j in 0..<n { a.swapAt(k * n + j, pivot * n + j) }
                b.swapAt(k, pivot)
            }
            for i in (k + 1)..<max(n, k + 1) {
                let f = a[i * n + k] / a[k * n + k]
                if f == 0 { continue }
                for j in k..<n { a[i * n + j] -= f * a[k * n + j] }
                b[i] -= f * b[k]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = b[i]
            for j in (i + 1)..<max(n, i + 1) { s -= a[i * n + j] * x[j] }
            x[i] = s / a[i * n + i]
        }
        return x
    }
}
