import JourneysCore
import ReportModel

/// NPS, CSAT and CES from survey answers, with the standard formulas of docs/definitions.md "Satisfaction scores".
enum SatisfactionScores {
    static func scores(_ answers: [SurveyAnswer], cesPoints: Int) -> Satisfaction {
        func of(_ kind: SurveyAnswer.Kind) -> [Int] { answers.filter { $0.kind == kind }.map(\.score) }
        func mean(_ xs: [Int]) -> Double? { xs.isEmpty ? nil : rounded(Double(xs.reduce(0, +)) / Double(xs.count), 100) }
        let nps = of(.nps), csat = of(.csat), ces = of(.ces)
        let promoters = nps.filter { $0 >= 9 }.count, detractors = nps.filter { $0 <= 6 }.count
        let satisfied = csat.filter { $0 == 5 }.count, easy = ces.filter { $0 == cesPoints }.count
        var result = Satisfaction(
            nps: .init(answers: nps.count,
                       value: nps.isEmpty ? nil : rounded(Double(promoters - detractors) / Double(nps.count) * 100, 10),
                       mean: mean(nps)),
            csat: .init(answers: csat.count,
                        value: csat.isEmpty ? nil : rounded(Double(satisfied) / Double(csat.count) * 100, 10),
                        mean: mean(csat)),
            ces: .init(answers: ces.count,
                       value: ces.isEmpty ? nil : rounded(Double(easy) / Double(ces.count) * 100, 10),
                       mean: mean(ces)))
        // The counts behind the scores, so that a comparison of two periods can test their change.
        result.nps.promoters = promoters
        result.nps.detractors = detractors
        result.csat.topBox = satisfied
        result.ces.topBox = easy
        return result
    }
}
