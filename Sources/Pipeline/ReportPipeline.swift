import Foundation

/// The `journeys report` pipeline. This list is the whole story: each stage reads what the
/// ones before it left in the run context and adds its own part.
package enum ReportPipeline {
    static var stages: [Stage] {[
        Stage(name: "extract", run: ExtractStage.run),
        Stage(name: "sessionize", run: SessionizeStage.run),
        Stage(name: "touchpoints", run: TouchpointsStage.run),
        Stage(name: "score", run: ScoreStage.run),
        Stage(name: "render", run: RenderStage.run),
        Stage(name: "validate", run: ValidateStage.run),
        Stage(name: "publish", run: PublishStage.run),
    ]}

    /// Runs every stage in order; any error comes back wrapped with its stage's name.
    package static func run(_ options: RunOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RunSummary {
        var config = try ConfigLoader.load(path: options.pipeline)
        if !options.inputs.isEmpty { config.inputs = options.inputs }
        if let t = options.templates { config.templates = t }
        if let key = environment[config.pseudonymKeyEnv], !key.isEmpty { config.pseudonymKey = key }
        guard !config.pseudonymKey.isEmpty else {
            throw ConfigError(file: config.file, line: 0,
                              message: "no pseudonym key: set identity.pseudonym_key or the environment variable \(config.pseudonymKeyEnv)")
        }
        let zone = TimeZone(identifier: config.timeZone)!
        let lock = try OutputLock(folder: options.output)
        defer { withExtendedLifetime(lock) {} }

        let context = RunContext(options: options, config: config, zone: zone)
        let progress = Progress(quiet: options.quiet)
        var timings: [(String, Double)] = []
        defer { try? FileManager.default.removeItem(atPath: context.staging) }
        for (i, stage) in stages.enumerated() {
            progress.begin("[\(i + 1)/\(stages.count)] \(stage.name)")
            let started = Date()
            do {
                try stage.run(context, progress)
            } catch {
                if progress.enabled { FileHandle.standardError.write(Data("\n".utf8)) }
                throw StageError(stage: stage.name, underlying: error)
            }
            timings.append((stage.name, Date().timeIntervalSince(started)))
            progress.end()
        }
        let period = context.period.description
        return RunSummary(period: period,
                          reportPath: (options.output as NSString).appendingPathComponent("\(period)/index.html"),
                          linesRead: context.extract.quality.read, visits: context.data.kpi("visits")?.value.map(Int.init) ?? 0,
                          stageSeconds: timings)
    }
}
