import JourneysCore
import ReportModel

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

    /// Scores the visits and journeys of `input`: every person folded into one partial, then finished.
    package static func score(_ input: ScoreInput, context: Context) -> ReportData {
        let foldContext = QuestionFolds.context(input)
        var partial = ScorePartial(foldContext)
        for journey in input.journeys {
            partial.add(PersonVisits(visits: journey.visits.map { input.visits[$0] }, mapped: journey.visits.map { input.mapped[$0] }),
                        foldContext)
        }
        return score(partial, input, context: context)
    }

    /// Finishes a partial that every person of the read window was folded into (in any number
    /// of parts, merged); `input` gives the settings, the accounting and the history, not visits.
    package static func score(_ partial: ScorePartial, _ input: ScoreInput, context: Context) -> ReportData {
        let foldContext = QuestionFolds.context(input)
        var finishing = FinishContext(foldContext)
        let visitSections = partial.visits.finish(&finishing)
        let questions = partial.questions
        var questionKPIs = Figure.kpis(questions.figures(0, hasPrevious: true),
                                       before: input.previous == nil ? nil : questions.figures(1, hasPrevious: true),
                                       partial: context.period.isPartial)
        for i in questionKPIs.indices where questions.isSmallSample(questionKPIs[i].key, minAnswers: input.questions.minAnswers) {
            questionKPIs[i].significant = nil
            questionKPIs[i].pValue = nil
        }
        let kpis = Figure.kpis(visitSections.figures, before: visitSections.previousFigures, partial: context.period.isPartial) + questionKPIs
        var allKPIs = kpis
        var clvModel: CLVModelInfo? = nil
        if let history = input.history, let last = input.lastDay {
            let now = HistoryFigures.figures(history.orders, asOf: last, lifespanYears: input.customerLifespanYears,
                                             retentionSpend: input.retentionSpend)
            let before = input.previousLastDay.map {
                HistoryFigures.figures(history.orders, asOf: $0, lifespanYears: input.customerLifespanYears,
                                       retentionSpend: input.retentionSpend)
            }
            allKPIs += Figure.kpis(now, before: before, partial: context.period.isPartial)
            let predicted = PredictedCLV.section(history.orders, asOf: last, previousAsOf: input.previousLastDay, partial: context.period.isPartial)
            allKPIs += predicted.kpis
            clvModel = predicted.model
            HistoryFigures.addTrends(&allKPIs, history, period: context.period.name, lifespanYears: input.customerLifespanYears)
        }
        let channels = partial.channels.channelRows(&finishing)
        let customerValue = customerValue(input, window: partial.channels, &finishing)
        var report = ReportData(
            period: context.period,
            input: inputInfo(input),
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
            touchpointRules: ruleUsage(input),
            satisfaction: questions.satisfaction.all.scores,
            customerValue: customerValue)
        report.orderValues = visitSections.orderValues
        report.rulesWarning = RulesCheckFigures.warning(input, orders: Int(report.kpi("orders")?.value ?? 0),
                                                        ordersWithValue: report.orderValues?.count ?? 0)
        finishing.funnel = report.funnel
        let (sections, joined) = questions.finish(&finishing)
        report.questions = sections
        report.satisfaction.joined = joined
        if let history = input.history, let last = input.lastDay {
            report.cohorts = Cohorts.table(history.orders, asOf: last)
            report.lifecycle = Lifecycle.info(history.visitWeeks, history: history.orders, lastDay: last)
        }
        report.clvModel = clvModel
        return report
    }

    /// CLV from a year of the history when there is one, else from the logs' window.
    static func customerValue(_ input: ScoreInput, window folds: ChannelFolds, _ context: inout FinishContext) -> CustomerValueInfo {
        if let history = input.history, let last = input.lastDay {
            let lifespan = CustomerValue.lifespan(history: history.orders, asOf: last, configured: input.customerLifespanYears)
            if let section = CustomerValue.section(history: history.orders, asOf: last, lifespanYears: lifespan.years) { return section }
        }
        return folds.customerValueSection(&context)
    }

    static func inputInfo(_ input: ScoreInput) -> InputInfo {
        let q = input.quality
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
                             reasons: reasons, samples: samples, lateEvents: input.lateEvents, afterPeriod: input.afterPeriod, cutVisits: input.cutVisits)
        let resorted = q.files.compactMap { f in
            f.resort.map { InputInfo.Resorted(file: baseName(f.file), events: $0.events, moved: $0.moved) }
        }
        info.resorted = resorted.isEmpty ? nil : resorted
        return info
    }

    static func ruleUsage(_ input: ScoreInput) -> RuleUsage {
        let unmatched = input.unmatched
            .map { RuleUsage.Unmatched(path: Redactor.redact(input.symbols[$0.key], limit: 200), views: $0.value) }
            .sorted { $0.views != $1.views ? $0.views > $1.views : $0.path < $1.path }
            .prefix(15)
        let unused = zip(input.ruleNames, input.ruleHits).filter { $0.1 == 0 }.map(\.0)
        return RuleUsage(unmatchedPaths: Array(unmatched), unusedRules: unused)
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
