import Foundation
import History
import JourneysCore
import Compare
import Render
import ReportModel
import Score

/// The `journeys report` pipeline. `run` is the whole story: each stage takes what the stages
/// before it returned and returns its own typed result.
package enum ReportPipeline {
    /// The stages, in order, as progress lines and timings name them.
    package static let stageNames = ["plan", "read+sessionize", "touchpoints+fold", "history", "score", "compare", "render",
                                     "validate", "record history", "publish"]

    /// The stages of `journeys merge`: the partials stand for plan and read+sessionize.
    package static let mergeStageNames = ["merge partials"] + stageNames.dropFirst(3)

    /// Runs every stage in order; any error comes back wrapped with its stage's name.
    package static func run(_ options: RunOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RunSummary {
        let setup = try RunSetup(options, environment: environment)
        var stages = StageRunner(names: stageNames, progress: Progress(quiet: options.quiet))
        let plan = try stages.run("plan") { _ in
            var plan = try PlanStage.run(setup.config, zone: setup.zone, askedPeriod: options.period)
            plan.extract.outlierBoundCents = try OrderOutlierBound.cents(setup.store, period: plan.period,
                                                                         periodStart: plan.periodRange.lowerBound, config: setup.config)
            return plan
        }
        let sessions = try stages.run("read+sessionize") { progress in
            let sessions = try ReadStage.run(plan, config: setup.config, progress: progress)
            guard sessions.inPeriod > 0 else {
                throw NoDataError(message: "no data in \(plan.period): no event of the inputs (\(plan.coverage)) falls in it after filtering")
            }
            return sessions
        }
        return try report(setup, plan: plan, sessions: sessions, stages: &stages)
    }

    /// `journeys merge`: the report of the partials' lines, the same bytes as `run` over them.
    package static func merge(_ options: RunOptions, partials: [String],
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RunSummary {
        let setup = try RunSetup(options, environment: environment)
        var stages = StageRunner(names: mergeStageNames, progress: Progress(quiet: options.quiet))
        let (plan, sessions, folded) = try stages.run("merge partials") { _ in
            try PartialMerge.run(partials, config: setup.config, zone: setup.zone, pipeline: options.pipeline, store: setup.store)
        }
        return try report(setup, plan: plan, sessions: sessions, folded: folded, stages: &stages)
    }

    /// The stages after read+sessionize, shared by `run` and `merge`.
    private static func report(_ setup: RunSetup, plan: ReadPlan, sessions: Sessions, folded merged: Folded? = nil,
                               stages: inout StageRunner) throws -> RunSummary {
        let config = setup.config, options = setup.options, store = setup.store, templates = setup.templates
        let mapper = try TouchpointsStage.mapper(config)
        let input = ScoreStage.input(sessions, mapper: mapper, plan: plan, config: config)
        let folded = try merged ?? stages.run("touchpoints+fold") { _ in
            try FoldStage.run(sessions, input: input, mapper: mapper, plan: plan, config: config)
        }
        // The read window's orders, for reading the history and for recording the period.
        let logOrders = folded.history.logOrders
        let history = try stages.run("history") { _ in try HistoryStage.read(store, plan: plan, folded: folded.history, logOrders: logOrders) }
        let recording = HistoryRecording(store) { HistoryStage.facts(plan: plan, folded: folded.history, logOrders: logOrders) }
        let report: ReportData
        let diff: ReportDiff?
        let publishing: PublishTransaction
        do {
            report = try stages.run("score") { _ in try ScoreStage.run(folded, input: input, history: history, plan: plan, config: config) }
            recording.snapshot(Scorer.historySnapshot(report.kpis))
            diff = try stages.run("compare") { _ in CompareStage.run(report, output: options.output, quiet: options.quiet) }
            publishing = try PublishTransaction(output: options.output, hook: options.publishHook)
        } catch {
            recording.abandon()
            throw error
        }
        // Publishing is one step: the page and the index are staged and checked, the history's
        // rows written, and only then are they put in place and the history committed.
        defer { publishing.discard() }
        let period = plan.period.description
        do {
            let staged = try stages.run("render") { _ in
                try publishing.step(.stageReport)
                return try RenderStage.run(report, diff: diff, templates: templates, into: publishing.staged(period),
                                           output: options.output, mapLinks: config.mapLinks)
            }
            try stages.run("validate") { _ in
                try publishing.step(.validateReport)
                try ValidateStage.run(staged, output: publishing.root)
                try publishing.step(.stageIndex)
                let index = try PublishStage.stageIndex(report, hasDiff: diff != nil, period: period, locale: config.locale,
                                                        templates: templates, output: options.output, into: publishing)
                try publishing.step(.validateIndex)
                try ValidateStage.check([index], root: publishing.root)
            }
            let counter = try stages.run("record history") { _ in
                try publishing.step(.writeHistory)
                try recording.prepare()
                return store.counterBeforeWrite
            }
            try stages.run("publish") { _ in
                try publishing.publish([(period, true), ("index.html", false)], history: store.path, historyCounter: counter) {
                    try recording.commit()
                }
            }
        } catch {
            recording.abandon()
            throw error
        }
        // what the run built is freed beside its last steps (and the process's exit)
        Discard.inBackground((folded, input, history))
        return withExtendedLifetime(setup) {
            RunSummary(period: period,
                       reportPath: (options.output as NSString).appendingPathComponent("\(period)/index.html"),
                       linesRead: sessions.extract.quality.read, visits: report.kpi("visits")?.value.map(Int.init) ?? 0,
                       stageSeconds: stages.timings)
        }
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

/// Runs the named stages in order: shows each in the progress line, times it, and wraps its
/// error with its name.
struct StageRunner {
    let names: [String]
    let progress: Progress
    private(set) var timings: [(String, Double)] = []

    init(names: [String], progress: Progress) {
        self.names = names
        self.progress = progress
    }

    @discardableResult
    mutating func run<T>(_ name: String, _ body: (Progress) throws -> T) throws -> T {
        let number = (names.firstIndex(of: name) ?? timings.count) + 1
        progress.begin("[\(number)/\(names.count)] \(name)")
        let started = Date()
        let result: T
        do {
            result = try body(progress)
        } catch {
            if progress.enabled { FileHandle.standardError.write(Data("\n".utf8)) }
            throw StageError(stage: name, underlying: error)
        }
        timings.append((name, Date().timeIntervalSince(started)))
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
