import Compare
import Foundation
import Render
import ReportModel
import Score

/// The root index of all periods, staged beside the report (`PublishTransaction`) and validated
/// before anything is published: it lists the new report as it will be, in place of any earlier
/// report of its period.
enum PublishStage {
    /// Writes the staged index of `output` with `report` (the period's folder `period`) in it;
    /// returns its path. `locale`: the language of the index, the run's.
    static func stageIndex(_ report: ReportData, hasDiff: Bool, changes: ChangeList? = nil, period: String, locale: String,
                           templates: ReportTemplates, output: String, into publishing: PublishTransaction) throws -> String {
        var entries = publishedReports(in: output, except: period)
        entries.append(.init(data: report, hasDiff: hasDiff, changes: changes))
        let index = ReportRenderer(templates: templates).index(sorted(entries), locale: locale)
        let path = publishing.staged("index.html")
        try RenderStage.write(Data(index.utf8), to: path)
        return path
    }

    /// The report data of every period folder, newest first; `except`: a folder left out.
    static func publishedReports(in output: String, except: String? = nil) -> [ReportRenderer.IndexEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        var entries: [ReportRenderer.IndexEntry] = []
        for name in names where !name.hasPrefix(".") && name != except {
            let json = ((output as NSString).appendingPathComponent(name) as NSString).appendingPathComponent("report.json")
            guard let bytes = FileManager.default.contents(atPath: json) else { continue }
            do {
                let diff = ((output as NSString).appendingPathComponent(name) as NSString).appendingPathComponent("diff.html")
                entries.append(.init(data: try ReportJSON.decode(bytes), hasDiff: FileManager.default.fileExists(atPath: diff)))
            } catch {
                FileHandle.standardError.write(Data("journeys: warning: \(json) is not a report of this version; left out of the index\n".utf8))
            }
        }
        return sorted(entries)
    }

    static func sorted(_ entries: [ReportRenderer.IndexEntry]) -> [ReportRenderer.IndexEntry] {
        entries.sorted { $0.data.period.last != $1.data.period.last ? $0.data.period.last > $1.data.period.last : $0.data.period.name > $1.data.period.name }
    }

    static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else {
            throw PublishError(path: to, reason: "cannot move \(from) into place: \(String(cString: strerror(errno)))")
        }
    }
}
