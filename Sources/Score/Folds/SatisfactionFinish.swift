import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// Scores of answer counts, per docs/definitions.md "Satisfaction scores".
extension AnswerCounts {
    func npsCell(minAnswers: Int) -> ScoreCell {
        func parts(_ b: Int) -> (n: Int, p: Int, d: Int) {
            let h = nps[b]
            return (h.reduce(0, +), h[9] + h[10], h[0...6].reduce(0, +))
        }
        func score(_ x: (n: Int, p: Int, d: Int)) -> Double? {
            x.n == 0 ? nil : rounded(Double(x.p - x.d) / Double(x.n) * 100, 10)
        }
        let now = parts(0), then = parts(1)
        var cell = ScoreCell(answers: now.n, value: score(now), previous: score(then), previousAnswers: then.n,
                             interval: Intervals.nps(promoters: now.p, detractors: now.d, answers: now.n),
                             smallSample: now.n < minAnswers)
        cell.promoters = now.p
        cell.passives = now.n - now.p - now.d
        cell.detractors = now.d
        cell.mean = Self.mean(nps[0], from: 0)
        return cell
    }

    /// A top-box score: the share of answers in the highest box x 100 (CSAT 5 of 5, CES the top
    /// of its scale), with the top-two-box share for CSAT.
    func topBoxCell(_ kind: SurveyAnswer.Kind, minAnswers: Int) -> ScoreCell {
        let h = kind == .csat ? csat : ces
        func share(_ b: Int, boxes: Int) -> (x: Int, n: Int, value: Double?) {
            let n = h[b].reduce(0, +), x = h[b].suffix(boxes).reduce(0, +)
            return (x, n, n == 0 ? nil : rounded(Double(x) / Double(n) * 100, 10))
        }
        let now = share(0, boxes: 1), then = share(1, boxes: 1)
        var cell = ScoreCell(answers: now.n, value: now.value, previous: then.value, previousAnswers: then.n,
                             interval: Intervals.wilson(now.x, now.n, scale: 100, places: 10), smallSample: now.n < minAnswers)
        if kind == .csat { cell.topTwo = share(0, boxes: 2).value }
        cell.mean = Self.mean(h[0], from: 1)
        return cell
    }

    /// The mean answer of a histogram whose first box is the answer `from`, at 2 decimals.
    static func mean(_ h: [Int], from: Int) -> Double? {
        let n = h.reduce(0, +)
        guard n > 0 else { return nil }
        let sum = h.enumerated().reduce(0) { $0 + ($1.offset + from) * $1.element }
        return rounded(Double(sum) / Double(n), 100)
    }

    func row(id: String, label: String, minAnswers: Int) -> SatisfactionRow {
        SatisfactionRow(id: id, label: label, people: people, nps: npsCell(minAnswers: minAnswers),
                        csat: topBoxCell(.csat, minAnswers: minAnswers), ces: topBoxCell(.ces, minAnswers: minAnswers))
    }

    var answersNow: Int { nps[0].reduce(0, +) + csat[0].reduce(0, +) + ces[0].reduce(0, +) }

    /// This period's three scores with the counts behind them, as report.json's `satisfaction`
    /// has always carried them (docs/definitions.md "Satisfaction scores").
    var scores: Satisfaction {
        let n = npsCell(minAnswers: 0), c = topBoxCell(.csat, minAnswers: 0), e = topBoxCell(.ces, minAnswers: 0)
        var result = Satisfaction(nps: .init(answers: n.answers, value: n.value, mean: n.mean),
                                  csat: .init(answers: c.answers, value: c.value, mean: c.mean),
                                  ces: .init(answers: e.answers, value: e.value, mean: e.mean))
        // The counts behind the scores, so that a comparison of two periods can test their change.
        result.nps.promoters = n.promoters
        result.nps.detractors = n.detractors
        result.csat.topBox = csat[0].last ?? 0
        result.ces.topBox = ces[0].last ?? 0
        return result
    }
}

extension SatisfactionFold {
    func finish(_ finishing: inout FinishContext) -> SatisfactionJoin {
        let context = finishing.fold
        let k = context.settings.minPeople, minAnswers = context.settings.minAnswers
        /// Groups about at least k people, most answers first; the rest counted as withheld.
        func rows<K>(_ table: [K: AnswerCounts], _ name: WithheldTable, limit: Int = .max,
                     id: (K) -> String, label: (K) -> String) -> [SatisfactionRow] {
            let groups = table.filter { $0.value.answersNow > 0 }
            finishing.withhold(groups.values.filter { $0.people < k }.count, in: name)
            return groups.filter { $0.value.people >= k }
                .map { $0.value.row(id: id($0.key), label: label($0.key), minAnswers: minAnswers) }
                .sorted { a, b in
                    let na = a.nps.answers + a.csat.answers + a.ces.answers, nb = b.nps.answers + b.csat.answers + b.ces.answers
                    return na != nb ? na > nb : a.id < b.id
                }
                .prefix(limit).map { $0 }
        }
        let names = context.catalog
        func tpName(_ t: Int) -> String { t < 0 ? "(nothing before)" : names[t].name }
        func pathNames(_ s: TouchpointSequence) -> [String] {
            s.steps.isEmpty ? ["(nothing before)"] : s.steps.map { $0 < 0 ? "…" : names[$0].name }
        }
        func paths(_ counts: KeyedCounts<TouchpointSequence>, total: Int, _ name: WithheldTable) -> [AnswerPath] {
            let (top, withheld) = counts.top(8, k: k)
            finishing.withhold(withheld, in: name)
            return top.map { AnswerPath(steps: pathNames($0.key), answers: $0.counts.n, people: $0.counts.people,
                                        share: ratio($0.counts.n, total) ?? 0) }
        }
        return SatisfactionJoin(
            cesScale: cesPoints, minAnswers: minAnswers,
            all: all.row(id: "all", label: "All answers", minAnswers: minAnswers),
            byChannel: rows(byChannel, .satisfactionByChannel, id: { $0 }, label: { Channel(rawValue: $0)?.label ?? $0 }),
            byDevice: rows(byDevice, .satisfactionByDevice, id: { $0 }, label: { $0 }),
            byTouchpoint: rows(byTouchpoint, .satisfactionByTouchpoint, id: { tpName($0) }, label: { tpName($0) }),
            byVariant: rows(byVariant, .satisfactionByVariant, limit: 10,
                            id: { pathNames($0).joined(separator: " > ") }, label: { pathNames($0).joined(separator: " → ") }),
            detractorPaths: paths(detractorPaths, total: detractors, .detractorPaths),
            promoterPaths: paths(promoterPaths, total: promoters, .promoterPaths))
    }
}
