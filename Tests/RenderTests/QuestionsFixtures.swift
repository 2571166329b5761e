import ReportModel
@testable import Sections

/// The CX sections' data for render tests: `RenderFixtures.hostile` wherever a logged value can
/// reach them (campaigns, search terms, entry pages, products, variant steps, touchpoints of
/// paths), figures left missing where the model allows it, and rows withheld.
extension RenderFixtures {
    static func withQuestions(locale: String = "en") -> ReportData {
        var data = data(locale: locale)
        data.questions = questions
        data.parts.insert(dropOffs)
        data.parts.insert(segmentFunnels)
        data.parts.insert(weekdayHour)
        data.satisfaction.joined = joined
        return data
    }

    static func cell(_ answers: Int, _ value: Double?, previous: Double? = nil, interval: Interval? = nil, small: Bool = false) -> ScoreCell {
        ScoreCell(answers: answers, value: value, previous: previous, previousAnswers: previous == nil ? 0 : 40, interval: interval,
                  smallSample: small)
    }

    static var joined: SatisfactionJoin {
        var nps = cell(54, 25.9, previous: 5.3, interval: [-5.4, 45.9])
        nps.promoters = 24; nps.passives = 20; nps.detractors = 10; nps.mean = 7.59
        var csat = cell(45, 42.2, previous: 57.1, interval: [29, 56.7])
        csat.topTwo = 71.1; csat.mean = 3.84
        let ces = cell(6, 16.7, previous: 80, interval: [3, 56.4], small: true)
        let all = SatisfactionRow(id: "all", label: "All answers", people: 94, nps: nps, csat: csat, ces: ces)
        let empty = cell(0, nil, small: true)
        let direct = SatisfactionRow(id: "direct", label: "Direct", people: 41, nps: cell(21, 23.8, previous: -7.1, interval: [-5.4, 53], small: true),
                                     csat: csat, ces: empty)
        let page = SatisfactionRow(id: hostile, label: hostile, people: 7, nps: empty, csat: empty, ces: empty)
        return SatisfactionJoin(cesScale: 7, minAnswers: 30, all: all, byChannel: [direct], byDevice: [], byTouchpoint: [page],
                                byVariant: [SatisfactionRow(id: "v", label: "Home → " + hostile, people: 6, nps: empty, csat: empty, ces: empty)],
                                detractorPaths: [AnswerPath(steps: ["Cart", hostile], answers: 6, people: 6, share: 0.6)],
                                promoterPaths: [])
    }

    static var questions: JourneyQuestions {
        let support = SupportInfo(contacts: 22, timed: 0, unended: 22, ahtSeconds: nil, medianSeconds: nil, contactsPerOrder: nil,
                                  byKind: [.init(id: "Chat", label: "Chat", contacts: 19, timed: 18, people: 19, ahtSeconds: 525.2)],
                                  byChannel: [], byPhase: [.init(id: "retention", label: "Retention", contacts: 16, timed: 15, people: 16, ahtSeconds: 498.7)])
        let carts = CartRecoveryInfo(recoveryDays: 7, cohortFirst: "2026-11-09", cohortLast: "2026-11-15", carts: 604, abandoned: 450,
                                     recovered: 41, people: 551, peopleAbandoned: 381,
                                     byChannel: [.init(id: "email", label: "E-mail / newsletter", carts: 20, people: 18, share: 0.4878)],
                                     byTouchpoint: [.init(id: hostile, label: hostile, carts: 31, people: 27, share: 0.7561)])
        let variants = [Variant(id: "x", steps: ["Home", hostile], visits: 50, people: 48, share: 0.1, purchases: 2, conversionRate: 0.04,
                                interval: [0.011, 0.1346]),
                        Variant(id: "y", steps: ["Cart"], visits: 5, people: 5, share: 0.01, purchases: 0, conversionRate: 0, interval: nil)]
        let friction = Friction(steps: [.init(step: "add_to_cart", label: "Add to cart", lost: 3132, lossRate: 0.8197)],
                                exits: [.init(touchpoint: hostile, phase: "consideration", visits: 72, exits: 30, people: 72, exitRate: 0.4167,
                                              interval: [0.3099, 0.5319])])
        func row(_ value: String) -> ValueRow {
            ValueRow(value: value, visits: 552, people: 550, views: 560, bounces: 12, carts: 3, purchases: 22, orders: 22, revenue: 2456.4, conversionRate: 0.0399)
        }
        return JourneyQuestions(support: support, cartRecovery: carts, variants: variants, friction: friction,
                                entryPages: [row("/p/" + hostile)], campaigns: [row("camp-" + hostile)], searchTerms: [row("term " + hostile)],
                                products: [row("/p/" + hostile)],
                                suppressed: Suppressed(k: 5, rows: 6, byTable: ["campaigns": 3, "searchTerms": 0, "dropOffs": 1,
                                                                                 "satisfaction.byChannel": 2]))
    }

    /// The drop-offs the fixture's page shows (`Sources/Sections/DropOffs`).
    static var dropOffs: DropOffs {
        DropOffs(rows: [DropOff(step: "product_view", label: "Product view", left: 100, people: 90,
                             next: [.init(kind: "none", touchpoint: "", visits: 60, people: 60, share: 0.6),
                                    .init(kind: "visit", touchpoint: hostile, visits: 20, people: 19, share: 0.2),
                                    .init(kind: "next_visit", touchpoint: "Home", visits: 10, people: 10, share: 0.1)])])
    }

    /// The funnels per segment the fixture's page shows (`Sources/Sections/SegmentFunnels`): a
    /// device class without visits, whose shares and interval are missing.
    static var segmentFunnels: SegmentFunnels {
        SegmentFunnels(byChannel: [SegmentFunnel(id: "direct", label: "Direct", visits: 1619, people: 1454, steps: [892, 197, 116, 55],
                                                 conversionRate: 0.034, interval: [0.0262, 0.044])],
                       byDevice: [SegmentFunnel(id: "tv", label: "tv", visits: 0, people: 0, steps: [0, 0, 0, 0], conversionRate: 0, interval: nil)])
    }

    /// The weekday x hour grid the fixture's page shows (`Sources/Sections/WeekdayHour`): Monday
    /// 14:00 with orders, Sunday 20:00 the busiest hour.
    static var weekdayHour: WeekdayHour {
        var visits = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        var orders = visits
        visits[0][14] = 43; orders[0][14] = 2; visits[6][20] = 80
        return WeekdayHour(visits: visits, orders: orders)
    }
}
