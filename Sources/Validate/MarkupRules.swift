/// The checks run on a well-formed document, so a report stays self-contained and script-free.
struct MarkupRules {
    let file: String
    let links: LinkPolicy

    /// Attributes whose value is a URL the browser may load or navigate to.
    static let urlAttributes = ["href", "src", "action", "formaction", "poster", "data", "srcset"]

    func issues(in document: XMLDocument) -> [ValidationIssue] {
        uniqueIDs(document) + noScripts(document) + noEventHandlers(document) + linksStayInside(document)
            + styleLoadsNothing(document)
    }

    /// Every `id` value appears once.
    private func uniqueIDs(_ document: XMLDocument) -> [ValidationIssue] {
        var firstLine: [String: Int] = [:]
        var issues: [ValidationIssue] = []
        for node in document.select("//@*[local-name()='id']") {
            if let first = firstLine[node.value] {
                issues.append(issue(node.line, "duplicate id \"\(node.value)\" on <\(node.element)> (first used on line \(first))"))
            } else {
                firstLine[node.value] = node.line
            }
        }
        return issues
    }

    /// No `script` element in any namespace.
    private func noScripts(_ document: XMLDocument) -> [ValidationIssue] {
        document.select("//*[\(Self.lowercased("local-name()"))='script']").map { node in
            issue(node.line, "<\(node.name)> element is not allowed: reports carry no scripts")
        }
    }

    /// No `on...` event handler attribute.
    private func noEventHandlers(_ document: XMLDocument) -> [ValidationIssue] {
        document.select("//@*[starts-with(\(Self.lowercased("local-name()")), 'on')]").map { node in
            issue(node.line, "event handler attribute \"\(node.name)\" on <\(node.element)> is not allowed: reports carry no scripts")
        }
    }

    /// Every URL attribute points inside the output folder.
    private func linksStayInside(_ document: XMLDocument) -> [ValidationIssue] {
        let names = Self.urlAttributes.map { "\(Self.lowercased("local-name()"))='\($0)'" }.joined(separator: " or ")
        var issues: [ValidationIssue] = []
        for node in document.select("//@*[\(names)]") {
            let urls = node.name.lowercased() == "srcset" ? LinkPolicy.srcsetURLs(node.value) : [node.value]
            for url in urls {
                if let problem = links.problem(with: url) {
                    issues.append(issue(node.line, "\(node.name) \"\(url)\" on <\(node.element)> points outside the output folder: \(problem)"))
                }
            }
        }
        return issues
    }

    /// `style` elements and attributes import nothing and load no `url(...)` from outside the output folder.
    private func styleLoadsNothing(_ document: XMLDocument) -> [ValidationIssue] {
        let style = "\(Self.lowercased("local-name()"))='style'"
        let elements = document.select("//*[\(style)]").map { ($0, "<\($0.name)> element") }
        let attributes = document.select("//@*[\(style)]").map { ($0, "style attribute on <\($0.element)>") }
        var issues: [ValidationIssue] = []
        for (node, place) in elements + attributes {
            let references = CSSReferences(scanning: node.value)
            for _ in 0..<references.importCount {
                issues.append(issue(node.line, "\(place) uses @import: CSS must not load other stylesheets"))
            }
            for url in references.urls {
                if let problem = links.problem(with: url) {
                    issues.append(issue(node.line, "\(place) loads url(\(url)), which points outside the output folder: \(problem)"))
                }
            }
        }
        return issues
    }

    private func issue(_ line: Int, _ message: String) -> ValidationIssue {
        ValidationIssue(file: file, line: line, column: 0, message: message)
    }

    /// An XPath 1.0 expression lower-casing the ASCII letters of `expression`.
    private static func lowercased(_ expression: String) -> String {
        "translate(\(expression), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    }
}
