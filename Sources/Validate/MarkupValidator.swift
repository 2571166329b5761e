/// Checks every produced HTML/SVG file with libxml2 before it is published, so a broken or unsafe report never ships.
package struct MarkupValidator: Sendable {
    package init() {}

    /// Checks bytes of one document; `file` is only used in issues. `root` is the folder the document's relative
    /// links must stay inside (the output folder), `documentDirectory` the folder holding the document, both as
    /// absolute or relative paths.
    package func check(_ bytes: [UInt8], file: String, documentDirectory: String, root: String) -> [ValidationIssue] {
        guard !bytes.isEmpty else {
            return [ValidationIssue(file: file, line: 0, column: 0, message: "file is empty")]
        }
        let rules = MarkupRules(file: file, links: LinkPolicy(documentDirectory: documentDirectory, root: root))
        let issues = LibXML2Lock.withLock {
            let collector = DiagnosticCollector(file: file)
            return collector.capturing {
                guard let document = XMLDocument.parse(bytes, url: file), !collector.sawError else {
                    return collector.issues.isEmpty
                        ? [ValidationIssue(file: file, line: 0, column: 0, message: "not well-formed XML")]
                        : collector.issues
                }
                return collector.issues + rules.issues(in: document)
            }
        }
        return Self.sorted(issues)
    }

    /// Reads and checks one file; a file that cannot be read gives one issue.
    package func check(fileAt path: String, root: String) -> [ValidationIssue] {
        switch FileBytes.read(path) {
        case .success(let bytes):
            return check(bytes, file: path, documentDirectory: LexicalPath.directory(of: path), root: root)
        case .failure(let error):
            return [ValidationIssue(file: path, line: 0, column: 0, message: "cannot read \(path): \(error.reason)")]
        }
    }

    /// By line then column, keeping the order checks found them in otherwise.
    private static func sorted(_ issues: [ValidationIssue]) -> [ValidationIssue] {
        issues.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}
