/// Two reports that cannot be compared: the diff stops with exit code 2 and this one line.
package struct CompareError: Error, Equatable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
