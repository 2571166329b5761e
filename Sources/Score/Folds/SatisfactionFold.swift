import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// Answers of one group, this period (0) and the previous one (1), as counts per answer value,
/// so that every score, its parts and its mean come out exact after any merge.
struct AnswerCounts: Equatable, Codable {
    var nps = [[Int]](repeating: Array(repeating: 0, count: 11), count: 2)
    var csat = [[Int]](repeating: Array(repeating: 0, count: 5), count: 2)
    var ces: [[Int]]
    /// Distinct people who answered in this period.
    var people = 0

    init(cesPoints: Int) { ces = Array(repeating: Array(repeating: 0, count: cesPoints), count: 2) }

    mutating func add(_ a: SurveyAnswer, bucket b: Int) {
        switch a.kind {
        case .nps: nps[b][a.score] += 1
        case .csat: csat[b][a.score - 1] += 1
        case .ces: ces[b][a.score - 1] += 1
        }
    }

    mutating func merge(_ o: AnswerCounts) {
        for b in 0..<2 {
            for i in nps[b].indices { nps[b][i] += o.nps[b][i] }
            for i in csat[b].indices { csat[b][i] += o.csat[b][i] }
            for i in ces[b].indices { ces[b][i] += o.ces[b][i] }
        }
        people += o.people
    }
}

/// Satisfaction joined to journeys: every answer of the period (and of the previous one, for
/// the comparison) grouped by what the person went through just before answering
/// (docs/definitions.md "Satisfaction joined to journeys").
struct SatisfactionFold: SectionFold {
    /// What an answer is about: the visit and page view just before it, other than the survey.
    struct Experience: Codable {
        var visit: Int
        var page: Int
    }

    var all: AnswerCounts
    var byChannel: [String: AnswerCounts] = [:]
    var byDevice: [String: AnswerCounts] = [:]
    var byTouchpoint: [Int: AnswerCounts] = [:]
    var byVariant: [TouchpointSequence: AnswerCounts] = [:]
    var detractorPaths = KeyedCounts<TouchpointSequence>()
    var promoterPaths = KeyedCounts<TouchpointSequence>()
    var detractors = 0
    var promoters = 0
    let cesPoints: Int

    init(cesPoints: Int) {
        self.cesPoints = cesPoints
        all = AnswerCounts(cesPoints: cesPoints)
    }

    /// The page view before the answer on page `page` of visit `v`: in the same visit, else in
    /// the person's earlier visits within the lookback; pages of the survey's own touchpoint
    /// are skipped. nil when the person did nothing before (the answer is all there is).
    static func experience(_ person: PersonVisits, visit v: Int, page: Int, lookback: Int64) -> Experience? {
        let survey = person.mapped[v].touchpoints[page]
        let since = person.visits[v].time(ofPage: page) - lookback
        var visit = v, last = page - 1
        while visit >= 0 {
            if visit < v && person.visits[visit].end < since { return nil }
            let tps = person.mapped[visit].touchpoints
            var p = min(last, tps.count - 1)
            while p >= 0 {
                if tps[p] != survey { return Experience(visit: visit, page: p) }
                p -= 1
            }
            visit -= 1
            last = Int.max
        }
        return nil
    }

    /// The path of an experience: the touchpoints of its visit up to it, repeats folded, long
    /// paths cut to their first two and last three steps (as the report's top paths).
    static func path(_ person: PersonVisits, _ e: Experience) -> TouchpointSequence {
        PathsFold.path(person.mapped[e.visit].touchpoints[0...e.page])
    }

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        detractorPaths.nextPerson()
        promoterPaths.nextPerson()
        // Most people answer no survey: skip the empty tables' arrays for them.
        guard person.visits.contains(where: { !$0.surveys.isEmpty }) else { return }
        var seen = Set<String>()
        let empty = AnswerCounts(cesPoints: cesPoints)
        for (v, visit) in person.visits.enumerated() where !visit.surveys.isEmpty {
            guard let b = context.bucket(visit.start) else { continue }
            for answer in visit.surveys where answer.score >= answer.kind.scale(cesPoints: cesPoints).lowerBound
                && answer.score <= answer.kind.scale(cesPoints: cesPoints).upperBound {
                let e = Self.experience(person, visit: v, page: Int(answer.page), lookback: context.lookback)
                let holder = e?.visit ?? v
                let channel = person.mapped[holder].channel.rawValue
                let device = person.visits[holder].deviceClass.rawValue
                let touchpoint = e.map { person.mapped[$0.visit].touchpoints[$0.page] } ?? -1
                let variant = e.map { Self.path(person, $0) } ?? TouchpointSequence([])
                func count<K: Hashable>(_ table: inout [K: AnswerCounts], _ key: K, _ tag: String) {
                    table[key, default: empty].add(answer, bucket: b)
                    if b == 0 && seen.insert(tag).inserted { table[key]!.people += 1 }
                }
                all.add(answer, bucket: b)
                if b == 0 && seen.insert("all").inserted { all.people += 1 }
                count(&byChannel, channel, "c:" + channel)
                count(&byDevice, device, "d:" + device)
                count(&byTouchpoint, touchpoint, "t:\(touchpoint)")
                count(&byVariant, variant, "v:\(variant.steps)")
                if b == 0 && answer.kind == .nps {
                    if answer.score <= 6 { detractors += 1; detractorPaths.add(variant) }
                    if answer.score >= 9 { promoters += 1; promoterPaths.add(variant) }
                }
            }
        }
    }

    mutating func merge(_ o: SatisfactionFold) {
        all.merge(o.all)
        for (k, c) in o.byChannel { byChannel[k, default: AnswerCounts(cesPoints: cesPoints)].merge(c) }
        for (k, c) in o.byDevice { byDevice[k, default: AnswerCounts(cesPoints: cesPoints)].merge(c) }
        for (k, c) in o.byTouchpoint { byTouchpoint[k, default: AnswerCounts(cesPoints: cesPoints)].merge(c) }
        for (k, c) in o.byVariant { byVariant[k, default: AnswerCounts(cesPoints: cesPoints)].merge(c) }
        detractorPaths.merge(o.detractorPaths)
        promoterPaths.merge(o.promoterPaths)
        detractors += o.detractors
        promoters += o.promoters
    }
}

extension SatisfactionFold {
    init(zero context: FoldContext) { self.init(cesPoints: context.settings.cesPoints) }
}
