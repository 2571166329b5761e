import Compare
import JourneysCore
import ReportModel
import Sections

/// Turns `ReportData` into the values the report's section partials show: formatted numbers,
/// change arrows, the charts and the sentences that carry figures, in the words of the page's
/// catalogue; sections with a view of their own (`HeadlineView`, `ChangesView`, `FunnelView`,
/// `JourneyMapView`, `ChannelsView`, ...) add theirs, and `PageSections` the page's order. Strings
/// from logs are cleaned here and escaped by mustache.
enum ReportView {
    /// `changes`: the period's "What changed", as the compare stage made it (the report's own
    /// when nil). `mapChanges`: the journey map's boxes and links that changed beyond noise
    /// against the previous period, when there is one to compare with.
    static func make(_ data: ReportData, css: String, catalogue: Catalogue, links: PageLinks = PageLinks(),
                     mapLinks: Int = JourneyMapChart.defaultMaxLinks, changes: ChangeList? = nil,
                     headline: [String] = ReportRenderer.defaultHeadline, base: ReportData? = nil, mapChanges: MapChanges? = nil,
                     sections: [PageSection] = SectionList.all) -> [String: Any] {
        var style = NumberStyle(catalogue: catalogue, currency: data.period.currency)
        style.unknownMoney = RulesWarningView.unknownMoney(data, catalogue: catalogue)
        let labels = PageLabels(catalogue: catalogue, style: style)
        let p = data.period
        var view: [String: Any] = [
            "css": css,
            "lang": labels.locale,
            "period": p.name,
            "periodLabel": labels.period(p.name),
            "partial": p.isPartial,
            "hasDiff": links.hasDiff,
            // The figures the template's sentences name, for templates that write their own sentences.
            "first": labels.date(p.first), "last": labels.date(p.last), "previous": labels.period(p.previous), "timeZone": p.timeZone,
            "linesRead": style.integer(data.input.read), "lookbackDays": data.sessionRules.lookbackDays,
            "maxLinks": mapLinks,
        ]
        if let previous = links.previous {
            view["previousLink"] = ["href": "../\(previous)/index.html", "text": labels.text("nav.previous", ["period": labels.period(previous)])]
        }
        if let next = links.next {
            view["nextLink"] = ["href": "../\(next)/index.html", "text": labels.text("nav.next", ["period": labels.period(next)])]
        }
        if let warning = RulesWarningView.line(data, labels: labels) { view["rulesWarning"] = warning }
        let cards = data.kpis.map { kpi(in: $0, labels: labels, data: data) }
        view["kpis"] = cards
        view["cohorts"] = data.cohorts.map { CohortView.make($0, labels: labels) } as Any
        view["hasCohorts"] = !(data.cohorts?.rows.isEmpty ?? true)
        view["lifecycle"] = data.lifecycle.map { LifecycleView.make($0, labels: labels) }
        let changeList = changes ?? ChangeList.of(data)
        view.merge(ChangesView.make(changeList, labels: labels)) { $1 }
        view["headline"] = HeadlineView.make(data, keys: headline, labels: labels, changes: changeList)
        view.merge(FunnelView.make(data.funnel, before: base?.funnel, labels: labels)) { $1 }
        view.merge(ChannelsView.make(data, labels: labels)) { $1 }
        func pathRows(_ rows: [PathRow]) -> [[String: Any]] {
            rows.map {
                ["steps": labels.path($0.steps), "visits": style.integer($0.visits),
                 "purchases": style.integer($0.purchases), "rate": style.percent($0.conversionRate)]
            }
        }
        view["segments"] = data.segments.map {
            ["dimension": labels.text("segments.dimension.\($0.dimension == "device" ? "device" : "visitor")"),
             "segment": $0.dimension == "device" ? labels.device($0.segment)
                 : labels.catalogue.optional("visitor.\($0.segment)") ?? Markup.clean($0.segment),
             "visits": style.integer($0.visits), "bounce": style.percent($0.bounceRate), "conversion": style.percent($0.conversionRate),
             "orders": style.integer($0.orders), "revenue": style.money($0.revenue)] as [String: Any]
        }
        view["journeyLengths"] = data.journeyLengths.map {
            ["visits": $0.visits, "journeys": style.integer($0.journeys), "multi": style.percent($0.multiChannel),
             "buyers": style.integer($0.buyers), "conversion": style.percent($0.conversion)] as [String: Any]
        }
        view.merge(JourneyMapView.make(data, labels: labels, mapLinks: mapLinks, changes: mapChanges)) { $1 }
        view["paths"] = pathRows(data.paths)
        view["buyingPaths"] = pathRows(data.buyingPaths)
        let s = data.satisfaction
        func answers(_ n: Int) -> String { labels.plural("satisfaction.answers", count: n) }
        view["satisfaction"] = [
            ["label": "NPS", "value": s.nps.value.map { style.decimal($0, places: 0) } ?? style.missing, "answersLine": answers(s.nps.answers),
             "definition": labels.text("satisfaction.simple.nps")],
            ["label": "CSAT", "value": s.csat.value.map { style.decimal($0, places: 1) } ?? style.missing, "answersLine": answers(s.csat.answers),
             "definition": labels.text("satisfaction.simple.csat")],
            ["label": "CES", "value": s.ces.value.map { style.decimal($0, places: 1) } ?? style.missing, "answersLine": answers(s.ces.answers),
             "definition": labels.text("satisfaction.simple.ces", ["mean": s.ces.mean.map { style.decimal($0, places: 2) } ?? style.missing])],
        ] as [[String: Any]]
        view["unmatched"] = data.touchpointRules.unmatchedPaths.map {
            ["path": Markup.clean($0.path), "views": style.integer($0.views)] as [String: Any]
        }
        view["hasUnmatched"] = !data.touchpointRules.unmatchedPaths.isEmpty
        view["unusedRules"] = data.touchpointRules.unusedRules.map(Markup.clean).joined(separator: ", ")
        view["hasUnusedRules"] = !data.touchpointRules.unusedRules.isEmpty
        view["input"] = inputView(data.input, labels: labels)
        view["customerValue"] = CustomerValueView.make(data.customerValue, labels: labels)
        view["clvModel"] = CLVModelView.make(data.clvModel, labels: labels)
        // Assigned as optionals, so that nil leaves the key out and the sections with it.
        view["questions"] = QuestionsView.make(data.questions, labels: labels)
        // The sections in folders of their own draw themselves.
        let sectionPage = SectionPage(labels: labels, suppressed: data.questions?.suppressed)
        for entry in sections {
            if let values = entry.section?.view(of: data.parts, sectionPage) { view.merge(values) { $1 } }
        }
        view["satisfactionJoined"] = SatisfactionJoinView.make(data.satisfaction.joined, suppressed: data.questions?.suppressed, labels: labels)
        view["hasSatisfactionJoined"] = data.satisfaction.joined != nil
        let values = placeholders(data, labels: labels, mapLinks: mapLinks)
        for key in ["rules", "identity", "halfLifeDays"] { view[key] = values[key] }
        let page = PageSections.view(data, labels: labels, values: values, sections: sections)
        view["open"] = page.open
        view["appendix"] = page.appendix
        view["hasAppendix"] = !page.appendix.isEmpty
        view["toc"] = page.contents
        view["t"] = TemplateStrings(catalogue: catalogue, values: values)
        return view
    }

    /// The figures the template's fixed sentences name (`{lookbackDays}`, `{previous}`, ...),
    /// formatted for the page.
    static func placeholders(_ data: ReportData, labels: PageLabels, mapLinks: Int = JourneyMapChart.defaultMaxLinks) -> [String: String] {
        let style = labels.style
        let p = data.period, rules = data.sessionRules, input = data.input
        let halfLife = rules.timeDecayHalfLifeDays
        var values: [String: String] = [
            "period": labels.period(p.name), "previous": labels.period(p.previous),
            "first": labels.date(p.first), "last": labels.date(p.last), "timeZone": p.timeZone,
            "linesRead": style.integer(input.read),
            "lookbackDays": style.integer(rules.lookbackDays),
            "halfLifeDays": style.decimal(halfLife, places: halfLife.rounded() == halfLife ? 0 : 1),
            "maxLinks": style.integer(mapLinks),
            "rules": RulesText.summary(rules, labels: labels), "identity": RulesText.identity(rules.identity, labels: labels),
            "read": style.integer(input.read), "parsed": style.integer(input.parsed), "filtered": style.integer(input.filtered),
            "rejected": style.integer(input.rejected), "late": style.integer(input.lateEvents),
            "cut": style.integer(input.cutVisits), "after": style.integer(input.afterPeriod),
            "lifespan": style.decimal(data.customerValue.lifespanYears, places: 1),
            "windowDays": style.integer(data.customerValue.windowDays),
            "conversion": style.percent(data.kpi("conversion_rate")?.value),
        ]
        if let life = data.lifecycle { values["lifecycleWeek"] = labels.period(life.week) }
        if let q = data.questions {
            values["withheldK"] = style.integer(q.suppressed.k)
            values["recoveryDays"] = style.integer(q.cartRecovery.recoveryDays)
            values["cohortFirst"] = labels.date(q.cartRecovery.cohortFirst)
            values["cohortLast"] = labels.date(q.cartRecovery.cohortLast)
        }
        if let join = data.satisfaction.joined {
            values["minAnswers"] = style.integer(join.minAnswers)
            values["answeredPeople"] = style.integer(join.all.people)
        }
        if let model = data.clvModel { values["horizon"] = style.integer(model.horizonWeeks) }
        return values
    }

    static func kpi(in k: KPI, labels: PageLabels, data: ReportData) -> [String: Any] {
        let style = labels.style
        func show(_ v: Double?) -> String { style.value(v, unit: k.unit) }
        var change = ""
        var direction = 0  // -1 down, 0 flat, 1 up
        if let v = k.value, let before = k.previous {
            if k.unit == .ratio {
                let points = (v - before) * 100
                change = (points >= 0 ? "+" : "−") + labels.text("unit.pp", ["value": style.decimal(abs(points), places: 1)])
                direction = abs(points) < 0.05 ? 0 : points > 0 ? 1 : -1
            } else if k.unit == .score {
                // NPS, CSAT and CES move in points: a share of a score that can be 0 or negative says nothing.
                let points = v - before
                change = (points >= 0 ? "+" : "−") + labels.text("unit.points", ["value": style.decimal(abs(points), places: 1)])
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
        let noise = k.significant.map { labels.text($0 ? "kpis.significant" : "kpis.withinNoise") } ?? ""
        let label = labels.kpiLabel(k.key, fallback: k.label)
        let changeLine = change.isEmpty ? labels.text("kpis.previousValue", ["value": show(k.previous)])
            : labels.text("kpis.changeAgainst", ["change": change, "value": show(k.previous)])
        var card: [String: Any] = ["key": k.key, "label": label, "value": RulesWarningView.moneyText(k, data: data, labels: labels) ?? show(k.value), "previous": show(k.previous),
                                   "change": change, "changeLine": changeLine, "trend": trend, "noise": noise, "hasNoise": !noise.isEmpty,
                                   "hasChange": !change.isEmpty,
                                   "definition": labels.kpiDefinition(k.key, fallback: k.definition, values: definitionValues(data, labels: labels)),
                                   "interval": style.interval(k.interval, unit: k.unit),
                                   "intervalLine": labels.text("kpis.interval", ["interval": style.interval(k.interval, unit: k.unit)]),
                                   "hasInterval": k.interval?.count == 2]
        if let spark = Sparkline.svg(k.trend, label: label, labels: labels, show: show) { card["spark"] = spark }
        if let year = k.yearAgo {
            let news = k.yearAgoSignificant.map { " · " + labels.text($0 ? "kpis.significant" : "kpis.withinNoise") } ?? ""
            card["yearAgo"] = labels.text("kpis.yearAgo", ["value": show(year)]) + news
        }
        return card
    }

    /// The figures some KPI definitions name: the CLV's lifespan, the retention cost's years.
    static func definitionValues(_ data: ReportData, labels: PageLabels) -> [String: String] {
        let year = CivilDate(data.period.last)?.year ?? 0
        return ["lifespan": labels.style.decimal(data.customerValue.lifespanYears, places: 1),
                "lastYear": String(year - 1), "thisYear": String(year)]
    }

    static func inputView(_ input: InputInfo, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        let valueNotes = input.reasons.filter { $0.isValueNote == true }.reduce(0) { $0 + $1.count }
        return [
            "read": style.integer(input.read), "parsed": style.integer(input.parsed),
            "filtered": style.integer(input.filtered), "rejected": style.integer(input.rejected),
            "late": style.integer(input.lateEvents), "cut": style.integer(input.cutVisits),
            "after": style.integer(input.afterPeriod),
            "files": input.files.map {
                ["name": Markup.clean($0.name), "read": style.integer($0.read), "parsed": style.integer($0.parsed),
                 "filtered": style.integer($0.filtered), "rejected": style.integer($0.rejected),
                 "damage": $0.damage.map(labels.fileDamage) ?? ""] as [String: Any]
            },
            "resorted": (input.resorted ?? []).map {
                ["text": labels.text("dataQuality.resortedLine", ["file": Markup.clean($0.file), "events": style.integer($0.events),
                                                                   "moved": style.integer($0.moved)])] as [String: Any]
            },
            "hasResorted": input.resorted != nil,
            "reasons": input.reasons.map {
                ["reason": labels.reasonName($0.reason),
                 "explanation": labels.catalogue.optional("reason.\($0.reason)") ?? Markup.clean($0.explanation),
                 "count": style.integer($0.count),
                 "kind": labels.text($0.isRejected ? "dataQuality.kindRejected"
                                     : $0.isValueNote == true ? "dataQuality.kindValueNote" : "dataQuality.kindFiltered")] as [String: Any]
            },
            "hasValueNotes": valueNotes > 0,
            "valueNotesText": labels.text("dataQuality.valueNotes", ["notes": style.integer(valueNotes)]),
            "samples": input.samples.map {
                ["reason": labels.reasonName($0.reason), "file": Markup.clean($0.file), "line": $0.line, "text": Markup.clean($0.text)] as [String: Any]
            },
            "hasSamples": !input.samples.isEmpty,
        ]
    }
}
