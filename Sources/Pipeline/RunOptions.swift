/// What the command line says about one `journeys report` run.
package struct RunOptions: Sendable {
    package var pipeline: String
    /// Inputs that replace the config's `inputs` when given.
    package var inputs: [String] = []
    package var period: String? = nil
    package var output: String = "output"
    package var quiet: Bool = false
    package var templates: String? = nil
    /// The history file, replacing the config's `history.path`.
    package var history: String? = nil
    /// Threads that parse large plain files (`--shards`); nil: the number of cores.
    package var shards: Int? = nil
    /// The size of one part a shard thread reads (tests make it small); nil: 4 MiB.
    package var shardPartBytes: Int? = nil
    /// Called before each step of publishing: tests fail one there (nil in a real run).
    package var publishHook: PublishHook? = nil

    package init(pipeline: String) { self.pipeline = pipeline }
}

/// What a finished run reports back to the command line.
package struct RunSummary: Sendable {
    package var period: String
    package var reportPath: String
    package var linesRead: Int
    package var visits: Int
    package var stageSeconds: [(String, Double)]
}
