import JourneysCore
import ReportModel
import Sections

/// The score stage: turns mapped visits and journeys into the report's numbers.
package enum Scorer {
    /// Facts about the run that score reports but does not compute.
    package struct Context: Sendable {
        package var period: PeriodInfo
        package var rules: RulesInfo
        package init(period: PeriodInfo, rules: RulesInfo) { self.period = period; self.rules = rules }
    }

    /// A report's KPIs as the history keeps them (see `HistoryFigures.snapshot`).
    package static func historySnapshot(_ kpis: [KPI]) -> [String: Double] { HistoryFigures.snapshot(kpis) }

    /// Scores the people of `input`, held in memory: every person folded into one partial, then finished.
    package static func score(_ input: ScoreInput, context: Context) -> ReportData {
        let partial = ScorePartial.folded(input.people, input.foldContext)
        return score(partial, settings: input.settings, accounting: input.accounting, history: input.history, context: context)
    }

    /// Finishes a partial that every person of the read window was folded into (in any number
    /// of parts, merged), with the run's settings, the input's accounting and the history's facts.
    package static func score(_ partial: ScorePartial, settings: ScoreSettings, accounting: InputAccounting,
                              history: HistoryFacts?, context: Context) -> ReportData {
        var finishing = FinishContext(FoldContext(settings))
        let visitSections = partial.visits.finish(&finishing)
        let questions = partial.questions
        var questionKPIs = Figure.kpis(questions.figures(0, hasPrevious: true),
                                       before: settings.previous == nil ? nil : questions.figures(1, hasPrevious: true),
                                       partial: context.period.isPartial)
        for i in questionKPIs.indices where questions.isSmallSample(questionKPIs[i].key, minAnswers: settings.questions.minAnswers) {
            questionKPIs[i].significant = nil
            questionKPIs[i].pValue = nil
        }
        let kpis = Figure.kpis(visitSections.figures, before: visitSections.previousFigures, partial: context.period.isPartial) + questionKPIs
        var allKPIs = kpis
        var clvModel: CLVModelInfo? = nil
        if let history, let last = settings.lastDay {
            let now = HistoryFigures.figures(history.orders, asOf: last, lifespanYears: settings.customerLifespanYears,
                                             retentionSpend: settings.retentionSpend)
            let before = settings.previousLastDay.map {
                HistoryFigures.figures(history.orders, asOf: $0, lifespanYears: settings.customerLifespanYears,
                                       retentionSpend: settings.retentionSpend)
            }
            allKPIs += Figure.kpis(now, before: before, partial: context.period.isPartial)
            let predicted = PredictedCLV.section(history.orders, asOf: last, previousAsOf: settings.previousLastDay, partial: context.period.isPartial)
            allKPIs += predicted.kpis
            clvModel = predicted.model
            HistoryFigures.addTrends(&allKPIs, history, period: context.period.name, lifespanYears: settings.customerLifespanYears)
        }
        let channels = partial.channels.channelRows(&finishing)
        let customerValue = customerValue(settings, history: history, window: partial.channels, &finishing)
        var report = ReportData(
            period: context.period,
            input: inputInfo(accounting),
            sessionRules: context.rules,
            kpis: allKPIs,
            funnel: visitSections.funnel,
            journeyMap: visitSections.journeyMap,
            channels: channels,
            disagreements: ChannelTable.disagreements(channels),
            segments: visitSections.segments,
            journeyLengths: visitSections.journeyLengths,
            loops: visitSections.loops,
            paths: visitSections.paths,
            buyingPaths: visitSections.buyingPaths,
            touchpointRules: ruleUsage(accounting, symbols: settings.symbols),
            satisfaction: questions.satisfaction.all.scores,
            customerValue: customerValue)
        report.orderValues = visitSections.orderValues
        report.rulesWarning = RulesCheckFigures.warning(accounting, catalog: settings.catalog, orders: Int(report.kpi("orders")?.value ?? 0),
                                                        ordersWithValue: report.orderValues?.count ?? 0)
        finishing.funnel = report.funnel
        report.parts = partial.sections.finish(&finishing)
        let (sections, joined) = questions.finish(&finishing)
        report.questions = sections
        report.satisfaction.joined = joined
        if let history, let last = settings.lastDay {
            report.cohorts = Cohorts.table(history.orders, asOf: last)
            report.lifecycle = Lifecycle.info(history.visitWeeks, history: history.orders, lastDay: last)
        }
        report.clvModel = clvModel
        return report
    }

    /// CLV from a year of the history when there is one, else from the logs' window.
    static func customerValue(_ settings: ScoreSettings, history: HistoryFacts?, window folds: ChannelFolds,
                              _ context: inout FinishContext) -> CustomerValueInfo {
        if let history, let last = settings.lastDay {
            let lifespan = CustomerValue.lifespan(history: history.orders, asOf: last, configured: settings.customerLifespanYears)
            if let section = CustomerValue.section(history: history.orders, asOf: last, lifespanYears: lifespan.years) { return section }
        }
        return folds.customerValueSection(&context)
    }

    static func inputInfo(_ accounting: InputAccounting) -> InputInfo {
        let q = accounting.quality
        let files = q.files.map {
            InputInfo.File(name: baseName($0.file), read: $0.read, parsed: $0.parsed, filtered: $0.filtered,
                           rejected: $0.rejected, damage: $0.damage)
        }
        let reasons = LineOutcome.allCases.compactMap { o -> InputInfo.Reason? in
            let n = q.count(o)
            return n == 0 ? nil : InputInfo.Reason(reason: o.rawValue, explanation: o.explanation, count: n, isRejected: o.isRejected,
                                                   isValueNote: o.isValueNote ? true : nil)
        }
        let samples = LineOutcome.allCases.flatMap { o in
            (q.samples[o] ?? []).map { InputInfo.Sample(reason: o.rawValue, file: baseName($0.file), line: $0.line, text: $0.text) }
        }
        var info = InputInfo(files: files, read: q.read, parsed: q.parsed, filtered: q.filtered, rejected: q.rejected,
                             reasons: reasons, samples: samples, lateEvents: accounting.lateEvents, afterPeriod: accounting.afterPeriod, cutVisits: accounting.cutVisits)
        let resorted = q.files.compactMap { f in
            f.resort.map { InputInfo.Resorted(file: baseName(f.file), events: $0.events, moved: $0.moved) }
        }
        info.resorted = resorted.isEmpty ? nil : resorted
        return info
    }

    static func ruleUsage(_ accounting: InputAccounting, symbols: SymbolTable) -> RuleUsage {
        let unmatched = accounting.unmatched
            .map { RuleUsage.Unmatched(path: Redactor.redact(symbols[$0.key], limit: 200), views: $0.value) }
            .sorted { $0.views != $1.views ? $0.views > $1.views : $0.path < $1.path }
            .prefix(15)
        let unused = zip(accounting.ruleNames, accounting.ruleHits).filter { $0.1 == 0 }.map(\.0)
        return RuleUsage(unmatchedPaths: Array(unmatched), unusedRules: unused)
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
