import Sections
import ReportModel
import Statistics

/// Tells a real week-over-week change of a KPI from noise, so the report does not make news of
/// chance: picks the test by what the KPI was computed from. The tests are the diff's
/// (`Statistics.Significance`), so the report and `journeys diff` agree on what is news.
package enum ChangeTest {
    /// What a KPI was computed from.
    package enum Sample: Sendable, Equatable {
        /// `successes` out of `trials` (a rate such as conversion).
        case proportion(Int, Int)
        /// A number of independent events (visits, orders), taken as Poisson.
        case count(Int)
        /// The mean of values (the average order value), tested by Welch's t.
        case mean(ValueSample?)
        /// The sum of values (revenue), tested as a compound Poisson process.
        case sum(ValueSample?)
        /// Net promoter score: promoters, detractors and answers.
        case nps(Int, Int, Int)
    }

    /// The test of `now` against `before`; not testable when the samples are of different kinds.
    package static func test(_ now: Sample, _ before: Sample) -> NoiseTestResult {
        let none = ValueMoments(count: 0, mean: 0, standardDeviation: 0)
        func summary(_ v: ValueSample?) -> ValueMoments {
            v.map { ValueMoments(count: $0.count, mean: $0.mean, standardDeviation: $0.standardDeviation) } ?? none
        }
        switch (now, before) {
        case let (.proportion(x1, n1), .proportion(x0, n0)): return Significance.proportion(x1, of: n1, against: x0, of: n0)
        case let (.count(a), .count(b)): return Significance.count(a, against: b)
        case let (.mean(a), .mean(b)): return Significance.mean(summary(a), against: summary(b))
        case let (.sum(a), .sum(b)): return Significance.sum(summary(a), against: summary(b))
        case let (.nps(p1, d1, n1), .nps(p0, d0, n0)):
            return Significance.nps(promoters: p1, detractors: d1, answers: n1, against: p0, detractors: d0, answers: n0)
        default: return .notTestable
        }
    }

    static func isSignificant(_ now: Sample?, _ before: Sample?) -> Bool? {
        guard let now, let before else { return nil }
        return test(now, before).isSignificant
    }
}
