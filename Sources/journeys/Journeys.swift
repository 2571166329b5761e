import ArgumentParser

/// `journeys`: turns a shop's logs into a weekly customer-journey report.
@main
struct Journeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeys",
        abstract: "Turn an e-commerce shop's logs into a static customer-journey report.",
        discussion: """
            Exit codes: 0 success, 1 the report failed validation or could not be published, or \
            the system refused a write (output, history or temporary folder: TMPDIR), \
            2 a usage, config or input error.
            """,
        subcommands: [ReportCommand.self, DiffCommand.self, SampleCommand.self, ValidateCommand.self, ExtractCommand.self,
                      SchemaCommand.self, HistoryCommand.self, PartialCommand.self, MergeCommand.self,
                      KeyCommand.self, InitCommand.self, RulesCommand.self, OrderBoundCommand.self, MapCommand.self,
                      PartialDumpCommand.self])

    static func main() {
        OpenFileLimit.raise()
        main(nil)
    }
}
