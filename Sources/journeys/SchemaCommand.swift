import ArgumentParser
import ReportModel

/// `journeys schema`: the JSON Schema of report.json, for checking a report or reading it from
/// another language.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of report.json, schema \(ReportData.schemaVersion).")

    func run() throws {
        print(ReportSchema.json)
    }
}
