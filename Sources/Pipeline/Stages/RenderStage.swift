import Foundation
import Render
import Score

/// Writes the period's report page and report.json into a staging folder inside the output
/// folder; nothing is published before validate has passed.
enum RenderStage {
    static func run(_ ctx: RunContext, _ progress: Progress) throws {
        let templates = try ReportTemplates(directory: ctx.config.templates)
        let renderer = ReportRenderer(templates: templates)
        let staging = (ctx.options.output as NSString).appendingPathComponent(".staging-\(ctx.period.description)-\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        ctx.staging = staging
        let html = (staging as NSString).appendingPathComponent("index.html")
        let json = (staging as NSString).appendingPathComponent("report.json")
        try write(Data(renderer.report(ctx.data).utf8), to: html)
        try write(try ReportJSON.encode(ctx.data), to: json)
        ctx.written = [html, json]
    }

    static func write(_ data: Data, to path: String) throws {
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw PublishError(path: path, reason: "cannot write: \(error.localizedDescription)")
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
        try JSONDecoder().decode(ReportData.self, from: data)
    }
}
