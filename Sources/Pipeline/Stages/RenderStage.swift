import Compare
import Foundation
import Sections
import Render
import Score
import ReportModel

/// The report's files, written but not yet published.
struct StagedReport {
    /// The period's folder in the staging folder (`PublishTransaction`); renamed into place by publish.
    var folder: String
    var files: [String]
}

/// Writes the period's report page and report.json into the period's folder of the staging
/// folder (`PublishTransaction`), beside the output folder; nothing is published before validate
/// has passed. `output`: the published reports, for the links to the neighbouring periods.
enum RenderStage {
    static func run(_ data: ReportData, compared: CompareStage.Compared, templates: ReportTemplates, into staging: String, output: String,
                    mapLinks: Int, headline: [String] = ReportRenderer.defaultHeadline, page: PageOptions = PageOptions(),
                    baseURL: String? = nil) throws -> StagedReport {
        let diff = compared.diff
        let renderer = ReportRenderer(templates: templates, mapLinks: mapLinks, headline: headline, page: page)
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: staging, reason: "cannot create the staging folder: \(PublishError.reason(error))")
        }
        let html = (staging as NSString).appendingPathComponent("index.html")
        let json = (staging as NSString).appendingPathComponent("report.json")
        let neighbours = PublishedNeighbours(of: data.period.name, in: output)
        try write(Data(renderer.report(data, hasDiff: diff != nil, previous: neighbours.previous, next: neighbours.next,
                                                   changes: compared.changes, base: compared.base, mapChanges: diff?.map).utf8), to: html)
        try write(try ReportJSON.encode(data), to: json)
        var files = [html, json]
        if let diff {
            let page = (staging as NSString).appendingPathComponent("diff.html")
            let summary = (staging as NSString).appendingPathComponent("diff.md")
            try write(Data(renderer.diff(diff, published: true).utf8), to: page)
            try write(Data(ReportComparison.markdown(diff, crossed: nil, catalogue: renderer.catalogue(for: diff.locale),
                                                                baseURL: baseURL).utf8), to: summary)
            files += [page, summary]
        }
        return StagedReport(folder: staging, files: files)
    }

    static func write(_ data: Data, to path: String) throws {
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw PublishError(path: path, reason: "cannot write: \(PublishError.reason(error))")
        }
    }
}

/// report.json: sorted keys and fixed formatting, so that the same numbers give the same bytes.
enum ReportJSON {
    static func encode(_ data: ReportData) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(data) + Data("\n".utf8)
    }

    static func decode(_ data: Data) throws -> ReportData {
        try ReportData.decoded(from: data)
    }
}
