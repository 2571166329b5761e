import ReportModel

/// The Satisfaction section's values when answers are joined to journeys: NPS, CSAT (with its
/// top-two box) and CES with answers, the previous period, a small-sample mark and the 95%
/// interval; the scores by channel, device, touchpoint and journey variant before the answer;
/// and the paths detractors and promoters took. Nil in reports made before the join existed.
enum SatisfactionJoinView {
    static func make(_ join: SatisfactionJoin?, suppressed: Suppressed?, style: NumberStyle, labels: PageLabels) -> [String: Any]? {
        guard let join else { return nil }
        func score(_ v: Double?) -> String { v.map { style.decimal($0, places: 1) } ?? style.missing }
        let all = join.all
        func card(_ label: String, _ c: ScoreCell, definition: String, parts: String? = nil) -> [String: Any] {
            ["label": label, "value": score(c.value), "answers": style.integer(c.answers), "previous": score(c.previous),
             "previousAnswers": style.integer(c.previousAnswers), "small": c.smallSample && c.answers > 0,
             "interval": style.interval(c.interval, unit: .score), "hasTopTwo": c.topTwo != nil, "topTwo": score(c.topTwo),
             "parts": parts ?? "", "hasParts": parts != nil, "definition": definition]
        }
        let nps = all.nps
        let npsParts = "\(style.integer(nps.promoters ?? 0)) promoters · \(style.integer(nps.passives ?? 0)) passives · "
            + "\(style.integer(nps.detractors ?? 0)) detractors"
        let cards = [
            card("NPS", nps, definition: "% promoters (9–10) − % detractors (0–6), range −100..100; mean answer \(mean(nps.mean, style))",
                 parts: npsParts),
            card("CSAT", all.csat, definition: "“very satisfied” (5 of 5) answers / all answers × 100 (top box); top-two box: answers 4 or 5; mean answer \(mean(all.csat.mean, style))"),
            card("CES", all.ces, definition: "“very easy” (\(join.cesScale) of \(join.cesScale)) answers / all answers × 100; mean answer \(mean(all.ces.mean, style))"),
        ]
        func cell(_ c: ScoreCell) -> [String: Any] {
            // A group without answers shows n/a alone: no badge, no interval, nothing to compare.
            ["value": score(c.value), "answers": style.integer(c.answers), "previous": score(c.previous),
             "hasAnswers": c.answers > 0, "small": c.smallSample && c.answers > 0,
             "interval": style.interval(c.interval, unit: .score), "hasTopTwo": c.topTwo != nil, "topTwo": score(c.topTwo)]
        }
        func table(_ key: String, _ title: String, _ group: String, _ note: String, _ rows: [SatisfactionRow]) -> [String: Any] {
            let withheld = QuestionsView.withheld([key], suppressed, style: style, labels: labels)
            return ["id": "satisfaction-" + key.split(separator: ".").last!.lowercased(), "title": title, "group": group, "note": note,
                    "rows": rows.map { r -> [String: Any] in
                        ["label": Markup.clean(r.label), "people": style.integer(r.people), "scores": [cell(r.nps), cell(r.csat), cell(r.ces)]]
                    },
                    "hasRows": !rows.isEmpty, "withheld": withheld ?? "", "hasWithheld": withheld != nil]
        }
        func paths(_ rows: [AnswerPath]) -> [[String: Any]] {
            rows.map { ["steps": $0.steps.map(Markup.clean).joined(separator: " → "), "answers": style.integer($0.answers),
                        "share": style.percent($0.share)] }
        }
        let pathsWithheld = QuestionsView.withheld(["satisfaction.detractorPaths", "satisfaction.promoterPaths"], suppressed,
                                                   style: style, labels: labels)
        return [
            "cards": cards,
            "minAnswers": style.integer(join.minAnswers),
            "empty": suppressed.map { "No group about at least \(style.integer($0.k)) people." } ?? "No answers.",
            "people": style.integer(all.people),
            "tables": [
                table("satisfaction.byChannel", "By channel", "Channel of the visit before the answer",
                      "The channel of the visit in which the person did what came before the answer.", join.byChannel),
                table("satisfaction.byDevice", "By device", "Device",
                      "The device class of that visit.", join.byDevice),
                table("satisfaction.byTouchpoint", "By touchpoint just before the answer", "Touchpoint",
                      "The last page before the answer that was not the survey itself: in the same visit, else in the person's earlier visits within the lookback; “(nothing before)” when there was none.",
                      join.byTouchpoint),
                table("satisfaction.byVariant", "By journey variant before the answer", "Variant (touchpoints, repeats folded)",
                      "The touchpoints of that visit up to the page before the answer, repeats folded; the 10 variants with the most answers.",
                      join.byVariant),
            ],
            "detractorPaths": paths(join.detractorPaths), "hasDetractorPaths": !join.detractorPaths.isEmpty,
            "promoterPaths": paths(join.promoterPaths), "hasPromoterPaths": !join.promoterPaths.isEmpty,
            "pathsWithheld": pathsWithheld ?? "", "hasPathsWithheld": pathsWithheld != nil,
        ]
    }

    static func mean(_ m: Double?, _ style: NumberStyle) -> String { m.map { style.decimal($0, places: 2) } ?? style.missing }
}
