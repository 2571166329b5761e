/// Reads what `CompactEncoder` wrote (its doc comment describes the layout) back into the same
/// `Codable` type.
///
/// The bytes may come from anywhere, so every read is checked: a length or count beyond the
/// bytes left, a varint of more than 64 bits, a string that is not UTF-8, a field other than the
/// one the type reads next, a dictionary's keys out of order or given twice, or bytes after the
/// value stop the decoding with a `CompactDecodingError` naming the byte offset. No count is
/// trusted beyond the bytes that could hold it (every element takes a byte at least), nor to
/// reserve more memory than a small multiple of them.
package struct CompactDecoder {
    package init() {}

    package func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decode(type, from: bytes, trace: nil)
    }

    /// The value read as `T`, written as JSON for people, in the order the bytes hold it: a
    /// record as an object, a dictionary keyed by strings as an object, any other dictionary as
    /// an array of [key, value] pairs, nil as null. So the JSON is as deterministic as the bytes.
    package func json<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> [UInt8] {
        let trace = JSONTrace()
        _ = try decode(type, from: bytes, trace: trace)
        return trace.out + [0x0A]
    }

    private func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], trace: JSONTrace?) throws -> T {
        let reader = CompactReader(bytes)
        let names = try reader.readCount()
        reader.keyNames.reserveCapacity(reader.capacity(for: names, stride: MemoryLayout<String>.stride))
        for _ in 0..<names { reader.keyNames.append(try reader.readString()) }
        reader.trace = trace
        let value = try reader.decodeValue(T.self)
        guard reader.position == bytes.count else {
            throw reader.failure("\(bytes.count - reader.position) bytes after the end of the value")
        }
        return value
    }
}

/// Why compact bytes could not be read, and where.
package struct CompactDecodingError: Error, CustomStringConvertible {
    /// The offset of the byte the decoding stopped at.
    package var offset: Int
    package var reason: String
    package var description: String { "at byte \(offset): \(reason)" }
}

/// A value that the compact coder reads itself rather than through its `Decodable` conformance
/// (see `CompactEncodable`).
protocol CompactDecodable {
    static func decodeCompact(from reader: CompactReader) throws -> Self
}

/// The state of one decoding: the bytes, where it is in them, and the key table.
final class CompactReader: Decoder {
    let bytes: [UInt8]
    var position = 0
    var keyNames: [String] = []
    /// The container the value being decoded opened.
    var opened = OpenedContainer.none
    /// Where the values read are written as JSON, when they are.
    var trace: JSONTrace?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - position }

    func failure(_ reason: String, at offset: Int? = nil) -> CompactDecodingError {
        CompactDecodingError(offset: offset ?? position, reason: reason)
    }

    // MARK: values

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let special = T.self as? any CompactDecodable.Type {
            return try special.decodeCompact(from: self) as! T
        }
        let outer = opened
        opened = .none
        let value: T
        do {
            value = try T(from: self)
        } catch let error as DecodingError {
            // The type's own check (an enum's unknown raw value, say): said with the place.
            throw failure(Self.reason(error))
        }
        if opened != .none {
            let at = position
            let end = try readUnsigned()
            guard end == 0 else {
                throw failure("a field \(fieldName(end).map { "'\($0)'" } ?? "numbered \(end)") that \(T.self) does not read", at: at)
            }
            trace?.close()
        }
        opened = outer
        return value
    }

    func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw failure("the bytes end in the middle of a value") }
        defer { position += 1 }
        return bytes[position]
    }

    func readBool() throws -> Bool {
        let at = position
        switch try readByte() {
        case 0: trace?.scalar("false"); return false
        case 1: trace?.scalar("true"); return true
        case let b: throw failure("\(b) where a Bool (0 or 1) was expected", at: at)
        }
    }

    func readUnsigned() throws -> UInt64 {
        let at = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            if shift == 63, b > 1 { throw failure("a varint of more than 64 bits", at: at) }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    func readSigned() throws -> Int64 {
        let z = try readUnsigned()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    func readFixed<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let size = MemoryLayout<I>.size
        guard remaining >= size else { throw failure("the bytes end in the middle of a value") }
        var v = I.zero
        for i in 0..<size { v |= I(truncatingIfNeeded: bytes[position + i]) << (8 * i) }
        position += size
        return v
    }

    func readInteger<I: FixedWidthInteger & SignedInteger>(_ type: I.Type) throws -> I {
        let at = position
        let v = try readSigned()
        guard let i = I(exactly: v) else { throw failure("\(v) does not fit in \(I.self)", at: at) }
        trace?.scalar(String(i))
        return i
    }

    func readUnsignedInteger<I: FixedWidthInteger & UnsignedInteger>(_ type: I.Type) throws -> I {
        let at = position
        let v = try readUnsigned()
        guard let i = I(exactly: v) else { throw failure("\(v) does not fit in \(I.self)", at: at) }
        trace?.scalar(String(i))
        return i
    }

    func readUInt64() throws -> UInt64 {
        let v = try readFixed(UInt64.self)
        trace?.scalar(String(v))
        return v
    }

    func readDouble() throws -> Double {
        let v = Double(bitPattern: try readFixed(UInt64.self))
        trace?.number(v)
        return v
    }

    func readFloat() throws -> Float {
        let v = Float(bitPattern: try readFixed(UInt32.self))
        trace?.number(Double(v))
        return v
    }

    /// A count of elements, each of which takes a byte at least: never more than the bytes left.
    func readCount() throws -> Int {
        let at = position
        let n = try readUnsigned()
        guard n <= UInt64(remaining) else {
            throw failure("a length of \(n) where only \(remaining) bytes are left", at: at)
        }
        return Int(n)
    }

    func readString() throws -> String {
        let at = position
        let n = try readCount()
        let utf8 = bytes[position..<(position + n)]
        let s = String(decoding: utf8, as: UTF8.self)
        // Decoding replaces what is not UTF-8: the bytes are UTF-8 when nothing was replaced.
        guard s.utf8.elementsEqual(utf8) else { throw failure("a string that is not UTF-8", at: at) }
        position += n
        return s
    }

    func readStringValue() throws -> String {
        let s = try readString()
        trace?.string(s)
        return s
    }

    // MARK: fields

    func fieldName(_ number: UInt64) -> String? {
        number >= 1 && number <= UInt64(keyNames.count) ? keyNames[Int(number - 1)] : nil
    }

    /// Whether the next field is `key`, without reading it.
    func nextField(is key: some CodingKey) -> Bool {
        let at = position
        defer { position = at }
        guard let number = try? readUnsigned(), let name = fieldName(number) else { return false }
        return name == key.stringValue
    }

    /// Reads the next field's number, which must be `key`'s.
    func expectField(_ key: some CodingKey) throws {
        let at = position
        let number = try readUnsigned()
        let wanted = key.stringValue
        guard let name = fieldName(number), name == wanted else {
            let found = number == 0 ? "the end of the record" : fieldName(number).map { "field '\($0)'" } ?? "field number \(number), not in the key table"
            throw failure("\(found) where field '\(wanted)' was expected", at: at)
        }
        trace?.key(name)
    }

    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            c.debugDescription
        @unknown default:
            "\(error)"
        }
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard opened != .unkeyed else { throw failure("a keyed and an unkeyed container in one value") }
        if opened == .none { trace?.open(object: true) }
        opened = .keyed
        return KeyedDecodingContainer(CompactKeyedDecoding<Key>(reader: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard opened != .keyed else { throw failure("a keyed and an unkeyed container in one value") }
        if opened == .none { trace?.open(object: false) }
        opened = .unkeyed
        return CompactUnkeyedDecoding(reader: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { CompactSingleValueDecoding(reader: self) }
}

struct CompactKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }
    /// Not known without reading on: the fields are read in order.
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { reader.nextField(is: key) }
    /// A nil field is left out: absent is nil.
    func decodeNil(forKey key: Key) throws -> Bool { !reader.nextField(is: key) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.expectField(key); return try reader.readBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.expectField(key); return try reader.readStringValue() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.expectField(key); return try reader.readDouble() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try reader.expectField(key); return try reader.readFloat() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.expectField(key); return try reader.readInteger(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.expectField(key); return try reader.readInteger(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader.expectField(key); return try reader.readInteger(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.expectField(key); return try reader.readInteger(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.expectField(key); return try reader.readInteger(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.expectField(key); return try reader.readUnsignedInteger(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader.expectField(key); return try reader.readUnsignedInteger(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader.expectField(key); return try reader.readUnsignedInteger(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader.expectField(key); return try reader.readUnsignedInteger(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader.expectField(key); return try reader.readUInt64() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader.expectField(key); return try reader.decodeValue(T.self) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw reader.failure("nested containers are not supported")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw reader.failure("nested containers are not supported")
    }
    func superDecoder() throws -> any Decoder { throw reader.failure("super decoders are not supported") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw reader.failure("super decoders are not supported") }
}

/// An unkeyed container other than the collections the format knows: each element after a byte
/// 1, a 0 at the end (which the value's end reads).
struct CompactUnkeyedDecoding: UnkeyedDecodingContainer {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }
    var count: Int? { nil }
    private(set) var currentIndex = 0

    init(reader: CompactReader) { self.reader = reader }

    var isAtEnd: Bool { reader.position >= reader.bytes.count || reader.bytes[reader.position] == 0 }

    mutating func decodeNil() throws -> Bool { throw reader.failure("nil outside an Optional is not supported") }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let at = reader.position
        guard try reader.readByte() == 1 else { throw reader.failure("a sequence's element does not begin with 1", at: at) }
        currentIndex += 1
        return try reader.decodeValue(T.self)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw reader.failure("nested containers are not supported")
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw reader.failure("nested containers are not supported")
    }
    mutating func superDecoder() throws -> any Decoder { throw reader.failure("super decoders are not supported") }
}

struct CompactSingleValueDecoding: SingleValueDecodingContainer {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }

    /// Optionals are read by the coder itself (a byte before the value), never through here.
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.readBool() }
    func decode(_ type: String.Type) throws -> String { try reader.readStringValue() }
    func decode(_ type: Double.Type) throws -> Double { try reader.readDouble() }
    func decode(_ type: Float.Type) throws -> Float { try reader.readFloat() }
    func decode(_ type: Int.Type) throws -> Int { try reader.readInteger(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.readInteger(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.readInteger(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.readInteger(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.readInteger(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.readUnsignedInteger(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.readUnsignedInteger(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.readUnsignedInteger(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.readUnsignedInteger(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.readUInt64() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decodeValue(T.self) }
}
