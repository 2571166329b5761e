import Extract
import Foundation
import History
import Score
import JourneysCore

/// The reduce side's first step: the shards' partial aggregates merged into the one that one
/// process folds from the same lines (`Folded.merge`, as the fold stage joins its threads).
/// Exact: every line was counted by one shard, every person was folded in one partial, merges
/// add integers and keyed counts, and symbols are numbered in string order, as `ReadStage`
/// numbers them.
enum PartialMerge {
    static func run(_ paths: [String], config: PipelineConfig, zone: TimeZone, pipeline: String,
                    store: HistoryStore) throws -> FoldedRead {
        guard !paths.isEmpty else { throw PartialError(file: "merge", message: "no partial file given") }
        let partials = try paths.map { path in (path, try PartialFile.read(path)) }
        let first = partials[0].1
        // The order bound the history gives the partials' period: every shard must have read
        // with it, or one order value would count in one shard and not in another.
        var bound: Int64? = nil
        if let period = Period(parsing: first.period) {
            bound = try OrderOutlierBound.cents(store, period: period, periodStart: period.startTime(in: zone), config: config)
        }
        for (path, p) in partials {
            guard p.orderBoundCents == bound else {
                throw PartialError(file: path, message: "read with \(Self.shown(p.orderBoundCents)) as the outlier bound of order values; the history gives \(first.period) \(Self.shown(bound)): make the partials with journeys partial --order-bound \(bound.map(String.init) ?? "none") (journeys order-bound prints it)")
            }
            guard p.config == PartialRun.fingerprint(config, pipeline: pipeline, orderBound: bound) else {
                throw PartialError(file: path, message: "made with another pipeline config or pseudonym key than \(config.file): make the partials and the merge with the same ones")
            }
            guard p.period == first.period, p.shards == first.shards else {
                throw PartialError(file: path, message: "partial of \(p.period), shard \(p.shard + 1)/\(p.shards); \(partials[0].0) is of \(first.period), shard \(first.shard + 1)/\(first.shards)")
            }
            guard p.spanEarliest == first.spanEarliest, p.spanLatest == first.spanLatest else {
                throw PartialError(file: path, message: "folded with another span of the lines than \(partials[0].0): give every shard the same pairs file")
            }
        }
        let byShard = Dictionary(grouping: partials, by: { $0.1.shard })
        for s in 0..<first.shards {
            guard let found = byShard[s] else {
                throw PartialError(file: "merge", message: "shard \(s + 1)/\(first.shards) of \(first.period) is missing: every shard's partial is needed")
            }
            guard found.count == 1 else {
                throw PartialError(file: found[1].0, message: "shard \(s + 1)/\(first.shards) is given twice (also \(found[0].0))")
            }
        }
        let ordered = (0..<first.shards).map { byShard[$0]![0] }
        guard var period = Period(parsing: first.period) else {
            throw PartialError(file: ordered[0].0, message: "'\(first.period)' is not a period")
        }

        // Symbols in string order, as one process numbers them.
        var read = SymbolTable()
        for (_, p) in ordered {
            for s in p.strings { _ = read.intern(s) }
            for s in p.unmatched.keys { _ = read.intern(s) }
        }
        let symbols = read.inStringOrder().table

        var quality = DataQuality()
        quality.runNotes = [:]
        var late = 0, cut = 0, after = 0, inPeriod = 0
        let rules = try TouchpointsStage.mapper(config)
        var parts: [Folded] = []
        for (path, p) in ordered {
            var score = p.score
            score.renumber(p.strings.map { symbols.lookup($0) ?? .none })
            var mapper = rules
            mapper.addCounts(ruleHits: p.ruleHits,
                             unmatched: Dictionary(uniqueKeysWithValues: p.unmatched.map { (symbols.lookup($0.key) ?? .none, $0.value) }))
            parts.append(Folded(score: score, history: p.history, mapper: mapper))
            quality.merge(try p.quality(source: path))
            late += p.lateEvents; cut += p.cutVisits; after += p.afterPeriod; inPeriod += p.inPeriod
        }
        let folded = Folded.merged(parts)!
        period.isPartial = !PeriodChoice.covers(period, earliest: first.spanEarliest, latest: first.spanLatest, zone: zone)
        let window = PeriodWindow(period: period, zone: zone, span: (first.spanEarliest, first.spanLatest))
        try window.requireData()
        guard inPeriod > 0 else {
            throw NoDataError(message: "no data in \(period): no event of the partials' lines (\(window.coverage)) falls in it after filtering")
        }
        let settings = ScoreStage.settings(window, config: config, catalog: rules.catalog, symbols: symbols)
        let accounting = ScoreStage.accounting(quality: quality, lateEvents: late, cutVisits: cut, afterPeriod: after,
                                               rules: folded.mapper, config: config)
        return FoldedRead(window: window, settings: settings, accounting: accounting, folded: folded)
    }
}

extension PartialMerge {
    static func shown(_ bound: Int64?) -> String {
        bound.map { "\($0) cents" } ?? "none"
    }
}

extension PartialFile {
    /// The partial's line accounting as extract keeps it.
    func quality(source: String) throws -> DataQuality {
        var q = DataQuality()
        for f in files {
            var account = FileAccount(file: f.file)
            account.read = f.read
            account.parsed = f.parsed
            for (name, n) in f.outcomes {
                guard let o = LineOutcome(rawValue: name) else {
                    throw PartialError(file: source, message: "unknown line outcome '\(name)' in the partial")
                }
                account.outcomes[o] = n
            }
            account.damage = f.damage
            account.resort = f.resort
            q.files.append(account)
        }
        for (name, n) in runNotes ?? [:] {
            guard let o = LineOutcome(rawValue: name), o.isValueNote, n >= 0 else {
                throw PartialError(file: source, message: "unknown run note '\(name)' (or a negative count) in the partial")
            }
            q.runNotes[o, default: 0] += n
        }
        for s in samples {
            guard let o = LineOutcome(rawValue: s.reason) else { throw PartialError(file: source, message: "unknown line outcome '\(s.reason)' in the partial") }
            q.addSample(o, s.sample)
        }
        return q
    }
}
