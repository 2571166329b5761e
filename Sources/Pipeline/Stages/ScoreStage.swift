import Score

/// Computes every figure of the report.
enum ScoreStage {
    static func run(_ ctx: RunContext, _ progress: Progress) throws {
        let config = ctx.config
        var input = ScoreInput(
            visits: ctx.visits, mapped: ctx.mapped, journeys: ctx.journeys, catalog: ctx.mapper.catalog,
            symbols: ctx.extract.symbols, period: ctx.periodRange, previous: ctx.previousCovered ? ctx.previousRange : nil,
            lookback: ctx.lookbackSeconds, quality: ctx.extract.quality, lateEvents: ctx.lateEvents,
            cutVisits: ctx.cutVisits, ruleNames: config.touchpointRules.map(\.touchpoint),
            ruleHits: ctx.mapper.ruleHits, unmatched: ctx.mapper.unmatched)
        input.timeDecayHalfLife = Int64(config.timeDecayHalfLifeDays * 86_400)
        input.afterPeriod = ctx.afterPeriod
        input.customerLifespanYears = config.customerLifespanYears
        let p = ctx.period!
        let rules = config.sessionRules
        let context = Scorer.Context(
            period: PeriodInfo(name: p.description, first: p.first.description, last: p.last.description,
                               isPartial: p.isPartial, previous: p.previous.description, timeZone: config.timeZone,
                               currency: config.currency, locale: config.locale),
            rules: RulesInfo(preset: rules.preset, summary: rules.summary, timeoutMinutes: Int(rules.timeout / 60),
                             newVisitOnCampaignChange: rules.newVisitOnCampaignChange, splitAtMidnight: rules.splitAtMidnight,
                             maxVisitHours: Int(rules.maxVisitLength / 3600), identity: config.identitySummary,
                             lookbackDays: config.lookbackDays, timeDecayHalfLifeDays: config.timeDecayHalfLifeDays))
        ctx.data = Scorer.score(input, context: context)
    }
}
