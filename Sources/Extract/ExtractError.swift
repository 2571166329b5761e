/// A problem that stops the run: an input that cannot be opened or matches nothing.
package struct ExtractError: Error, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String
    package init(path: String, reason: String) { self.path = path; self.reason = reason }
    package var description: String { "\(path): \(reason)" }
}
