import ArgumentParser
import Foundation
import Validate

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check HTML/SVG files with libxml2: well-formed, unique ids, no script, no on* attributes, no links leaving the folder.")

    @Option(name: .long, help: "The folder links must stay inside (default: each file's own folder).")
    var root: String?

    @Argument(help: "The files to check.")
    var files: [String]

    func run() throws {
        let validator = MarkupValidator()
        var failed = false
        for file in files {
            let folder = root ?? (file as NSString).deletingLastPathComponent
            let issues = validator.check(fileAt: file, root: folder.isEmpty ? "." : folder)
            for issue in issues { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
            if issues.isEmpty { print("\(file): valid") } else { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
