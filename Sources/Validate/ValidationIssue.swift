/// One problem found in a produced file, so the pipeline can refuse to publish it and say where.
package struct ValidationIssue: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path as given to the validator.
    package var file: String
    /// 1-based line, 0 when unknown.
    package var line: Int
    /// 1-based column, 0 when unknown.
    package var column: Int
    /// libxml2's message (trimmed) or the sentence of one of our checks.
    package var message: String

    package init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the format compilers and editors understand.
    package var description: String {
        "\(file):\(line):\(column): \(message)"
    }
}
