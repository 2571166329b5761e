import Foundation
import Render
import Score

/// Moves the validated report into place and rebuilds the index of all periods; the previously
/// published report stays untouched until the new one is complete and valid.
enum PublishStage {
    /// `locale`: the language of the index, the run's.
    static func run(_ staged: StagedReport, period: String, locale: String, templates: ReportTemplates, output: String) throws {
        let fm = FileManager.default
        let target = (output as NSString).appendingPathComponent(period)
        let retired = (output as NSString).appendingPathComponent(".retired-\(period)-\(getpid())")
        let hadReport = fm.fileExists(atPath: target)
        if hadReport { try move(target, to: retired) }
        do {
            try move(staged.folder, to: target)
        } catch {
            if hadReport { try? move(retired, to: target) }  // put the published report back
            throw error
        }
        try? fm.removeItem(atPath: retired)

        let renderer = ReportRenderer(templates: templates)
        let index = renderer.index(publishedReports(in: output), locale: locale)
        let staged = (output as NSString).appendingPathComponent(".index-\(getpid()).html")
        try RenderStage.write(Data(index.utf8), to: staged)
        do {
            try ValidateStage.check([staged], root: output)
        } catch {
            try? fm.removeItem(atPath: staged)
            throw error
        }
        let final = (output as NSString).appendingPathComponent("index.html")
        guard rename(staged, final) == 0 else {
            throw PublishError(path: final, reason: "cannot replace: \(String(cString: strerror(errno)))")
        }
    }

    /// The report data of every period folder, newest first.
    static func publishedReports(in output: String) -> [ReportRenderer.IndexEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        var entries: [ReportRenderer.IndexEntry] = []
        for name in names where !name.hasPrefix(".") {
            let json = ((output as NSString).appendingPathComponent(name) as NSString).appendingPathComponent("report.json")
            guard let bytes = FileManager.default.contents(atPath: json) else { continue }
            do {
                let diff = ((output as NSString).appendingPathComponent(name) as NSString).appendingPathComponent("diff.html")
                entries.append(.init(data: try ReportJSON.decode(bytes), hasDiff: FileManager.default.fileExists(atPath: diff)))
            } catch {
                FileHandle.standardError.write(Data("journeys: warning: \(json) is not a report of this version; left out of the index\n".utf8))
            }
        }
        return entries.sorted { $0.data.period.last != $1.data.period.last ? $0.data.period.last > $1.data.period.last : $0.data.period.name > $1.data.period.name }
    }

    static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else {
            throw PublishError(path: to, reason: "cannot move \(from) into place: \(String(cString: strerror(errno)))")
        }
    }
}
