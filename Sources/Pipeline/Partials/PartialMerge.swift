import Extract
import Foundation
import JourneysCore

/// The reduce side's first step: the shards' partials joined into the sessions one process
/// would have read from the same lines. Exact: every line was counted by one shard, every
/// journey lives in one partial, visits are put back in the one-process order (start, device,
/// then closing order) and symbols numbered in string order, as `ReadStage` numbers them.
enum PartialMerge {
    static func run(_ paths: [String], config: PipelineConfig, zone: TimeZone, fingerprint: String) throws -> (ReadPlan, Sessions) {
        guard !paths.isEmpty else { throw PartialError(file: "merge", message: "no partial file given") }
        let partials = try paths.map { path in (path, try PartialFile.read(path)) }
        let first = partials[0].1
        for (path, p) in partials {
            guard p.config == fingerprint else {
                throw PartialError(file: path, message: "made with another pipeline config or pseudonym key than \(config.file): make the partials and the merge with the same ones")
            }
            guard p.period == first.period, p.shards == first.shards else {
                throw PartialError(file: path, message: "partial of \(p.period), shard \(p.shard + 1)/\(p.shards); \(partials[0].0) is of \(first.period), shard \(first.shard + 1)/\(first.shards)")
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
        var all = Set<String>()
        for (_, p) in ordered { all.formUnion(p.strings) }
        var symbols = SymbolTable()
        for s in all.sorted() where !s.isEmpty { _ = symbols.intern(s) }

        var visits: [(visit: Visit, shard: Int, index: Int)] = []
        var quality = DataQuality()
        var late = 0, cut = 0, after = 0, inPeriod = 0
        var earliest: Int64? = nil, latest: Int64? = nil
        for (path, p) in ordered {
            let map = p.strings.map { symbols.lookup($0) ?? .none }
            func symbol(_ n: UInt32) throws -> Symbol {
                guard Int(n) < map.count else { throw PartialError(file: path, message: "damaged partial file: symbol \(n) of \(map.count)") }
                return map[Int(n)]
            }
            for (i, r) in p.visits.enumerated() { visits.append((try r.visit(symbol, source: path), p.shard, i)) }
            quality.merge(try p.quality(source: path))
            late += p.lateEvents; cut += p.cutVisits; after += p.afterPeriod; inPeriod += p.inPeriod
            if let e = p.earliest { earliest = min(earliest ?? e, e) }
            if let l = p.latest { latest = max(latest ?? l, l) }
        }
        visits.sort { a, b in
            if a.visit.start != b.visit.start { return a.visit.start < b.visit.start }
            if a.visit.device != b.visit.device { return a.visit.device < b.visit.device }
            return (a.shard, a.index) < (b.shard, b.index)
        }
        let merged = visits.map(\.visit)

        guard let earliest, let latest else {
            throw PartialError(file: "merge", message: "no line with a readable timestamp in the partials")
        }
        period.isPartial = !PeriodChoice.covers(period, earliest: earliest, latest: latest, zone: zone)
        var plan = ReadPlan(files: [], scans: [], totalBytes: 0, period: period, zone: zone, previousCovered: false,
                            span: (earliest, latest), extract: config.extractOptions)
        plan.previousCovered = earliest <= plan.previousRange.lowerBound + 3600
        plan.setReadWindow(config)
        guard earliest < plan.periodRange.upperBound, latest >= plan.periodRange.lowerBound, inPeriod > 0 else {
            throw NoDataError(message: "no data in \(period): the partials' lines cover \(plan.coverage)")
        }
        let sessions = Sessions(people: .listed(merged), extract: ExtractResult(quality: quality, symbols: symbols),
                                lateEvents: late, cutVisits: cut, afterPeriod: after, inPeriod: inPeriod)
        return (plan, sessions)
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
        for s in samples {
            guard let o = LineOutcome(rawValue: s.reason) else { throw PartialError(file: source, message: "unknown line outcome '\(s.reason)' in the partial") }
            q.addSample(o, s.sample)
        }
        return q
    }
}
