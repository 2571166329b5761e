import ReportModel
import Sections

/// The Satisfaction section's values when answers are joined to journeys: NPS, CSAT (with its
/// top-two box) and CES with answers, the previous period, a small-sample mark and the 95%
/// interval; the scores by channel, device, touchpoint and journey variant before the answer;
/// and the paths detractors and promoters took. Nil in reports made before the join existed.
enum SatisfactionJoinView {
    static func make(_ join: SatisfactionJoin?, suppressed: Suppressed?, labels: PageLabels) -> [String: Any]? {
        guard let join else { return nil }
        let style = labels.style
        func score(_ v: Double?) -> String { v.map { style.decimal($0, places: 1) } ?? style.missing }
        func mean(_ m: Double?) -> String { m.map { style.decimal($0, places: 2) } ?? style.missing }
        let all = join.all
        func card(_ label: String, _ c: ScoreCell, definition: String, parts: String? = nil) -> [String: Any] {
            ["label": label, "value": score(c.value), "small": c.smallSample && c.answers > 0,
             "answers": style.integer(c.answers), "previous": score(c.previous), "previousAnswers": style.integer(c.previousAnswers),
             "interval": style.interval(c.interval, unit: .score), "topTwo": score(c.topTwo),
             "answersLine": labels.text("satisfaction.cardAnswers", [
                 "answers": labels.plural("satisfaction.answers", count: c.answers), "previous": score(c.previous),
                 "previousAnswers": labels.plural("satisfaction.answers", count: c.previousAnswers)]),
             "intervalLine": labels.text("kpis.interval", ["interval": style.interval(c.interval, unit: .score)]),
             "hasTopTwo": c.topTwo != nil, "topTwoLine": labels.text("satisfaction.topTwo", ["value": score(c.topTwo)]),
             "parts": parts ?? "", "hasParts": parts != nil, "definition": definition]
        }
        let nps = all.nps
        let npsParts = labels.text("satisfaction.npsParts", ["promoters": style.integer(nps.promoters ?? 0),
                                                               "passives": style.integer(nps.passives ?? 0),
                                                               "detractors": style.integer(nps.detractors ?? 0)])
        let scale = style.integer(join.cesScale)
        let cards = [
            card("NPS", nps, definition: labels.text("satisfaction.definition.nps", ["mean": mean(nps.mean)]), parts: npsParts),
            card("CSAT", all.csat, definition: labels.text("satisfaction.definition.csat", ["mean": mean(all.csat.mean)])),
            card("CES", all.ces, definition: labels.text("satisfaction.definition.ces", ["scale": scale, "mean": mean(all.ces.mean)])),
        ]
        func cell(_ c: ScoreCell) -> [String: Any] {
            // A group without answers shows n/a alone: no badge, no interval, nothing to compare.
            ["value": score(c.value), "hasAnswers": c.answers > 0, "small": c.smallSample && c.answers > 0,
             "answers": style.integer(c.answers), "previous": score(c.previous), "interval": style.interval(c.interval, unit: .score),
             "topTwo": score(c.topTwo),
             "answersLine": labels.text("satisfaction.cellAnswers", ["answers": labels.plural("satisfaction.answers", count: c.answers),
                                                                     "previous": score(c.previous)]),
             "intervalLine": labels.text("satisfaction.cellInterval", ["interval": style.interval(c.interval, unit: .score)]),
             "hasTopTwo": c.topTwo != nil, "topTwoLine": labels.text("satisfaction.topTwo", ["value": score(c.topTwo)])]
        }
        func table(_ key: String, _ name: String, label: (SatisfactionRow) -> String, _ rows: [SatisfactionRow]) -> [String: Any] {
            let withheld = labels.withheldNote([key], in: suppressed)
            return ["id": "satisfaction-" + key.split(separator: ".").last!.lowercased(),
                    "title": labels.text("satisfaction.\(name).title"), "group": labels.text("satisfaction.\(name).group"),
                    "note": labels.text("satisfaction.\(name).note"),
                    "rows": rows.map { r -> [String: Any] in
                        ["label": label(r), "people": style.integer(r.people), "scores": [cell(r.nps), cell(r.csat), cell(r.ces)]]
                    },
                    "hasRows": !rows.isEmpty, "withheld": withheld ?? "", "hasWithheld": withheld != nil]
        }
        func paths(_ rows: [AnswerPath]) -> [[String: Any]] {
            rows.map { ["steps": labels.path($0.steps), "answers": style.integer($0.answers), "share": style.percent($0.share)] }
        }
        let pathsWithheld = labels.withheldNote(["satisfaction.detractorPaths", "satisfaction.promoterPaths"], in: suppressed)
        return [
            "cards": cards,
            "minAnswers": style.integer(join.minAnswers), "people": style.integer(all.people),
            "empty": suppressed.map { labels.text("satisfaction.noGroup", ["k": style.integer($0.k)]) } ?? labels.text("satisfaction.noAnswers"),
            "tables": [
                table("satisfaction.byChannel", "byChannel", label: { labels.channel($0.id, fallback: $0.label) }, join.byChannel),
                table("satisfaction.byDevice", "byDevice", label: { labels.device($0.id) }, join.byDevice),
                table("satisfaction.byTouchpoint", "byTouchpoint", label: { labels.touchpoint($0.label) }, join.byTouchpoint),
                table("satisfaction.byVariant", "byVariant", label: { labels.path($0.label.components(separatedBy: " → ")) }, join.byVariant),
            ],
            "detractorPaths": paths(join.detractorPaths), "hasDetractorPaths": !join.detractorPaths.isEmpty,
            "promoterPaths": paths(join.promoterPaths), "hasPromoterPaths": !join.promoterPaths.isEmpty,
            "pathsWithheld": pathsWithheld ?? "", "hasPathsWithheld": pathsWithheld != nil,
        ]
    }
}
