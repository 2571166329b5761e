/// A `--fail-on` entry that cannot be used: the entry as written, and what was expected instead.
/// Its description is one line for the user, such as
/// `'conversion_rate:10%': expected a sign, + or -, before the change`.
package struct ThresholdError: Error, Equatable, CustomStringConvertible {
    package var entry: String
    package var reason: String

    package init(entry: String, reason: String) {
        self.entry = entry
        self.reason = reason
    }

    package var description: String { entry.isEmpty ? "an empty entry: \(reason)" : "'\(entry)': \(reason)" }
}
