import Compare
import JourneysCore
import ReportModel

/// Turns `ReportData` into the values the report template shows: formatted numbers, change
/// arrows and the charts. Strings from logs are cleaned here and escaped by mustache.
enum ReportView {
    static func make(_ data: ReportData, css: String) -> [String: Any] {
        let style = NumberStyle(locale: data.period.locale, currency: data.period.currency)
        let p = data.period
        var view: [String: Any] = [
            "css": css,
            "lang": p.locale,
            "period": p.name,
            "first": p.first,
            "last": p.last,
            "previous": p.previous,
            "partial": p.isPartial,
            "timeZone": p.timeZone,
            "linesRead": style.integer(data.input.read),
            "rules": data.sessionRules.summary,
            "identity": data.sessionRules.identity,
            "lookbackDays": data.sessionRules.lookbackDays,
            "halfLifeDays": style.decimal(data.sessionRules.timeDecayHalfLifeDays, places: data.sessionRules.timeDecayHalfLifeDays.rounded() == data.sessionRules.timeDecayHalfLifeDays ? 0 : 1),
        ]
        let cards = data.kpis.map { kpi(in: $0, style: style) }
        view["kpis"] = cards
        view["cohorts"] = data.cohorts.map { CohortView.make($0, style: style) } as Any
        view["hasCohorts"] = !(data.cohorts?.rows.isEmpty ?? true)
        if let life = data.lifecycle {
            let states = LifecycleInfo.State.allCases.map(\.rawValue)
            view["lifecycle"] = [
                "week": life.week,
                "states": states.map { ["state": $0, "customers": style.integer(life.counts[$0] ?? 0)] },
                "flows": life.flows.filter { $0.from != $0.to }.map {
                    ["from": $0.from ?? "not yet known", "to": $0.to, "customers": style.integer($0.customers)]
                },
            ] as [String: Any]
        }
        // What changed this week: the changes larger than noise, by their estimated effect on
        // orders and revenue (as the diff ranks them).
        let changed = DiffView.lines(Priority.whatChanged(data), style: style)
        view["changes"] = changed.map { ["text": Markup.clean($0.cells[0]), "trend": $0.trend] }
        view["hasChanges"] = !changed.isEmpty
        view["funnelSVG"] = FunnelChart.svg(data.funnel, style: style)
        view["funnel"] = data.funnel.map {
            ["label": $0.label, "visits": style.integer($0.visits), "ofFirst": style.percent($0.ofFirst),
             "dropOff": style.percent($0.dropOff)] as [String: Any]
        }
        view["journeyMapSVG"] = JourneyMapChart.svg(data.journeyMap, locale: p.locale, style: style)
        view["hasJourneyMap"] = !data.journeyMap.nodes.isEmpty
        view["maxLinks"] = JourneyMapChart.defaultMaxLinks
        let drawn = JourneyMapChart.kept(data.journeyMap, limit: JourneyMapChart.defaultMaxLinks)
        if drawn.leftOut > 0 {
            view["mapLeftOut"] = "\(style.integer(drawn.leftOut)) weaker links, \(style.integer(drawn.leftOutTransitions)) transitions, not drawn."
        }
        view["exitPages"] = data.journeyMap.nodes
            .filter { $0.views >= 20 }
            .sorted { $0.exitRate != $1.exitRate ? $0.exitRate > $1.exitRate : $0.touchpoint < $1.touchpoint }
            .prefix(8)
            .map { ["touchpoint": Markup.clean($0.touchpoint), "phase": (Phase(rawValue: $0.phase) ?? .consideration).label(locale: p.locale),
                    "views": style.integer($0.views), "exits": style.integer($0.exits), "exitRate": style.percent($0.exitRate)] as [String: Any] }
        view["channels"] = data.channels.map { c -> [String: Any] in
            [
                "label": c.label, "visits": style.integer(c.visits), "started": style.integer(c.journeysStarted),
                "closed": style.integer(c.journeysClosed), "orders": style.integer(c.orders), "revenue": style.money(c.revenue),
                "first": style.decimal(c.attribution.firstTouch, places: 1),
                "last": style.decimal(c.attribution.lastTouch, places: 1),
                "lastNonDirect": style.decimal(c.attribution.lastNonDirect, places: 1),
                "linear": style.decimal(c.attribution.linear, places: 1),
                "timeDecay": style.decimal(c.attribution.timeDecay, places: 1),
                "position": style.decimal(c.attribution.positionBased, places: 1),
                "markov": style.decimal(c.attribution.markov, places: 1),
            ]
        }
        func pathRows(_ rows: [PathRow]) -> [[String: Any]] {
            rows.map {
                ["steps": $0.steps.map(Markup.clean).joined(separator: " → "), "visits": style.integer($0.visits),
                 "purchases": style.integer($0.purchases), "rate": style.percent($0.conversionRate)]
            }
        }
        view["disagreements"] = data.disagreements.map {
            ["label": $0.label, "lowestModel": $0.lowestModel.lowercased(), "lowest": style.decimal($0.lowest, places: 1),
             "highestModel": $0.highestModel.lowercased(), "highest": style.decimal($0.highest, places: 1),
             "share": style.percent($0.shareOfOrders)] as [String: Any]
        }
        view["segments"] = data.segments.map {
            ["dimension": $0.dimension == "device" ? "Device" : "Visitor", "segment": $0.segment, "visits": style.integer($0.visits),
             "bounce": style.percent($0.bounceRate), "conversion": style.percent($0.conversionRate),
             "orders": style.integer($0.orders), "revenue": style.money($0.revenue)] as [String: Any]
        }
        view["journeyLengths"] = data.journeyLengths.map {
            ["visits": $0.visits, "journeys": style.integer($0.journeys), "multi": style.percent($0.multiChannel),
             "buyers": style.integer($0.buyers), "conversion": style.percent($0.conversion)] as [String: Any]
        }
        let overall = data.kpi("conversion_rate")?.value
        view["loops"] = data.loops.map {
            ["from": Markup.clean($0.from), "via": Markup.clean($0.via), "visits": style.integer($0.visits),
             "purchases": style.integer($0.purchases), "rate": style.percent($0.conversionRate),
             "vs": overall.map { style.percent($0) } ?? style.missing] as [String: Any]
        }
        view["hasLoops"] = !data.loops.isEmpty
        view["paths"] = pathRows(data.paths)
        view["buyingPaths"] = pathRows(data.buyingPaths)
        let s = data.satisfaction
        view["satisfaction"] = [
            ["label": "NPS", "value": s.nps.value.map { style.decimal($0, places: 0) } ?? style.missing, "answers": style.integer(s.nps.answers),
             "definition": "% promoters (9–10) − % detractors (0–6), range −100..100"],
            ["label": "CSAT", "value": s.csat.value.map { style.decimal($0, places: 1) } ?? style.missing, "answers": style.integer(s.csat.answers),
             "definition": "“very satisfied” (5 of 5) answers / all answers × 100"],
            ["label": "CES", "value": s.ces.value.map { style.decimal($0, places: 1) } ?? style.missing, "answers": style.integer(s.ces.answers),
             "definition": "“very easy” (7 of 7) answers / all answers × 100; mean \(s.ces.mean.map { style.decimal($0, places: 2) } ?? style.missing)"],
        ] as [[String: Any]]
        view["unmatched"] = data.touchpointRules.unmatchedPaths.map {
            ["path": Markup.clean($0.path), "views": style.integer($0.views)] as [String: Any]
        }
        view["hasUnmatched"] = !data.touchpointRules.unmatchedPaths.isEmpty
        view["unusedRules"] = data.touchpointRules.unusedRules.map(Markup.clean).joined(separator: ", ")
        view["hasUnusedRules"] = !data.touchpointRules.unusedRules.isEmpty
        view["input"] = inputView(data.input, style: style)
        let cv = data.customerValue
        func clvRow(_ label: String, _ extra: String, _ clv: CLV?) -> [String: Any] {
            ["label": label, "extra": extra, "buyers": style.integer(clv?.buyers ?? 0),
             "aov": clv.map { style.money($0.aov) } ?? style.missing,
             "perYear": clv.map { style.decimal($0.purchasesPerYear, places: 2) } ?? style.missing,
             "clv": clv.map { style.money($0.value) } ?? style.missing]
        }
        view["customerValue"] = [
            "windowDays": cv.windowDays,
            "lifespan": style.decimal(cv.lifespanYears, places: 1),
            "channels": cv.channels.map { clvRow($0.label, style.integer($0.customers), $0.clv) },
            "tiers": cv.tiers.map { clvRow($0.tier, "from " + style.money($0.minRevenue), $0.clv) },
            "all": clvRow("All buyers", "", cv.all),
        ] as [String: Any]
        view["clvModel"] = CLVModelView.make(data.clvModel, style: style)
        let labels = PageLabels(locale: p.locale)
        // Assigned as optionals, so that nil leaves the key out and the sections with it.
        view["questions"] = QuestionsView.make(data.questions, style: style, labels: labels)
        view["satisfactionJoined"] = SatisfactionJoinView.make(data.satisfaction.joined, suppressed: data.questions?.suppressed,
                                                               style: style, labels: labels)
        view["hasSatisfactionJoined"] = data.satisfaction.joined != nil
        return view
    }

    static func kpi(in k: KPI, style: NumberStyle) -> [String: Any] {
        func show(_ v: Double?) -> String { style.value(v, unit: k.unit) }
        var change = ""
        var direction = 0  // -1 down, 0 flat, 1 up
        if let v = k.value, let before = k.previous {
            if k.unit == .ratio {
                let points = (v - before) * 100
                change = (points >= 0 ? "+" : "−") + style.decimal(abs(points), places: 1) + " pp"
                direction = abs(points) < 0.05 ? 0 : points > 0 ? 1 : -1
            } else if k.unit == .score {
                // NPS, CSAT and CES move in points: a share of a score that can be 0 or negative says nothing.
                let points = v - before
                change = (points >= 0 ? "+" : "−") + style.decimal(abs(points), places: 1) + " points"
                direction = abs(points) < 0.05 ? 0 : points > 0 ? 1 : -1
            } else if before != 0 {
                let rel = (v - before) / abs(before)
                change = (rel >= 0 ? "+" : "−") + style.percent(abs(rel))
                direction = abs(rel) < 0.0005 ? 0 : rel > 0 ? 1 : -1
            }
        }
        // Colour says good or bad news, and only for changes shown to be larger than noise;
        // figures without a test (revenue, averages) stay grey.
        var trend = "flat"
        if direction != 0 && k.significant == true {
            switch k.better {
            case .higher: trend = direction > 0 ? "good" : "bad"
            case .lower: trend = direction < 0 ? "good" : "bad"
            case .neutral: trend = "flat"
            }
        }
        let noise = k.significant.map { $0 ? "significant" : "within noise" } ?? ""
        var card: [String: Any] = ["key": k.key, "label": k.label, "value": show(k.value), "previous": show(k.previous),
                                   "change": change, "trend": trend, "noise": noise, "hasNoise": !noise.isEmpty, "hasChange": !change.isEmpty,
                                   "definition": k.definition, "interval": style.interval(k.interval, unit: k.unit),
                                   "hasInterval": k.interval?.count == 2]
        if let spark = Sparkline.svg(k.trend, label: k.label, show: show) { card["spark"] = spark }
        if let year = k.yearAgo {
            let news = k.yearAgoSignificant.map { $0 ? " · significant" : " · within noise" } ?? ""
            card["yearAgo"] = "a year earlier: \(show(year))\(news)"
        }
        return card
    }

    static func inputView(_ input: InputInfo, style: NumberStyle) -> [String: Any] {
        [
            "read": style.integer(input.read), "parsed": style.integer(input.parsed),
            "filtered": style.integer(input.filtered), "rejected": style.integer(input.rejected),
            "late": style.integer(input.lateEvents), "cut": style.integer(input.cutVisits),
            "after": style.integer(input.afterPeriod),
            "files": input.files.map {
                ["name": Markup.clean($0.name), "read": style.integer($0.read), "parsed": style.integer($0.parsed),
                 "filtered": style.integer($0.filtered), "rejected": style.integer($0.rejected),
                 "damage": $0.damage ?? ""] as [String: Any]
            },
            "resorted": (input.resorted ?? []).map {
                ["file": Markup.clean($0.file), "events": style.integer($0.events), "moved": style.integer($0.moved)] as [String: Any]
            },
            "hasResorted": input.resorted != nil,
            "reasons": input.reasons.map {
                ["reason": $0.reason, "explanation": $0.explanation, "count": style.integer($0.count),
                 "kind": $0.isRejected ? "rejected" : "filtered"] as [String: Any]
            },
            "samples": input.samples.map {
                ["reason": $0.reason, "file": Markup.clean($0.file), "line": $0.line, "text": Markup.clean($0.text)] as [String: Any]
            },
            "hasSamples": !input.samples.isEmpty,
        ]
    }
}
