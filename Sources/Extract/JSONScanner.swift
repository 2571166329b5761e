import ByteCoding

/// A byte-level reader of one JSON object per line that picks out the values at a few dotted
/// paths and skips everything else (nested objects and arrays included) without building it.
/// Strings are decoded (escapes, `\u` surrogate pairs) only when asked for.
struct JSONFieldScanner {
    /// One value found: its kind and its bytes (without the quotes for strings).
    struct Value {
        enum Kind { case string, number, literal }
        var kind: Kind
        var range: Range<Int>
        var escaped: Bool
    }

    /// A trie of the mapped paths: keys at each depth, and the fields (by slot, with priority)
    /// whose path ends at a node.
    final class Node: @unchecked Sendable {
        var key: [UInt8]
        var children: [Node] = []
        /// (slot, priority): lower priority wins.
        var ends: [(slot: Int, priority: Int)] = []
        init(key: [UInt8]) { self.key = key }
    }

    let root = Node(key: [])
    let slots: Int
    static let maxDepth = 32

    /// `paths[slot]` lists the dotted paths of one field, best first.
    init(paths: [[String]]) {
        slots = paths.count
        for (slot, alternatives) in paths.enumerated() {
            for (priority, path) in alternatives.enumerated() {
                var node = root
                for component in path.split(separator: ".") {
                    let key = Array(component.utf8)
                    if let child = node.children.first(where: { $0.key == key }) {
                        node = child
                    } else {
                        let child = Node(key: key)
                        node.children.append(child)
                        node = child
                    }
                }
                node.ends.append((slot, priority))
            }
        }
    }

    /// Fills `values` (one per slot, `nil` when absent) and `priorities`; false when the line is
    /// not one well-formed JSON object.
    func scan(_ b: UnsafeRawBufferPointer, values: inout [Value?], priorities: inout [Int]) -> Bool {
        for k in 0..<slots { values[k] = nil; priorities[k] = .max }
        var i = 0
        let n = b.count
        skipSpace(b, &i)
        guard i < n, b[i] == 0x7B else { return false }
        guard scanObject(b, &i, node: root, depth: 0, values: &values, priorities: &priorities) else { return false }
        skipSpace(b, &i)
        return i == n
    }

    @inline(__always) private func skipSpace(_ b: UnsafeRawBufferPointer, _ i: inout Int) {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A else { return }
            i += 1
        }
    }

    /// At `{`: reads the object, capturing the values whose paths lead through `node`.
    private func scanObject(_ b: UnsafeRawBufferPointer, _ i: inout Int, node: Node?, depth: Int,
                            values: inout [Value?], priorities: inout [Int]) -> Bool {
        guard depth < Self.maxDepth else { return false }
        i += 1
        skipSpace(b, &i)
        if i < b.count, b[i] == 0x7D { i += 1; return true }
        while true {
            skipSpace(b, &i)
            guard i < b.count, b[i] == 0x22, let (key, _) = string(b, &i) else { return false }
            skipSpace(b, &i)
            guard i < b.count, b[i] == 0x3A else { return false }
            i += 1
            skipSpace(b, &i)
            guard i < b.count else { return false }
            var child: Node? = nil
            if let node {
                let keyBytes = UnsafeRawBufferPointer(rebasing: b[key])
                for c in node.children where c.key.count == keyBytes.count && c.key.elementsEqual(keyBytes) {
                    child = c
                    break
                }
            }
            let start = i
            if b[i] == 0x7B {
                guard scanObject(b, &i, node: (child?.children.isEmpty ?? true) ? nil : child, depth: depth + 1,
                                 values: &values, priorities: &priorities) else { return false }
            } else if b[i] == 0x5B {
                guard skipArray(b, &i, depth: depth + 1) else { return false }
            } else if b[i] == 0x22 {
                guard let (range, escaped) = string(b, &i) else { return false }
                if let child { capture(child, Value(kind: .string, range: range, escaped: escaped), &values, &priorities) }
            } else {
                guard scalar(b, &i) else { return false }
                if let child {
                    let kind: Value.Kind = (b[start] == 0x2D || (b[start] >= 0x30 && b[start] <= 0x39)) ? .number : .literal
                    capture(child, Value(kind: kind, range: start..<i, escaped: false), &values, &priorities)
                }
            }
            skipSpace(b, &i)
            guard i < b.count else { return false }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; return true }
            return false
        }
    }

    @inline(__always) private func capture(_ node: Node, _ value: Value, _ values: inout [Value?], _ priorities: inout [Int]) {
        for end in node.ends where end.priority < priorities[end.slot] {
            values[end.slot] = value
            priorities[end.slot] = end.priority
        }
    }

    private func skipArray(_ b: UnsafeRawBufferPointer, _ i: inout Int, depth: Int) -> Bool {
        guard depth < Self.maxDepth else { return false }
        i += 1
        skipSpace(b, &i)
        if i < b.count, b[i] == 0x5D { i += 1; return true }
        var unused: [Value?] = []
        var unusedP: [Int] = []
        while true {
            skipSpace(b, &i)
            guard i < b.count else { return false }
            switch b[i] {
            case 0x7B: guard scanObject(b, &i, node: nil, depth: depth + 1, values: &unused, priorities: &unusedP) else { return false }
            case 0x5B: guard skipArray(b, &i, depth: depth + 1) else { return false }
            case 0x22: guard string(b, &i) != nil else { return false }
            default: guard scalar(b, &i) else { return false }
            }
            skipSpace(b, &i)
            guard i < b.count else { return false }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x5D { i += 1; return true }
            return false
        }
    }

    /// At `"`: the range inside the quotes and whether it holds escapes.
    private func string(_ b: UnsafeRawBufferPointer, _ i: inout Int) -> (Range<Int>, Bool)? {
        i += 1
        let start = i
        var escaped = false
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x22 { let r = start..<i; i += 1; return (r, escaped) }
            if c == 0x5C { escaped = true; i += 2; continue }
            if c < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    /// A number, `true`, `false` or `null`.
    private func scalar(_ b: UnsafeRawBufferPointer, _ i: inout Int) -> Bool {
        let start = i
        while i < b.count {
            let c = b[i]
            let ok = (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45
                || (c >= 0x61 && c <= 0x7A)
            guard ok else { break }
            i += 1
        }
        guard i > start else { return false }
        let first = b[start]
        if first >= 0x61 && first <= 0x7A {
            let word = UnsafeRawBufferPointer(rebasing: b[start..<i])
            return word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
        }
        return true
    }

    /// Decodes a JSON string's escapes into `out` (which must have room for `raw.count` bytes:
    /// decoding never grows a string); returns the decoded length, or `nil` for a bad escape.
    static func unescape(_ raw: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer) -> Int? {
        var i = 0
        var o = 0
        let n = raw.count
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= n else { return nil }
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                guard let d = PercentDecoding.hexValue(raw[k]) else { return nil }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while i < n {
            let c = raw[i]
            if c != 0x5C { out.storeBytes(of: c, toByteOffset: o, as: UInt8.self); o += 1; i += 1; continue }
            guard i + 1 < n else { return nil }
            let e = raw[i + 1]
            i += 2
            var byte: UInt8
            switch e {
            case 0x22, 0x5C, 0x2F: byte = e
            case 0x62: byte = 0x08
            case 0x66: byte = 0x0C
            case 0x6E: byte = 0x0A
            case 0x72: byte = 0x0D
            case 0x74: byte = 0x09
            case 0x75:
                guard var scalar = hex4(i) else { return nil }
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 6 <= n, raw[i] == 0x5C, raw[i + 1] == 0x75, let low = hex4(i + 2),
                          low >= 0xDC00 && low < 0xE000 else { return nil }
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    return nil
                }
                // UTF-8 of the scalar: never longer than its 6- or 12-byte escape
                guard let u = Unicode.Scalar(scalar) else { return nil }
                for unit in UTF8.encode(u)! {
                    out.storeBytes(of: unit, toByteOffset: o, as: UInt8.self); o += 1
                }
                continue
            default: return nil
            }
            out.storeBytes(of: byte, toByteOffset: o, as: UInt8.self)
            o += 1
        }
        return o
    }
}
