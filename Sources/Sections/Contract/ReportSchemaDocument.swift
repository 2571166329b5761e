import Foundation
import ReportModel

/// The JSON Schema of report.json as a whole: the report's own fields (`ReportSchema.json`) and,
/// for each section in a folder of its own, its part under its key, its definitions and its
/// tables in the ledger of withheld rows, all from the section's `Resources/<id>.schema.json`
/// (`{"property": …, "$defs": {…}, "withheld": {table: …}}`). Written with sorted keys, so the
/// same sections give the same bytes.
extension SectionList {
    package static func reportSchema(_ sections: [any ReportSection.Type] = folded) throws -> String {
        var document = try object(ReportSchema.json, "ReportSchema.json")
        var properties = document["properties"] as? [String: Any] ?? [:]
        var required = document["required"] as? [String] ?? []
        var defs = document["$defs"] as? [String: Any] ?? [:]
        var suppressed = properties["suppressed"] as? [String: Any] ?? [:]
        var ledger = suppressed["properties"] as? [String: Any] ?? [:]
        var byTable = ledger["byTable"] as? [String: Any] ?? [:]
        var tables = byTable["properties"] as? [String: Any] ?? [:]
        var tablesRequired = byTable["required"] as? [String] ?? []
        for section in sections {
            let file = "\(section.id).schema.json"
            let fragment = try object(section.resources.schema, file)
            guard let property = fragment["property"] else { throw SchemaError(file: file, reason: "has no \"property\"") }
            guard properties[section.partKey] == nil else { throw SchemaError(file: file, reason: "\(section.partKey) is described twice") }
            properties[section.partKey] = property
            required.append(section.partKey)
            for (name, def) in fragment["$defs"] as? [String: Any] ?? [:] {
                guard defs[name] == nil else { throw SchemaError(file: file, reason: "$defs/\(name) is defined twice") }
                defs[name] = def
            }
            for (table, schema) in fragment["withheld"] as? [String: Any] ?? [:] {
                tables[table] = schema
                tablesRequired.append(table)
            }
        }
        byTable["properties"] = tables; byTable["required"] = tablesRequired
        ledger["byTable"] = byTable; suppressed["properties"] = ledger; properties["suppressed"] = suppressed
        document["properties"] = properties; document["required"] = required; document["$defs"] = defs
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private static func object(_ text: String, _ file: String) throws -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw SchemaError(file: file, reason: "is not a JSON object")
        }
        return object
    }
}

/// A section's schema that does not fit the report's: a bug in journeys itself, which the tests catch.
package struct SchemaError: Error, CustomStringConvertible {
    package var file: String
    package var reason: String
    package var description: String { "\(file): \(reason)" }
}
