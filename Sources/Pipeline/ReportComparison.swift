import Compare
import Foundation
import Render
import ReportModel
import Sections

/// `journeys diff` and the weekly run's diff against the previous period: reading two reports,
/// comparing them, and writing the comparison's page and summary.
package enum ReportComparison {
    /// The report at `path`: a report folder (its `report.json`) or a report.json file. Throws a
    /// one-line `CompareError` for a missing file or a report this version cannot compare.
    package static func load(_ path: String) throws(CompareError) -> ReportData {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CompareError("\(path): no such report folder or report.json")
        }
        let file = isFolder.boolValue ? (path as NSString).appendingPathComponent("report.json") : path
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw CompareError("\(file): cannot read the report")
        }
        if let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] {
            guard let version = object["schemaVersion"] as? Int else {
                throw CompareError("\(file): no schemaVersion; written by a journeys older than schema \(ReportData.schemaVersion): run its report again")
            }
            guard version == ReportData.schemaVersion else {
                throw CompareError("\(file): schema version \(version) cannot be compared by this journeys (schema \(ReportData.schemaVersion))")
            }
            if let (place, number) = outOfRange(object, at: "") {
                throw CompareError("\(file): \(place) holds \(number), beyond any figure of a report (at most \(Int(maxNumber)) in size)")
            }
        }
        let report: ReportData
        do {
            report = try ReportData.decoded(from: bytes)
        } catch {
            throw CompareError("\(file): not a report.json of schema \(ReportData.schemaVersion) (\(describe(error)))")
        }
        // What was decoded is checked again: with a key given twice, the tree above and the
        // decoder can take different ones.
        if let again = try? JSONSerialization.jsonObject(with: ReportJSON.encode(report)),
           let (place, number) = outOfRange(again, at: "") {
            throw CompareError("\(file): \(place) holds \(number), beyond any figure of a report (at most \(Int(maxNumber)) in size)")
        }
        if let wrong = impossibleFigure(report) {
            throw CompareError("\(file): \(wrong), which no report holds")
        }
        return report
    }

    /// A key figure no period can have although it is within the size bound: a negative count,
    /// amount or time, a rate outside 0 to 1, a rate's numerator below 0 or above its denominator.
    static func impossibleFigure(_ report: ReportData) -> String? {
        for k in report.kpis {
            for (name, value) in [("value", k.value), ("previous", k.previous)] {
                guard let v = value else { continue }
                switch k.unit {
                case .count, .money, .seconds, .days, .number:
                    if v < 0 { return "kpis.\(k.key).\(name) is \(v), below 0" }
                case .ratio:
                    if !(0...1).contains(v) { return "kpis.\(k.key).\(name) is \(v), outside 0 to 1" }
                case .score:
                    if !(-100...100).contains(v) { return "kpis.\(k.key).\(name) is \(v), outside -100 to 100" }
                }
            }
            if let x = k.numerator, let n = k.denominator, x < 0 || n < 0 || x > n {
                return "kpis.\(k.key) counts \(x) of \(n)"
            }
        }
        return nil
    }

    /// The comparison as Markdown, with the thresholds it crossed when thresholds were given, in
    /// the words of `catalogue` (the built-in catalogue of the reports' locale when nil), linking
    /// the new period's report under `baseURL` (`publish.base_url`) when given.
    package static func markdown(_ diff: ReportDiff, crossed: [(Threshold, KPIChange)]?, catalogue: Catalogue? = nil,
                                 baseURL: String? = nil) -> String {
        DiffMarkdown.render(diff, crossed: crossed, catalogue: catalogue, baseURL: baseURL)
    }

    /// The diff's page with the templates of `folder`, written through a temporary file and
    /// validated like every page; a missing template is a `CompareError` (an input error).
    package static func writePage(_ diff: ReportDiff, templateFolder folder: String?, to path: String, root: String) throws {
        let templates: ReportTemplates
        do { templates = try ReportTemplates(directory: folder) } catch { throw CompareError("templates: \(error)") }
        try writePage(diff, templates: templates, published: false, to: path, root: root)
    }

    /// The diff's page, written through a temporary file and validated like every page.
    static func writePage(_ diff: ReportDiff, templates: ReportTemplates, published: Bool, to path: String, root: String) throws {
        let staged = path + ".tmp-\(getpid())"
        try RenderStage.write(Data(ReportRenderer(templates: templates).diff(diff, published: published).utf8), to: staged)
        do {
            try ValidateStage.check(file: staged, root: root)
        } catch {
            try? FileManager.default.removeItem(atPath: staged)
            throw error
        }
        guard rename(staged, path) == 0 else {
            try? FileManager.default.removeItem(atPath: staged)
            throw PublishError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
    }

    /// The largest size of a number a report.json may hold: a count, an amount of money in
    /// currency units, a rate. Far above any real shop's week (a trillion), and far enough below
    /// 2^53 that every sum, product and conversion to `Int` the comparison makes stays exact and
    /// cannot overflow.
    static let maxNumber = 1e12

    /// The first number of `value` (a decoded JSON tree) that is not finite or not below
    /// `maxNumber` in size, with its place (`kpis[3].value`); nil when all are.
    static func outOfRange(_ value: Any, at place: String) -> (String, String)? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let hit = outOfRange(object[key]!, at: place.isEmpty ? key : "\(place).\(key)") { return hit }
            }
        case let array as [Any]:
            for (i, item) in array.enumerated() {
                if let hit = outOfRange(item, at: "\(place)[\(i)]") { return hit }
            }
        case let number as NSNumber:
            let x = number.doubleValue
            if !x.isFinite || abs(x) >= maxNumber { return (place, number.stringValue) }
        default:
            break
        }
        return nil
    }

    static func describe(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let c)?: return "missing \((c.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))"
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?:
            return "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        default: return "\(error)"
        }
    }
}
