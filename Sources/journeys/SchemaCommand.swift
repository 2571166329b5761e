import ArgumentParser
import ReportModel
import Sections

/// `journeys schema`: the JSON Schema of report.json (the report's own fields and every section's
/// part), for checking a report or reading it from another language.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of report.json, schema \(ReportData.schemaVersion).")

    func run() throws {
        print(try SectionList.reportSchema())
    }
}
