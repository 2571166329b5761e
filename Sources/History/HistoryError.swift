/// A problem with what the history was given or holds, pointing at the file (and line) to fix:
/// a bad row of an order table, a history file of a newer schema, a fact without a pseudonym.
package struct HistoryError: Error, Equatable, CustomStringConvertible {
    package var file: String
    /// 1-based; 0 when the problem is the file as a whole.
    package var line: Int
    package var message: String

    package init(file: String, line: Int = 0, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    package var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Another run holds the history file: two runs writing one history at once are refused.
package struct HistoryLockedError: Error, Equatable, CustomStringConvertible {
    package var path: String
    package var description: String {
        "\(path): another journeys run is using this history; wait for it to finish"
    }
}
