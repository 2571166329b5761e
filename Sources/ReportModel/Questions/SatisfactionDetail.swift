/// One satisfaction score of a group of answers, with what is needed to judge it: how many
/// answers, the period before, and whether the sample is too small to read much into.
package struct ScoreCell: Codable, Equatable, Sendable {
    package var answers: Int
    @ExplicitNull package var value: Double?
    /// The same group's score in the previous period, and its answers.
    @ExplicitNull package var previous: Double?
    package var previousAnswers: Int
    /// 95% interval of `value` (Wilson for top-box shares; normal for NPS).
    @ExplicitNull package var interval: Interval?
    /// Fewer answers than `surveys.min_answers`.
    package var smallSample: Bool
    /// NPS: answers 9-10, 7-8 and 0-6.
    @ExplicitNull package var promoters: Int?
    @ExplicitNull package var passives: Int?
    @ExplicitNull package var detractors: Int?
    /// CSAT: the share of answers 4-5 x 100 (top-two box), beside the top box.
    @ExplicitNull package var topTwo: Double?
    /// The mean answer.
    @ExplicitNull package var mean: Double?

    package init(answers: Int, value: Double?, previous: Double?, previousAnswers: Int, interval: Interval?, smallSample: Bool) {
        self.answers = answers; self.value = value; self.previous = previous; self.previousAnswers = previousAnswers
        self.interval = interval; self.smallSample = smallSample
    }
}

/// NPS, CSAT and CES of one group of answers (a channel, a device, a touchpoint, a path).
package struct SatisfactionRow: Codable, Equatable, Sendable {
    package var id: String
    package var label: String
    /// Distinct people who answered.
    package var people: Int
    package var nps: ScoreCell
    package var csat: ScoreCell
    package var ces: ScoreCell
    package init(id: String, label: String, people: Int, nps: ScoreCell, csat: ScoreCell, ces: ScoreCell) {
        self.id = id; self.label = label; self.people = people; self.nps = nps; self.csat = csat; self.ces = ces
    }
}

/// The paths people took before an NPS answer, for detractors and for promoters.
package struct AnswerPath: Codable, Equatable, Sendable {
    package var steps: [String]
    package var answers: Int
    package var people: Int
    /// Share of the group's answers (detractors' or promoters').
    package var share: Double
    package init(steps: [String], answers: Int, people: Int, share: Double) {
        self.steps = steps; self.answers = answers; self.people = people; self.share = share
    }
}

/// Satisfaction joined to journeys: each answer grouped by what the person went through just
/// before answering (docs/definitions.md "Satisfaction joined to journeys").
package struct SatisfactionJoin: Codable, Equatable, Sendable {
    /// Points of the CES scale and the small-sample threshold, as configured.
    package var cesScale: Int
    package var minAnswers: Int
    /// All answers of the period.
    package var all: SatisfactionRow
    package var byChannel: [SatisfactionRow]
    package var byDevice: [SatisfactionRow]
    package var byTouchpoint: [SatisfactionRow]
    package var byVariant: [SatisfactionRow]
    package var detractorPaths: [AnswerPath]
    package var promoterPaths: [AnswerPath]
    package init(cesScale: Int, minAnswers: Int, all: SatisfactionRow, byChannel: [SatisfactionRow], byDevice: [SatisfactionRow],
                 byTouchpoint: [SatisfactionRow], byVariant: [SatisfactionRow], detractorPaths: [AnswerPath], promoterPaths: [AnswerPath]) {
        self.cesScale = cesScale; self.minAnswers = minAnswers; self.all = all; self.byChannel = byChannel; self.byDevice = byDevice
        self.byTouchpoint = byTouchpoint; self.byVariant = byVariant; self.detractorPaths = detractorPaths; self.promoterPaths = promoterPaths
    }
}
