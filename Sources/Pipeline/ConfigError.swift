/// A configuration mistake, pointing at the file and line to fix.
package struct ConfigError: Error, Equatable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var message: String
    package init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }
    package var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
