import Compare
import Foundation
import ReportModel

/// Compares the new report with the previous period's, when that one is published in the output
/// folder: the weekly run then publishes `diff.html` and `diff.md` beside the report. A previous
/// report that cannot be compared (another schema, other session rules) gives no diff and a note
/// on stderr, never a failed run. "What changed" is made here either way, once, for the page, the
/// diff and the index (`Compared`).
enum CompareStage {
    /// The comparison with the previous period, if any, and the period's one list of changes.
    struct Compared {
        var diff: ReportDiff?
        var changes: ChangeList
        /// The previous period's report, when it was compared (the page shows its funnel beside this one's).
        var base: ReportData? = nil
    }

    static func run(_ report: ReportData, output: String, quiet: Bool) -> Compared {
        let previous = previousDiff(report, output: output, quiet: quiet)
        return Compared(diff: previous?.diff, changes: previous?.diff.changes ?? ChangeList.of(report), base: previous?.base)
    }

    static func previousDiff(_ report: ReportData, output: String, quiet: Bool) -> (diff: ReportDiff, base: ReportData)? {
        let previous = ((output as NSString).appendingPathComponent(report.period.previous) as NSString)
            .appendingPathComponent("report.json")
        guard FileManager.default.fileExists(atPath: previous) else { return nil }
        do {
            let base = try ReportComparison.load(previous)
            return (try ReportDiff.compare(base: base, new: report), base)
        } catch {
            if !quiet { FileHandle.standardError.write(Data("journeys: note: no comparison with \(report.period.previous): \(error)\n".utf8)) }
            return nil
        }
    }
}
