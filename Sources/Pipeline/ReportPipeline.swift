import Foundation
import History
import JourneysCore
import Compare
import Render
import ReportModel
import Score
import Touchpoints

/// The `journeys report` pipeline. The stage list below is the data flow: each stage is a value
/// with its name and its typed input and output, and `run` and `merge` hand each stage what the
/// stages before it returned. A sharded run is the same list cut in two where the map side
/// hands the reduce side a `FoldedRead`: `journeys partial` runs the map side (its shard's plan,
/// then read+sessionize and touchpoints+fold, the same stage values) and writes the folded
/// partial; `journeys merge` stands `merge partials` in for the map side and runs the reduce side.
package enum ReportPipeline {
    // The map side: from the inputs to the folded people.
    static let plan = Stage<RunSetup, ReadPlan>("plan") { setup, _ in
        var plan = try PlanStage.run(setup.config, zone: setup.zone, askedPeriod: setup.options.period)
        plan.extract.outlierBoundCents = try OrderOutlierBound.cents(setup.store, period: plan.period,
                                                                     periodStart: plan.periodRange.lowerBound, config: setup.config)
        return plan
    }
    static let read = Stage<(config: PipelineConfig, plan: ReadPlan), Sessions>("read+sessionize") { run, progress in
        try ReadStage.run(run.plan, config: run.config, progress: progress)
    }
    static let fold = Stage<(config: PipelineConfig, plan: ReadPlan, sessions: Sessions), FoldedRead>("touchpoints+fold") { run, _ in
        try FoldStage.run(run.sessions, plan: run.plan, config: run.config)
    }
    /// What stands in for the map side in `journeys merge`: the shards' partials merged.
    static let mergePartials = Stage<(setup: RunSetup, partials: [String]), FoldedRead>("merge partials") { run, _ in
        try PartialMerge.run(run.partials, config: run.setup.config, zone: run.setup.zone, pipeline: run.setup.options.pipeline,
                             store: run.setup.store)
    }

    // The reduce side: from the folded people to the published report.
    static let history = Stage<(store: HistoryStore, read: FoldedRead, logOrders: [HistoryOrder]), HistoryFacts>("history") { run, _ in
        try HistoryStage.read(run.store, window: run.read.window, folded: run.read.folded.history, logOrders: run.logOrders)
    }
    static let score = Stage<(read: FoldedRead, history: HistoryFacts, config: PipelineConfig), ReportData>("score") { run, _ in
        try ScoreStage.run(run.read, history: run.history, config: run.config)
    }
    static let compare = Stage<(report: ReportData, options: RunOptions), CompareStage.Compared>("compare") { run, _ in
        CompareStage.run(run.report, output: run.options.output, quiet: run.options.quiet)
    }
    static let render = Stage<(report: ReportData, compared: CompareStage.Compared, period: String, setup: RunSetup,
                               publishing: PublishTransaction), StagedReport>("render") { run, _ in
        try run.publishing.step(.stageReport)
        return try RenderStage.run(run.report, compared: run.compared, templates: run.setup.templates,
                                   into: run.publishing.staged(run.period), output: run.setup.options.output,
                                   mapLinks: run.setup.config.mapLinks, headline: run.setup.config.headline,
                                   page: run.setup.config.pageOptions,
                                   baseURL: run.setup.config.publishBaseURL)
    }
    static let validate = Stage<(staged: StagedReport, report: ReportData, compared: CompareStage.Compared, period: String,
                                 setup: RunSetup, publishing: PublishTransaction), [String]>("validate") { run, _ in
        let publishing = run.publishing, period = run.period
        try publishing.step(.validateReport)
        try ValidateStage.run(run.staged, output: publishing.root)
        try publishing.step(.stageIndex)
        let index = try PublishStage.stageIndex(run.report, hasDiff: run.compared.diff != nil, changes: run.compared.changes,
                                                period: period, locale: run.setup.config.locale,
                                                templates: run.setup.templates, output: run.setup.options.output, into: publishing)
        try publishing.step(.validateIndex)
        try ValidateStage.check([index], root: publishing.root)
        // the neighbouring periods' pages, linking to this one
        let neighbours = try NeighbourPages.stage(period: period, output: run.setup.options.output, templates: run.setup.templates,
                                                  mapLinks: run.setup.config.mapLinks, into: publishing)
        try ValidateStage.check(neighbours.map(publishing.staged), root: publishing.root)
        return neighbours
    }
    static let recordHistory = Stage<(publishing: PublishTransaction, recording: HistoryRecording, store: HistoryStore), UInt32?>(
        "record history") { run, _ in
        try run.publishing.step(.writeHistory)
        try run.recording.prepare()
        return run.store.counterBeforeWrite
    }
    static let publish = Stage<(publishing: PublishTransaction, recording: HistoryRecording, period: String, neighbours: [String],
                                store: HistoryStore, counter: UInt32?), Void>("publish") { run, _ in
        let items = [(run.period, true)] + run.neighbours.map { ($0, false) } + [("index.html", false)]
        try run.publishing.publish(items, history: run.store.path,
                                   historyCounter: run.counter) {
            try run.recording.commit()
        }
    }

    /// The map side's stages, in order.
    static let mapSide = [plan.name, read.name, fold.name]
    /// The reduce side's stages, in order.
    static let reduceSide = [history.name, score.name, compare.name, render.name, validate.name, recordHistory.name, publish.name]

    /// The stages of `journeys report`, in order, as progress lines and timings name them.
    package static let stageNames = mapSide + reduceSide

    /// The stages of `journeys merge`: the partials stand for the map side.
    package static let mergeStageNames = [mergePartials.name] + reduceSide

    /// The stages of `journeys partial`: the map side, with the shard's own plan.
    static let partialStageNames = [PartialRun.planShard.name, read.name, fold.name]

    /// Runs every stage in order; any error comes back wrapped with its stage's name.
    package static func run(_ options: RunOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RunSummary {
        let setup = try RunSetup(options, environment: environment)
        var stages = StageRunner(names: stageNames, progress: Progress(quiet: options.quiet))
        let plan = try stages.run(Self.plan, setup)
        let sessions = try stages.run(Self.read, (setup.config, plan))
        // all the lines must hold the period (one shard's share of them need not)
        guard sessions.inPeriod > 0 else {
            throw StageError(stage: Self.read.name, underlying: NoDataError(
                message: "no data in \(plan.period): no event of the inputs (\(plan.window.coverage)) falls in it after filtering"))
        }
        let read = try stages.run(Self.fold, (setup.config, plan, sessions))
        return try report(setup, read: read, stages: &stages)
    }

    /// `journeys merge`: the report of the partials' lines, the same bytes as `run` over them.
    package static func merge(_ options: RunOptions, partials: [String],
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RunSummary {
        let setup = try RunSetup(options, environment: environment)
        var stages = StageRunner(names: mergeStageNames, progress: Progress(quiet: options.quiet))
        let read = try stages.run(Self.mergePartials, (setup, partials))
        return try report(setup, read: read, stages: &stages)
    }

    /// The reduce side, shared by `run` and `merge`.
    private static func report(_ setup: RunSetup, read: FoldedRead, stages: inout StageRunner) throws -> RunSummary {
        let config = setup.config, options = setup.options, store = setup.store
        // The read window's orders, for reading the history and for recording the period.
        let logOrders = read.folded.history.logOrders
        let history = try stages.run(Self.history, (store, read, logOrders))
        let recording = HistoryRecording(store) { HistoryStage.facts(window: read.window, folded: read.folded.history, logOrders: logOrders) }
        let report: ReportData
        let compared: CompareStage.Compared
        let publishing: PublishTransaction
        do {
            report = try stages.run(Self.score, (read, history, config))
            recording.snapshot(Scorer.historySnapshot(report.kpis))
            compared = try stages.run(Self.compare, (report, options))
            publishing = try PublishTransaction(output: options.output, hook: options.publishHook)
        } catch {
            recording.abandon()
            throw error
        }
        // Publishing is one step: the page and the index are staged and checked, the history's
        // rows written, and only then are they put in place and the history committed.
        defer { publishing.discard() }
        let period = read.window.period.description
        do {
            let staged = try stages.run(Self.render, (report, compared, period, setup, publishing))
            let neighbours = try stages.run(Self.validate, (staged, report, compared, period, setup, publishing))
            let counter = try stages.run(Self.recordHistory, (publishing, recording, store))
            try stages.run(Self.publish, (publishing, recording, period, neighbours, store, counter))
        } catch {
            recording.abandon()
            throw error
        }
        // what the run built is freed beside its last steps (and the process's exit)
        Discard.inBackground((read, history))
        return withExtendedLifetime(setup) {
            RunSummary(period: period,
                       reportPath: (options.output as NSString).appendingPathComponent("\(period)/index.html"),
                       linesRead: read.accounting.quality.read, visits: report.kpi("visits")?.value.map(Int.init) ?? 0,
                       stageSeconds: stages.timings)
        }
    }
}

/// A stage of the run: the name its progress line and its timing show, and what it makes of
/// what the stages before it returned.
struct Stage<Input, Output>: Sendable {
    let name: String
    let body: @Sendable (Input, Progress) throws -> Output

    init(_ name: String, _ body: @escaping @Sendable (Input, Progress) throws -> Output) {
        self.name = name
        self.body = body
    }
}

/// What a report run holds from start to end: the config, the templates, the output's lock and
/// the history, each taken before any input is read.
final class RunSetup {
    let options: RunOptions
    let config: PipelineConfig
    let templates: ReportTemplates
    let zone: TimeZone
    let lock: OutputLock
    let store: HistoryStore

    init(_ options: RunOptions, environment: [String: String]) throws {
        self.options = options
        config = try ConfigLoader.load(path: options.pipeline, options: options, environment: environment)
        // A missing or broken template is a config error, found before any input is read.
        do {
            templates = try ReportTemplates(directory: config.templates)
        } catch let error as RenderError {
            throw ConfigError(file: config.file, line: config.templatesLine, message: "templates: \(error)")
        }
        zone = TimeZone(identifier: config.timeZone)!
        lock = try OutputLock(folder: options.output)
        let historyPath = options.history ?? config.historyPath
        try Self.refuseHistory(historyPath, inside: options.output)
        // The history is locked for the whole run too: two runs at once are refused before any input is read.
        store = try HistoryStore(path: historyPath)
        // what a run that died left beside the output: finished or undone, under both locks
        try PublishRecovery.recover(output: options.output, store: store)
    }
}

extension RunSetup {
    /// A history inside the output folder would be published with the reports.
    static func refuseHistory(_ history: String, inside output: String) throws {
        let folder = OutputLock.resolved(output)
        let file = OutputLock.resolved(history)
        let refusal = HistoryError(file: history, message: "inside the output folder \(output), which is published as it is; keep the history outside it (history.path or --history)")
        if file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") { throw refusal }
        // Another name of the same file (a hard link) in the output folder publishes it as well.
        var own = stat()
        guard stat(file, &own) == 0, own.st_nlink > 1,
              let names = FileManager.default.enumerator(atPath: folder) else { return }
        for case let name as String in names {
            var other = stat()
            if lstat((folder as NSString).appendingPathComponent(name), &other) == 0,
               other.st_dev == own.st_dev, other.st_ino == own.st_ino { throw refusal }
        }
    }
}

/// Runs stages in the order of its list: shows each in the progress line, times it, and wraps
/// its error with its name.
struct StageRunner {
    /// The names of the stages of this run, in order (`ReportPipeline.stageNames`).
    let names: [String]
    let progress: Progress
    private(set) var timings: [(String, Double)] = []

    init(names: [String], progress: Progress) {
        self.names = names
        self.progress = progress
    }

    @discardableResult
    mutating func run<Input, Output>(_ stage: Stage<Input, Output>, _ input: Input) throws -> Output {
        guard let index = names.firstIndex(of: stage.name) else {
            preconditionFailure("stage '\(stage.name)' is not in this run's list \(names)")
        }
        progress.begin("[\(index + 1)/\(names.count)] \(stage.name)")
        let started = Date()
        let result: Output
        do {
            result = try stage.body(input, progress)
        } catch {
            if progress.enabled { FileHandle.standardError.write(Data("\n".utf8)) }
            throw StageError(stage: stage.name, underlying: error)
        }
        timings.append((stage.name, Date().timeIntervalSince(started)))
        progress.end()
        return result
    }
}

/// An error with the stage it happened in.
package struct StageError: Error, CustomStringConvertible {
    package var stage: String
    package var underlying: Error
    package var description: String { "\(stage): \(underlying)" }
}
