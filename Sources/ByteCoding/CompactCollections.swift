// The values the compact coder writes and reads itself (see `CompactEncoder`): collections with
// their count first, hashed collections in the order of their keys' encoded bytes, and optionals
// with a byte saying whether a value follows.

extension Optional: CompactEncodable where Wrapped: Encodable {
    func encodeCompact(to writer: CompactWriter) throws {
        switch self {
        case .none: writer.bytes.append(0)
        case .some(let v): writer.bytes.append(1); try writer.encodeValue(v)
        }
    }
}

extension Optional: CompactDecodable where Wrapped: Decodable {
    static func decodeCompact(from reader: CompactReader) throws -> Self {
        let at = reader.position
        switch try reader.readByte() {
        case 0: reader.trace?.scalar("null"); return nil
        case 1: return try reader.decodeValue(Wrapped.self)
        case let b: throw reader.failure("\(b) where an optional's 0 or 1 was expected", at: at)
        }
    }
}

extension Array: CompactEncodable where Element: Encodable {
    func encodeCompact(to writer: CompactWriter) throws {
        writer.writeUnsigned(UInt64(count))
        for e in self { try writer.encodeValue(e) }
    }
}

extension Array: CompactDecodable where Element: Decodable {
    static func decodeCompact(from reader: CompactReader) throws -> Self {
        let n = try reader.readCount()
        var out: [Element] = []
        out.reserveCapacity(reader.capacity(for: n, stride: MemoryLayout<Element>.stride))
        reader.trace?.open(object: false)
        for _ in 0..<n { out.append(try reader.decodeValue(Element.self)) }
        reader.trace?.close()
        return out
    }
}

extension Set: CompactEncodable where Element: Encodable {
    func encodeCompact(to writer: CompactWriter) throws {
        let elements = Array(self)
        try writer.writeSorted(count: elements.count) { i, keyEnd in
            try writer.encodeValue(elements[i])
            keyEnd = writer.bytes.count
        }
    }
}

extension Set: CompactDecodable where Element: Decodable {
    static func decodeCompact(from reader: CompactReader) throws -> Self {
        let n = try reader.readCount()
        var out = Set(minimumCapacity: reader.capacity(for: n, stride: MemoryLayout<Element>.stride))
        var previous: Range<Int>? = nil
        reader.trace?.open(object: false)
        for _ in 0..<n {
            let start = reader.position
            let e = try reader.decodeValue(Element.self)
            try reader.checkOrder(&previous, start..<reader.position, of: "a set's elements")
            out.insert(e)
        }
        reader.trace?.close()
        return out
    }
}

extension Dictionary: CompactEncodable where Key: Encodable, Value: Encodable {
    func encodeCompact(to writer: CompactWriter) throws {
        let entries = Array(self)
        try writer.writeSorted(count: entries.count) { i, keyEnd in
            try writer.encodeValue(entries[i].key)
            keyEnd = writer.bytes.count
            try writer.encodeValue(entries[i].value)
        }
    }
}

extension Dictionary: CompactDecodable where Key: Decodable, Value: Decodable {
    static func decodeCompact(from reader: CompactReader) throws -> Self {
        let n = try reader.readCount()
        var out = Dictionary(minimumCapacity: reader.capacity(for: n, stride: MemoryLayout<(Key, Value)>.stride))
        var previous: Range<Int>? = nil
        // For people: keyed by strings, an object; else an array of [key, value] pairs.
        let trace = reader.trace
        let named = Key.self == String.self
        trace?.open(object: named)
        for _ in 0..<n {
            let start = reader.position
            if named { reader.trace = nil } else { trace?.open(object: false) }
            let key = try reader.decodeValue(Key.self)
            reader.trace = trace
            if named { trace?.key(key as! String) }
            try reader.checkOrder(&previous, start..<reader.position, of: "a dictionary's keys")
            out[key] = try reader.decodeValue(Value.self)
            if !named { trace?.close() }
        }
        trace?.close()
        return out
    }
}

extension CompactReader {
    /// The room to reserve for `count` elements of `stride` bytes: all of them, unless that is
    /// more than 16 times the bytes left, which no honest count needs (a collection that does
    /// grows as it is read). So a forged count costs no more memory than a multiple of the file.
    func capacity(for count: Int, stride: Int) -> Int {
        min(count, max(16, 16 * remaining / max(1, stride)))
    }

    /// Requires the encoded bytes at `current` to come after those at `previous` (strictly: a key
    /// given twice is refused as well), then makes `current` the previous.
    func checkOrder(_ previous: inout Range<Int>?, _ current: Range<Int>, of what: String) throws {
        if let p = previous {
            let inOrder = bytes.withUnsafeBufferPointer { all in
                UnsafeBufferPointer(rebasing: all[p]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: all[current]))
            }
            guard inOrder else { throw failure("\(what) are not in the order of their bytes, or one is given twice", at: current.lowerBound) }
        }
        previous = current
    }
}
