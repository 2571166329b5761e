/// One named step of the report pipeline. The runner shows its name in progress lines and
/// attaches it to any error the step throws.
struct Stage {
    var name: String
    var run: (RunContext, Progress) throws -> Void
}

/// An error with the stage it happened in.
package struct StageError: Error, CustomStringConvertible {
    package var stage: String
    package var underlying: Error
    package var description: String { "\(stage): \(underlying)" }
}
