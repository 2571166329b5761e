import Extract
import Foundation
import JourneysCore

/// What the command line says about one `journeys partial` run.
package struct PartialOptions: Sendable {
    package var pipeline: String
    /// Inputs that replace the config's `inputs` when given; ignored with `stdin`.
    package var inputs: [String] = []
    /// A file of this shard's records (`SliceRecord`, as `journeys key` puts them in frames;
    /// `/dev/stdin` for standard input) to read instead of the inputs.
    package var records: String? = nil
    package var period: String
    package var shard: Int
    package var shards: Int
    /// The pairs and span of all lines (`IdentityPairs`); without them, a first pass over the
    /// inputs makes them. Needed with `records`.
    package var pairs: String? = nil
    /// The outlier bound of order values in cents, as `journeys order-bound` worked it out from
    /// the history (`OrderOutlierBound`); nil when only `orders.max_value` applies.
    package var orderBoundCents: Int64? = nil

    package init(pipeline: String, period: String, shard: Int, shards: Int) {
        self.pipeline = pipeline; self.period = period; self.shard = shard; self.shards = shards
    }
}

/// The map side of a sharded run: one shard's lines read and sessionized, and its people folded
/// into score's and the history's partial aggregates, written as a partial file (`PartialFile`)
/// that `journeys merge` joins with the other shards' into the report. After its own plan it
/// runs the stage values of `journeys report` (`ReportPipeline.read`, `ReportPipeline.fold`).
package enum PartialRun {
    package static func run(_ o: PartialOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PartialFile {
        var runOptions = RunOptions(pipeline: o.pipeline)
        runOptions.inputs = o.inputs
        let config = try ConfigLoader.load(path: o.pipeline, options: runOptions, environment: environment)
        var stages = StageRunner(names: ReportPipeline.partialStageNames, progress: Progress(quiet: true))
        let shard = try stages.run(planShard, (o, config))
        let (sessions, read) = try withExtendedLifetime(shard.spool) {
            let sessions = try stages.run(ReportPipeline.read, (config, shard.plan))
            return (sessions, try stages.run(ReportPipeline.fold, (config, shard.plan, sessions)))
        }
        let folded = read.folded
        let q = sessions.extract.quality
        let symbols = sessions.extract.symbols
        let span = shard.plan.span
        return PartialFile(
            config: fingerprint(config, pipeline: o.pipeline, orderBound: shard.plan.extract.outlierBoundCents), period: shard.plan.period.description,
            shard: o.shard, shards: o.shards,
            spanEarliest: span.earliest, spanLatest: span.latest, earliest: shard.own?.earliest, latest: shard.own?.latest,
            inPeriod: sessions.inPeriod, lateEvents: sessions.lateEvents, cutVisits: sessions.cutVisits, afterPeriod: sessions.afterPeriod,
            files: q.files.map {
                PartialFile.FileRecord(file: $0.file, read: $0.read, parsed: $0.parsed,
                                       outcomes: Dictionary(uniqueKeysWithValues: $0.outcomes.map { ($0.key.rawValue, $0.value) }),
                                       damage: $0.damage, resort: $0.resort)
            },
            samples: LineOutcome.allCases.flatMap { o in (q.samples[o] ?? []).map { PartialFile.SampleRecord(reason: o.rawValue, sample: $0) } },
            runNotes: q.runNotes.isEmpty ? nil : Dictionary(uniqueKeysWithValues: q.runNotes.map { ($0.key.rawValue, $0.value) }),
            orderBoundCents: shard.plan.extract.outlierBoundCents,
            strings: symbols.strings, score: folded.score, history: folded.history, ruleHits: folded.mapper.ruleHits,
            unmatched: Dictionary(uniqueKeysWithValues: folded.mapper.unmatched.map { (symbols[$0.key], $0.value) }))
    }

    /// One shard's plan: its share of the lines set down in spool files, or of the events the
    /// map side parsed (whole people only, see `ShardKeys`), and the span of all shards' lines.
    struct ShardPlan {
        var plan: ReadPlan
        /// The folder of the shard's lines, removed with it: kept until they are read; nil when
        /// the map side parsed them.
        let spool: ShardSpool?
        /// The earliest and latest timestamp of the shard's own lines; nil when none has one.
        var own: (earliest: Int64, latest: Int64)?
    }

    /// The map side's first stage in a shard: its plan, in place of `ReportPipeline.plan`.
    static let planShard = Stage<(options: PartialOptions, config: PipelineConfig), ShardPlan>("plan shard") { run, _ in
        try shardPlan(run.options, config: run.config)
    }

    static func shardPlan(_ o: PartialOptions, config: PipelineConfig) throws -> ShardPlan {
        guard var period = Period(parsing: o.period) else {
            throw ExtractError(path: "--period", reason: "'\(o.period)' is not a period; expected an ISO week (2026-W47), a month (2026-11) or a range (2026-11-02..2026-11-15)")
        }
        let zone = TimeZone(identifier: config.timeZone)!
        let first: IdentityPairs
        let spool: ShardSpool?
        var files: [InputFile]
        var scans: [FileScan]
        let tolerance = config.sessionRules.outOfOrderTolerance
        if let records = o.records {
            guard let pairs = o.pairs else {
                throw PartialError(file: records == "/dev/stdin" ? "--stdin" : records,
                                   message: "records need --pairs: the identity pairs and span of all slices (journeys map --pairs-output)")
            }
            first = try readPairs(pairs)
            let source = records == "/dev/stdin" ? "<stdin>" : records
            let shares = try SliceKeying.read(input: try openByteSource(path: records), source: source, keys: first.keys,
                                              shard: o.shard, shards: o.shards)
            spool = nil
            files = []
            scans = []
            for (_, f) in shares.sorted(by: { $0.key < $1.key }) {
                let scan = try f.share.scan(path: f.path, tolerance: tolerance)
                var file = scan.inputFile
                // sorted when the whole file's lines are out of order, as one process decides
                file.sortByTime = !f.share.isInTimeOrder(tolerance: tolerance)
                file.parsed = f.share
                files.append(file)
                scans.append(scan)
            }
        } else {
            let paths = try InputFiles.resolve(config.inputs)
            first = try o.pairs.map { try readPairs($0) } ?? FileKeying.pairs(paths, options: config.extractOptions)
            let shared = try ShardSpool(temporaryDirectory: config.sortDirectory)
            try FileKeying.spoolShare(paths, keys: first.keys, shard: o.shard, shards: o.shards, options: config.extractOptions, into: shared)
            spool = shared
            files = try shared.finish()
            scans = try files.map { try InputScan.scan($0.path, firstLine: $0.spool?.firstLine, skipping: $0.spool?.truncatedLineInSpool, options: config.extractOptions, tolerance: tolerance) }
            for i in files.indices { files[i].sortByTime = !scans[i].isInTimeOrder }
        }
        guard let span = first.span else {
            throw PartialError(file: o.pairs ?? "inputs", message: "no line with a readable timestamp: the span of all lines is unknown")
        }
        period.isPartial = !PeriodChoice.covers(period, earliest: span.earliest, latest: span.latest, zone: zone)
        var plan = try PlanStage.plan(files: files, scans: scans, totalBytes: 0, period: period, span: span, zone: zone, config: config)
        if let bound = o.orderBoundCents, bound < config.maxOrderValueCents { plan.extract.outlierBoundCents = bound }
        return ShardPlan(plan: plan, spool: spool, own: InputScan.span(scans))
    }

    static func readPairs(_ path: String) throws -> IdentityPairs {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PartialError(file: path, message: "cannot read the identity pairs file")
        }
        return try IdentityPairs.parse([UInt8](data), source: path)
    }

    /// A keyed hash of the config file's bytes, the pseudonym key and the outlier bound of order
    /// values when there is one (see `PartialFile.config`).
    static func fingerprint(_ config: PipelineConfig, pipeline: String, orderBound: Int64? = nil) -> String {
        var bytes = Array(FileManager.default.contents(atPath: pipeline) ?? Data())
        bytes += Array("\u{1F}\(config.pseudonymKey)".utf8)
        if let orderBound { bytes += Array("\u{1F}order-bound \(orderBound)".utf8) }
        return IdentityPairs.hex(SipHash(k0: 0x7061_7274_6961_6c73, k1: 0x6a6f_7572_6e65_7973).hash(bytes))
    }
}
