/// A template that is missing or does not parse; names the file.
package struct RenderError: Error, CustomStringConvertible {
    package var file: String
    package var reason: String
    package var description: String { "\(file): \(reason)" }
}
