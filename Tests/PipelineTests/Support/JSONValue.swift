import Foundation

/// A JSON document as written, for the schema checks: numbers keep their literal text (so that
/// their decimals can be counted) and objects their members in order. Parsed strictly by RFC
/// 8259: no NaN or Infinity, no trailing commas, no duplicate keys, nothing after the value.
indirect enum JSONValue: Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// The value and its literal, e.g. `0.0413` or `-1e-05`.
    case number(Double, literal: String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    struct Member: Sendable {
        var key: String
        var value: JSONValue
    }

    /// A member's value by key.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// An element by index.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var number: Double? { if case .number(let x, _) = self { x } else { nil } }
    var members: [Member]? { if case .object(let m) = self { m } else { nil } }
    var items: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var isNull: Bool { if case .null = self { true } else { false } }

    /// The JSON Schema type name: null, boolean, number, string, array or object.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Equality as JSON Schema's `enum` and `const` see it: numbers by value (1 equals 1.0),
    /// objects regardless of member order.
    func jsonEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a, _), .number(let b, _)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.jsonEquals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { m in b.contains { $0.key == m.key && $0.value.jsonEquals(m.value) } }
        default: return false
        }
    }

    /// Short JSON text, for messages.
    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let literal): return literal
        case .string(let s):
            let data = (try? JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .array(let items): return "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { "\(JSONValue.string($0.key)):\($0.value)" }.joined(separator: ",") + "}"
        }
    }

    /// Every value of the document with its JSON pointer (`/kpis/visits/value`), the document
    /// itself first as "".
    func walk(_ path: String = "", _ visit: (String, JSONValue) -> Void) {
        visit(path, self)
        switch self {
        case .array(let items): for (i, item) in items.enumerated() { item.walk(path + "/\(i)", visit) }
        case .object(let members): for m in members { m.value.walk(path + "/" + JSONValue.pointerToken(m.key), visit) }
        default: break
        }
    }

    /// The document with the value at `path` (keys and array indexes) replaced by `value`, added
    /// when the last key is new, or removed when `value` is nil. For tests that break a report
    /// on purpose.
    func setting(_ path: [String], to value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var members):
            if let i = members.firstIndex(where: { $0.key == first }) {
                if rest.isEmpty, value == nil { members.remove(at: i) } else { members[i].value = members[i].value.setting(rest, to: value) }
            } else if rest.isEmpty, let value {
                members.append(Member(key: first, value: value))
            }
            return .object(members)
        case .array(var items):
            guard let i = Int(first), i <= items.count else { return self }
            if i == items.count {
                if rest.isEmpty, let value { items.append(value) }
            } else if rest.isEmpty, value == nil {
                items.remove(at: i)
            } else {
                items[i] = items[i].setting(rest, to: value)
            }
            return .array(items)
        default:
            return self
        }
    }

    /// A key as a JSON pointer token (RFC 6901): `~` as `~0`, `/` as `~1`.
    static func pointerToken(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func parse(_ text: String) throws -> JSONValue { try parse(Array(text.utf8)) }
    static func parse(_ data: Data) throws -> JSONValue { try parse([UInt8](data)) }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.at == bytes.count else { throw parser.error("text after the JSON value") }
        return value
    }
}

struct JSONParseError: Error, CustomStringConvertible {
    var offset: Int
    var message: String
    var description: String { "JSON at byte \(offset): \(message)" }
}

private struct JSONParser {
    let bytes: [UInt8]
    var at = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> JSONParseError { JSONParseError(offset: at, message: message) }

    var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { at += 1 }
    }

    mutating func expect(_ byte: UInt8) throws {
        guard peek == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        at += 1
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 200 else { throw error("nested too deeply") }
        guard let b = peek else { throw error("unexpected end") }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected '\(Character(Unicode.Scalar(b)))' (NaN and Infinity are not JSON)")
        }
    }

    mutating func literal(_ word: String) throws {
        for c in word.utf8 {
            guard peek == c else { throw error("expected \(word)") }
            at += 1
        }
    }

    mutating func object(depth: Int) throws -> JSONValue {
        at += 1
        var members: [JSONValue.Member] = []
        var keys = Set<String>()
        skipSpace()
        if peek == UInt8(ascii: "}") { at += 1; return .object(members) }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a key") }
            let keyAt = at
            let key = try string()
            guard keys.insert(key).inserted else { throw JSONParseError(offset: keyAt, message: "duplicate key \"\(key)\"") }
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            members.append(.init(key: key, value: try value(depth: depth + 1)))
            skipSpace()
            if peek == UInt8(ascii: ",") { at += 1; continue }
            try expect(UInt8(ascii: "}"))
            return .object(members)
        }
    }

    mutating func array(depth: Int) throws -> JSONValue {
        at += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { at += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if peek == UInt8(ascii: ",") { at += 1; continue }
            try expect(UInt8(ascii: "]"))
            return .array(items)
        }
    }

    mutating func digits() -> Int {
        let start = at
        while let b = peek, b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { at += 1 }
        return at - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    mutating func number() throws -> JSONValue {
        let start = at
        if peek == UInt8(ascii: "-") { at += 1 }
        if peek == UInt8(ascii: "0") {
            at += 1
        } else {
            guard digits() > 0 else { throw error("a digit expected") }
        }
        if peek == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw error("a digit expected after the decimal point") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            at += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw error("a digit expected in the exponent") }
        }
        let literal = String(decoding: bytes[start..<at], as: UTF8.self)
        guard let value = Double(literal), value.isFinite else { throw JSONParseError(offset: start, message: "number \(literal) out of range") }
        return .number(value, literal: literal)
    }

    mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek else { throw error("unexpected end in \\u escape") }
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("bad hex digit in \\u escape")
            }
            v = v * 16 + d
            at += 1
        }
        return v
    }

    mutating func string() throws -> String {
        at += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw error("unterminated string") }
            at += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let s = String(validating: out, as: UTF8.self) else { throw error("string is not UTF-8") }
                return s
            case UInt8(ascii: "\\"):
                guard let e = peek else { throw error("unterminated escape") }
                at += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        try literal("\\u")
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("lone high surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("lone surrogate") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw error("bad escape")
                }
            case 0x00..<0x20: throw error("control character in a string")
            default: out.append(b)
            }
        }
    }
}
