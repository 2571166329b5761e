/// Why a rate made of segments changed: because traffic moved between segments (mix) or because
/// the segments themselves did better or worse (rate). Conversion can rise although every channel
/// converts worse, when visits move to the channel that converts best; the diff says which.
///
/// The aggregate rate is R = sum over segments i of s_i r_i, with s_i the segment's share of the
/// denominator (of all visits, say) and r_i the rate within it (its visits with an order over its
/// visits). Between the base period (0) and the new one (1), in the symmetric (midpoint) form
///
///     mix_i  = (s1_i - s0_i) (r0_i + r1_i) / 2
///     rate_i = (r1_i - r0_i) (s0_i + s1_i) / 2
///
/// and mix_i + rate_i = s1_i r1_i - s0_i r0_i, so the parts add up to R1 - R0 exactly, with no
/// interaction term left over and without favouring either period as the reference.
///
/// A segment with no denominator in a period (absent from it, say a channel new this week) has
/// share 0 there, and is given its other period's rate there: a rate that did not exist cannot have
/// changed, so a new channel's whole contribution is mix (s1 r1) and a vanished one's is mix too
/// (-s0 r0). Taking its missing rate as 0 instead would put half of that under rate, as if the
/// channel had improved from nothing.
package struct ShiftShare: Sendable, Equatable {
    /// One segment's counts in one period: `numerator` of `denominator` (visits with an order of
    /// visits from a channel).
    package struct Segment: Sendable, Equatable {
        package var id: String
        package var numerator: Double
        package var denominator: Double

        package init(id: String, numerator: Double, denominator: Double) {
            self.id = id
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// One segment's part of the change.
    package struct Part: Sendable, Equatable {
        package var id: String
        /// The segment's share of the period's denominator; 0 where it has none.
        package var baseShare: Double
        package var newShare: Double
        /// The rate within the segment; nil where it has no denominator.
        package var baseRate: Double?
        package var newRate: Double?
        /// (s1 - s0) (r0 + r1) / 2: the change due to the segment's share.
        package var mix: Double
        /// (r1 - r0) (s0 + s1) / 2: the change due to the segment's rate.
        package var rate: Double
        /// mix + rate = s1 r1 - s0 r0.
        package var contribution: Double { mix + rate }
    }

    /// The aggregate rate, all numerators over all denominators, in each period.
    package var baseRate: Double
    package var newRate: Double
    /// The sums of the parts' mix and rate; mix + rate = total up to rounding (about 1e-16).
    package var mix: Double
    package var rate: Double
    /// Every segment of either period, by id.
    package var parts: [Part]

    /// newRate - baseRate.
    package var total: Double { newRate - baseRate }

    /// The parts by how much they moved the rate, largest |contribution| first, ties by id.
    package var ranked: [Part] {
        parts.sorted { a, b in
            let x = abs(a.contribution), y = abs(b.contribution)
            return x != y ? x > y : a.id < b.id
        }
    }

    /// Decomposes the change from `base` to `new`. A segment listed twice in a period is one
    /// segment with the counts summed. Nil when a period has no denominator at all (no rate to
    /// compare), or the counts are impossible: a negative or non-finite denominator, a non-finite
    /// numerator, or a numerator without a denominator.
    package init?(base: [Segment], new: [Segment]) {
        guard let b = Self.counts(base), let n = Self.counts(new) else { return nil }
        // Sums in id order: a dictionary's order changes from run to run, and so would the last bits.
        let ids = Set(b.keys).union(n.keys).sorted()
        func sum(_ counts: [String: Counts], _ value: (Counts) -> Double) -> Double {
            ids.reduce(0) { $0 + (counts[$1].map(value) ?? 0) }
        }
        let d0 = sum(b, \.denominator), d1 = sum(n, \.denominator)
        guard d0 > 0, d1 > 0 else { return nil }
        baseRate = sum(b, \.numerator) / d0
        newRate = sum(n, \.numerator) / d1

        parts = ids.map { id in
            let c0 = b[id] ?? Counts(), c1 = n[id] ?? Counts()
            let s0 = c0.denominator / d0, s1 = c1.denominator / d1
            let r0 = c0.rate, r1 = c1.rate
            // Where a rate is missing its share is 0; the other period's rate makes the part all mix.
            let x0 = r0 ?? r1 ?? 0, x1 = r1 ?? r0 ?? 0
            return Part(id: id, baseShare: s0, newShare: s1, baseRate: r0, newRate: r1,
                        mix: (s1 - s0) * (x0 + x1) / 2, rate: (x1 - x0) * (s0 + s1) / 2)
        }
        mix = parts.reduce(0) { $0 + $1.mix }
        rate = parts.reduce(0) { $0 + $1.rate }
    }

    private struct Counts {
        var numerator = 0.0, denominator = 0.0
        var rate: Double? { denominator > 0 ? numerator / denominator : nil }
    }

    /// A period's counts by segment id, duplicates summed; nil when they are impossible.
    private static func counts(_ segments: [Segment]) -> [String: Counts]? {
        var out: [String: Counts] = [:]
        for s in segments {
            guard s.numerator.isFinite, s.denominator.isFinite, s.denominator >= 0 else { return nil }
            out[s.id, default: Counts()].numerator += s.numerator
            out[s.id, default: Counts()].denominator += s.denominator
        }
        guard out.values.allSatisfy({ $0.denominator > 0 || $0.numerator == 0 }) else { return nil }
        return out
    }
}
