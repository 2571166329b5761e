import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords report.schema.json uses, so that the
/// tests can hold every report.json they write against the schema without a network or a
/// Python. A keyword it does not know is an error when the schema is loaded, never silently
/// ignored: a schema cannot promise more than this validator checks.
///
/// Assertions: `type` (a name or a list; `integer` is a number without a fraction), `enum`,
/// `const`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minItems`,
/// `maxItems`, `minLength`, `maxLength` (in Unicode scalars), `pattern` (unanchored, as the
/// spec says), `required`. Applicators: `properties`, `patternProperties`,
/// `additionalProperties` (true, false or a schema), `prefixItems`, `items` (true, false or a
/// schema, for the elements after `prefixItems`), `allOf`, `anyOf`, `$ref` to a JSON pointer in
/// the same document (`#/$defs/...`), beside other keywords as 2020-12 allows. Boolean schemas.
/// Annotations it skips: `$schema`, `$id`, `$defs`, `title`, `description`, `$comment`.
final class SchemaValidator: @unchecked Sendable {  // immutable once made; NSRegularExpression matches from any thread
    /// One way the instance breaks the schema: where (a JSON pointer into the instance), which
    /// keyword, and why.
    struct Violation: Sendable, CustomStringConvertible, Equatable {
        var path: String
        var keyword: String
        var message: String
        var description: String { "\(path.isEmpty ? "/" : path): \(keyword): \(message)" }
    }

    struct SchemaError: Error, CustomStringConvertible {
        var problems: [String]
        var description: String { "not a schema this validator can check: " + problems.joined(separator: "; ") }
    }

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description", "$comment"]
    static let keywords: Set<String> = [
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "required", "properties", "patternProperties", "additionalProperties",
        "prefixItems", "items", "allOf", "anyOf", "$ref",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "number", "integer", "string", "array", "object"]

    let root: JSONValue
    private var regexes: [String: NSRegularExpression] = [:]

    convenience init(schemaText: String) throws {
        try self.init(schema: try JSONValue.parse(schemaText))
    }

    /// Checks the schema itself: every keyword known and well-formed, every `$ref` resolvable,
    /// every pattern a regular expression.
    init(schema: JSONValue) throws {
        root = schema
        var problems: [String] = []
        check(schema, at: "#", problems: &problems)
        guard problems.isEmpty else { throw SchemaError(problems: problems) }
    }

    /// The violations of `instance`, in document order; empty when it is valid.
    func validate(_ instance: JSONValue) -> [Violation] {
        var out: [Violation] = []
        validate(instance, against: root, path: "", into: &out)
        return out
    }

    // MARK: - The schema itself

    private func check(_ schema: JSONValue, at location: String, problems: inout [String]) {
        if case .bool = schema { return }
        guard let members = schema.members else {
            problems.append("\(location): a schema is an object or a boolean, found \(schema.typeName)")
            return
        }
        func sub(_ value: JSONValue, _ where_: String) { check(value, at: location + "/" + where_, problems: &problems) }
        func number(_ key: String, _ value: JSONValue, whole: Bool = false) {
            guard let x = value.number, !whole || (x >= 0 && x == x.rounded()) else {
                problems.append("\(location)/\(key): expects \(whole ? "a whole number >= 0" : "a number"), found \(value)")
                return
            }
        }
        for m in members {
            let key = m.key, value = m.value
            switch key {
            case _ where Self.annotations.contains(key) && key != "$defs":
                continue
            case "$defs", "properties", "patternProperties":
                guard let defs = value.members else { problems.append("\(location)/\(key): expects an object"); continue }
                for d in defs {
                    if key == "patternProperties" { compile(d.key, at: location + "/" + key, problems: &problems) }
                    sub(d.value, key + "/" + JSONValue.pointerToken(d.key))
                }
            case "additionalProperties", "items":
                sub(value, key)
            case "prefixItems", "allOf", "anyOf":
                guard let list = value.items, !list.isEmpty else { problems.append("\(location)/\(key): expects a non-empty array"); continue }
                for (i, s) in list.enumerated() { sub(s, "\(key)/\(i)") }
            case "type":
                let names = value.items?.compactMap(\.string) ?? value.string.map { [$0] } ?? []
                if names.isEmpty || names.contains(where: { !Self.typeNames.contains($0) }) || value.items.map({ $0.count != names.count }) == true {
                    problems.append("\(location)/type: expects a type name or a list of them, found \(value)")
                }
            case "enum":
                if value.items?.isEmpty != false { problems.append("\(location)/enum: expects a non-empty array") }
            case "const":
                continue
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                number(key, value)
            case "minItems", "maxItems", "minLength", "maxLength":
                number(key, value, whole: true)
            case "pattern":
                guard let p = value.string else { problems.append("\(location)/pattern: expects a string"); continue }
                compile(p, at: location + "/pattern", problems: &problems)
            case "required":
                if value.items?.allSatisfy({ $0.string != nil }) != true { problems.append("\(location)/required: expects an array of strings") }
            case "$ref":
                guard let ref = value.string else { problems.append("\(location)/$ref: expects a string"); continue }
                if resolve(ref) == nil { problems.append("\(location)/$ref: \(ref) does not resolve in this document") }
            default:
                problems.append("\(location)/\(key): keyword not supported")
            }
        }
    }

    private func compile(_ pattern: String, at location: String, problems: inout [String]) {
        guard regexes[pattern] == nil else { return }
        do {
            regexes[pattern] = try NSRegularExpression(pattern: pattern)
        } catch {
            problems.append("\(location): \(pattern) is not a regular expression")
        }
    }

    /// The schema a `$ref` names: `#` or a JSON pointer `#/...` into this document.
    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        let pointer = ref.dropFirst()
        guard !pointer.isEmpty else { return node }
        guard pointer.hasPrefix("/") else { return nil }
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = (raw.removingPercentEncoding ?? String(raw))
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let next = node[token] {
                node = next
            } else if let i = Int(token), let next = node[i] {
                node = next
            } else {
                return nil
            }
        }
        return node
    }

    // MARK: - Instances

    private func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = regexes[pattern] else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private func validate(_ instance: JSONValue, against schema: JSONValue, path: String, into out: inout [Violation]) {
        if case .bool(let allowed) = schema {
            if !allowed { out.append(Violation(path: path, keyword: "false", message: "no value is allowed here, found \(short(instance))")) }
            return
        }
        guard let members = schema.members else { return }
        func fail(_ keyword: String, _ message: String) { out.append(Violation(path: path, keyword: keyword, message: message)) }

        for m in members {
            let value = m.value
            switch m.key {
            case "type":
                let names = value.items?.compactMap(\.string) ?? value.string.map { [$0] } ?? []
                if !names.contains(where: { Self.isOfType(instance, $0) }) {
                    fail("type", "expected \(names.joined(separator: " or ")), found \(instance.typeName) \(short(instance))")
                }
            case "enum":
                if !(value.items ?? []).contains(where: { $0.jsonEquals(instance) }) {
                    fail("enum", "\(short(instance)) is not one of \(value)")
                }
            case "const":
                if !value.jsonEquals(instance) { fail("const", "expected \(value), found \(short(instance))") }
            case "minimum":
                if let x = instance.number, let limit = value.number, x < limit { fail("minimum", "\(short(instance)) is less than \(value)") }
            case "maximum":
                if let x = instance.number, let limit = value.number, x > limit { fail("maximum", "\(short(instance)) is greater than \(value)") }
            case "exclusiveMinimum":
                if let x = instance.number, let limit = value.number, x <= limit { fail("exclusiveMinimum", "\(short(instance)) is not greater than \(value)") }
            case "exclusiveMaximum":
                if let x = instance.number, let limit = value.number, x >= limit { fail("exclusiveMaximum", "\(short(instance)) is not less than \(value)") }
            case "minItems":
                if let items = instance.items, let n = value.number, Double(items.count) < n { fail("minItems", "\(items.count) items, at least \(value) expected") }
            case "maxItems":
                if let items = instance.items, let n = value.number, Double(items.count) > n { fail("maxItems", "\(items.count) items, at most \(value) expected") }
            case "minLength":
                if let s = instance.string, let n = value.number, Double(s.unicodeScalars.count) < n { fail("minLength", "\(short(instance)) is shorter than \(value)") }
            case "maxLength":
                if let s = instance.string, let n = value.number, Double(s.unicodeScalars.count) > n { fail("maxLength", "\(short(instance)) is longer than \(value)") }
            case "pattern":
                if let s = instance.string, let p = value.string, !matches(p, s) { fail("pattern", "\(short(instance)) does not match \(p)") }
            case "required":
                if let object = instance.members {
                    for name in (value.items ?? []).compactMap(\.string) where !object.contains(where: { $0.key == name }) {
                        fail("required", "\"\(name)\" is missing")
                    }
                }
            case "properties", "patternProperties", "additionalProperties":
                // Together below, once: additionalProperties depends on the other two.
                continue
            case "prefixItems", "items":
                continue
            case "allOf":
                for s in value.items ?? [] { validate(instance, against: s, path: path, into: &out) }
            case "anyOf":
                var branches: [[Violation]] = []
                for s in value.items ?? [] {
                    var v: [Violation] = []
                    validate(instance, against: s, path: path, into: &v)
                    if v.isEmpty { branches = []; break }
                    branches.append(v)
                }
                if !branches.isEmpty {
                    let why = branches.map { $0.map(\.description).joined(separator: ", ") }.joined(separator: " | ")
                    fail("anyOf", "matches none of the \(branches.count) schemas (\(why))")
                }
            case "$ref":
                if let ref = value.string, let target = resolve(ref) { validate(instance, against: target, path: path, into: &out) }
            default:
                continue
            }
        }
        if let object = instance.members { validateMembers(object, schema: schema, path: path, into: &out) }
        if let items = instance.items { validateItems(items, schema: schema, path: path, into: &out) }
    }

    private func validateMembers(_ object: [JSONValue.Member], schema: JSONValue, path: String, into out: inout [Violation]) {
        let properties = schema["properties"]?.members ?? []
        let patterns = schema["patternProperties"]?.members ?? []
        let additional = schema["additionalProperties"]
        guard !properties.isEmpty || !patterns.isEmpty || additional != nil else { return }
        for member in object {
            let memberPath = path + "/" + JSONValue.pointerToken(member.key)
            var matched = false
            if let p = properties.first(where: { $0.key == member.key }) {
                matched = true
                validate(member.value, against: p.value, path: memberPath, into: &out)
            }
            for p in patterns where matches(p.key, member.key) {
                matched = true
                validate(member.value, against: p.value, path: memberPath, into: &out)
            }
            if !matched, let additional {
                if case .bool(false) = additional {
                    out.append(Violation(path: memberPath, keyword: "additionalProperties", message: "\"\(member.key)\" is not allowed here"))
                } else {
                    validate(member.value, against: additional, path: memberPath, into: &out)
                }
            }
        }
    }

    private func validateItems(_ items: [JSONValue], schema: JSONValue, path: String, into out: inout [Violation]) {
        let prefix = schema["prefixItems"]?.items ?? []
        for (i, item) in items.enumerated() {
            let itemPath = path + "/\(i)"
            if i < prefix.count {
                validate(item, against: prefix[i], path: itemPath, into: &out)
            } else if let rest = schema["items"] {
                if case .bool(false) = rest {
                    out.append(Violation(path: itemPath, keyword: "items", message: "no item is allowed after the first \(prefix.count)"))
                } else {
                    validate(item, against: rest, path: itemPath, into: &out)
                }
            }
        }
    }

    static func isOfType(_ value: JSONValue, _ name: String) -> Bool {
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            return true
        case ("integer", .number(let x, _)):
            return x == x.rounded()
        default:
            return false
        }
    }

    /// The value for a message, cut short.
    private func short(_ value: JSONValue) -> String {
        let text = value.description
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
