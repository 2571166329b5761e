/// Writes a `Codable` value in a compact binary form that `CompactDecoder` reads back: integers as
/// varints, floating-point numbers and `UInt64` in fixed width, strings with their length before
/// them, records as numbered fields, and every `Dictionary` and `Set` in one order, the order of
/// its keys' (elements') encoded bytes, so the same value gives the same bytes in every process,
/// whatever the hash seed.
///
/// Hand-written because the files it writes are read on a critical path (a sharded run's merge
/// reads every shard's partial file) where decoding JSON was most of the cost, and because no
/// coder at hand writes hashed collections in a fixed order. The layout, which
/// `docs/partial-format.md` describes for readers in other languages:
/// - `Bool`: one byte, 0 or 1. Unsigned integers: LEB128 varints, except `UInt64`, which is
///   8 bytes little-endian (it holds hashes, which fill all 64 bits). Signed integers: zigzag
///   varints (0, -1, 1, -2, ... as 0, 1, 2, 3, ...). `Float`, `Double`: IEEE 754, little-endian.
/// - `String`: its UTF-8 length as a varint, then the bytes.
/// - A record (a keyed container): its fields in the order the type writes them, each the number
///   of its name in the key table (from 1) as a varint, then the value; then a 0. An optional
///   field that is nil is left out.
/// - `Array`: the count as a varint, then the elements. `Set`: the same, elements in the order of
///   their encoded bytes. `Dictionary`: the count, then key and value after key, in the order of
///   the keys' encoded bytes (bytewise, a shorter prefix first), each key once.
/// - `Optional` elsewhere than a record's field: a byte, 0 for nil, 1 followed by the value.
/// - Any other sequence (an unkeyed container): each element after a byte 1, then a 0.
/// - The whole: the key table (a count, then the names as strings), then the value.
package struct CompactEncoder {
    package init() {}

    /// The bytes of `value`: the key table, then the value.
    package func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = CompactWriter()
        try writer.encodeValue(value)
        if let failure = writer.failure { throw failure }
        var out: [UInt8] = []
        out.reserveCapacity(writer.bytes.count + 16 * writer.keyNames.count + 8)
        CompactWriter.appendVarint(UInt64(writer.keyNames.count), to: &out)
        for name in writer.keyNames {
            CompactWriter.appendVarint(UInt64(name.utf8.count), to: &out)
            out.append(contentsOf: name.utf8)
        }
        out.append(contentsOf: writer.bytes)
        return out
    }
}

/// A value that the compact coder writes itself rather than through its `Encodable` conformance:
/// the collections (a fixed order for hashed ones, the count first) and `Optional`.
protocol CompactEncodable {
    func encodeCompact(to writer: CompactWriter) throws
}

/// What a value opened to encode itself, so that its end can be marked.
enum OpenedContainer { case none, keyed, unkeyed }

/// The state of one encoding: the body's bytes and the key table.
final class CompactWriter: Encoder {
    var bytes: [UInt8] = []
    var keyNames: [String] = []
    private var keyNumbers: [String: Int] = [:]
    /// The container the value being encoded opened.
    var opened = OpenedContainer.none
    /// A use of the `Encoder` API this format does not support; thrown at the end.
    var failure: EncodingError?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { bytes.reserveCapacity(1 << 16) }

    // MARK: values

    func encodeValue<T: Encodable>(_ value: T) throws {
        if let special = value as? any CompactEncodable {
            try special.encodeCompact(to: self)
            return
        }
        let outer = opened
        opened = .none
        try value.encode(to: self)
        if opened != .none { bytes.append(0) }
        opened = outer
    }

    func write(_ v: Bool) { bytes.append(v ? 1 : 0) }
    func write(_ v: String) {
        var v = v
        v.withUTF8 { utf8 in
            CompactWriter.appendVarint(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
    func write(_ v: Double) { appendFixed(v.bitPattern) }
    func write(_ v: Float) { appendFixed(v.bitPattern) }
    func write(_ v: UInt64) { appendFixed(v) }
    func writeUnsigned(_ v: UInt64) { CompactWriter.appendVarint(v, to: &bytes) }
    func writeSigned(_ v: Int64) { CompactWriter.appendVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), to: &bytes) }

    func writeField(_ key: some CodingKey) {
        let name = key.stringValue
        let number: Int
        if let known = keyNumbers[name] {
            number = known
        } else {
            keyNames.append(name)
            number = keyNames.count
            keyNumbers[name] = number
        }
        writeUnsigned(UInt64(number))
    }

    private func appendFixed<I: FixedWidthInteger>(_ v: I) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func appendVarint(_ v: UInt64, to out: inout [UInt8]) {
        var v = v
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Writes `count` entries with `write` and puts them in the order of the bytes `writeKey`
    /// wrote for each (the key of a dictionary's entry, a set's element itself).
    func writeSorted(count: Int, _ write: (_ index: Int, _ keyEnd: inout Int) throws -> Void) throws {
        writeUnsigned(UInt64(count))
        let start = bytes.count
        // Each entry's range in `bytes` and where its key ends.
        var entries: [(start: Int, keyEnd: Int, end: Int)] = []
        entries.reserveCapacity(count)
        for i in 0..<count {
            let begin = bytes.count
            var keyEnd = 0
            try write(i, &keyEnd)
            entries.append((begin, keyEnd, bytes.count))
        }
        guard count > 1 else { return }
        let sorted = bytes.withUnsafeBufferPointer { all in
            entries.sorted { a, b in
                let x = UnsafeBufferPointer(rebasing: all[a.start..<a.keyEnd])
                let y = UnsafeBufferPointer(rebasing: all[b.start..<b.keyEnd])
                return x.lexicographicallyPrecedes(y)
            }
        }
        let region = Array(bytes[start...])
        bytes.removeSubrange(start...)
        for e in sorted { bytes.append(contentsOf: region[(e.start - start)..<(e.end - start)]) }
    }

    func unsupported(_ what: String) {
        if failure == nil {
            failure = .invalidValue(what, .init(codingPath: [], debugDescription: "the compact format does not support \(what)"))
        }
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened == .unkeyed { unsupported("a keyed and an unkeyed container in one value") }
        opened = .keyed
        return KeyedEncodingContainer(CompactKeyedEncoding<Key>(writer: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if opened == .keyed { unsupported("a keyed and an unkeyed container in one value") }
        opened = .unkeyed
        return CompactUnkeyedEncoding(writer: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { CompactSingleValueEncoding(writer: self) }
}

struct CompactKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: CompactWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ v: Bool, forKey key: Key) throws { writer.writeField(key); writer.write(v) }
    mutating func encode(_ v: String, forKey key: Key) throws { writer.writeField(key); writer.write(v) }
    mutating func encode(_ v: Double, forKey key: Key) throws { writer.writeField(key); writer.write(v) }
    mutating func encode(_ v: Float, forKey key: Key) throws { writer.writeField(key); writer.write(v) }
    mutating func encode(_ v: Int, forKey key: Key) throws { writer.writeField(key); writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int8, forKey key: Key) throws { writer.writeField(key); writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int16, forKey key: Key) throws { writer.writeField(key); writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int32, forKey key: Key) throws { writer.writeField(key); writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int64, forKey key: Key) throws { writer.writeField(key); writer.writeSigned(v) }
    mutating func encode(_ v: UInt, forKey key: Key) throws { writer.writeField(key); writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt8, forKey key: Key) throws { writer.writeField(key); writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt16, forKey key: Key) throws { writer.writeField(key); writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt32, forKey key: Key) throws { writer.writeField(key); writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt64, forKey key: Key) throws { writer.writeField(key); writer.write(v) }
    mutating func encode<T: Encodable>(_ v: T, forKey key: Key) throws { writer.writeField(key); try writer.encodeValue(v) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported("nested containers")
        return KeyedEncodingContainer(CompactKeyedEncoding<NestedKey>(writer: writer))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.unsupported("nested containers")
        return CompactUnkeyedEncoding(writer: writer)
    }
    mutating func superEncoder() -> any Encoder { writer.unsupported("super encoders"); return writer }
    mutating func superEncoder(forKey key: Key) -> any Encoder { writer.unsupported("super encoders"); return writer }
}

/// An unkeyed container other than the collections the format knows: each element after a byte
/// 1; the value's end writes the closing 0.
struct CompactUnkeyedEncoding: UnkeyedEncodingContainer {
    let writer: CompactWriter
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: CompactWriter) { self.writer = writer }

    mutating func encodeNil() throws { writer.unsupported("nil outside an Optional") }
    mutating func encode<T: Encodable>(_ v: T) throws {
        writer.bytes.append(1)
        try writer.encodeValue(v)
        count += 1
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported("nested containers")
        return KeyedEncodingContainer(CompactKeyedEncoding<NestedKey>(writer: writer))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.unsupported("nested containers")
        return CompactUnkeyedEncoding(writer: writer)
    }
    mutating func superEncoder() -> any Encoder { writer.unsupported("super encoders"); return writer }
}

struct CompactSingleValueEncoding: SingleValueEncodingContainer {
    let writer: CompactWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.unsupported("nil outside an Optional") }
    mutating func encode(_ v: Bool) throws { writer.write(v) }
    mutating func encode(_ v: String) throws { writer.write(v) }
    mutating func encode(_ v: Double) throws { writer.write(v) }
    mutating func encode(_ v: Float) throws { writer.write(v) }
    mutating func encode(_ v: Int) throws { writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int8) throws { writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int16) throws { writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int32) throws { writer.writeSigned(Int64(v)) }
    mutating func encode(_ v: Int64) throws { writer.writeSigned(v) }
    mutating func encode(_ v: UInt) throws { writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt8) throws { writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt16) throws { writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt32) throws { writer.writeUnsigned(UInt64(v)) }
    mutating func encode(_ v: UInt64) throws { writer.write(v) }
    mutating func encode<T: Encodable>(_ v: T) throws { try writer.encodeValue(v) }
}
