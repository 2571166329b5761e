import Foundation
import Validate

/// Checks every written HTML and SVG file with libxml2; one problem stops the run before
/// anything is published.
enum ValidateStage {
    static func run(_ staged: StagedReport, output: String) throws {
        try check(staged.files, root: output)
    }

    static func check(_ files: [String], root: String) throws {
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".svg") { try check(file: file, root: root) }
    }

    /// Checks one page, whatever its name (a page staged under a temporary name).
    static func check(file: String, root: String) throws {
        let issues = MarkupValidator().check(fileAt: file, root: root)
        if !issues.isEmpty { throw ValidationFailed(issues: issues) }
    }
}

/// The issues that stopped publishing, first one on the first line.
package struct ValidationFailed: Error, CustomStringConvertible {
    package var issues: [ValidationIssue]
    package var description: String {
        let more = issues.count > 1 ? " (and \(issues.count - 1) more issue\(issues.count > 2 ? "s" : ""))" : ""
        return "\(issues[0])\(more)"
    }
}
