import ByteCoding
import Testing

/// The compact binary coder: what it writes byte for byte, that every value comes back, that
/// hashed collections come out in one order, and that damaged or forged bytes fail with an
/// error rather than a crash or a wrong value.
@Suite struct CompactCodingTests {
    enum Colour: String, Codable, Hashable { case red, green }

    struct Key: Codable, Hashable { var a: Int; var b: String }

    struct Record: Codable, Equatable {
        var flag = true
        var small: Int8 = -3
        var count = 300
        var big = Int64.min
        var symbol: UInt32 = 70_000
        var hash: UInt64 = 0xDEAD_BEEF_0000_0001
        var ratio = 0.1
        var single: Float = -2.5
        var text = "café ü"
        var missing: Int? = nil
        var present: String? = "x"
        var colour = Colour.green
        var list: [Int?] = [1, nil, -1]
        var byNumber: [Int: Int] = [5: 1, -7: 2, 300: 3]
        var byName: [String: [Int]] = ["b": [1], "a": [], "": [2, 3]]
        var byKey: [Key: Colour] = [Key(a: 1, b: "x"): .red, Key(a: -1, b: ""): .green]
        var nested: [Int: [Int32: Int]] = [1: [2: 3, -4: 5], 0: [:]]
        var weeks: Set<Int> = [20_000, 19_993, 7]
        var range = 1...9
    }

    func encode<T: Encodable>(_ v: T) throws -> [UInt8] { try CompactEncoder().encode(v) }
    func decode<T: Decodable>(_ t: T.Type, _ b: [UInt8]) throws -> T { try CompactDecoder().decode(t, from: b) }

    @Test func everyKindOfValueComesBack() throws {
        let r = Record()
        #expect(try decode(Record.self, try encode(r)) == r)
        var other = Record()
        other.missing = 0
        other.present = nil
        other.list = []
        other.weeks = []
        #expect(try decode(Record.self, try encode(other)) == other)
    }

    @Test func writesTheDocumentedLayout() throws {
        struct Small: Codable { var a = -1; var b = "hi"; var c: Int? = nil; var d: [UInt8: Bool] = [2: true, 1: false] }
        #expect(try encode(Small()) == [
            3, 1, 0x61, 1, 0x62, 1, 0x64,   // key table: a, b, d (c is nil: never written)
            1, 1,                           // a: -1 zigzagged
            2, 2, 0x68, 0x69,               // b: "hi"
            3, 2, 1, 0, 2, 1,               // d: two entries, keys in byte order
            0,                              // the record's end
        ])
        #expect(try encode(UInt64(1)) == [0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(try encode(300) == [0, 0xD8, 0x04])
        #expect(try encode(1.0) == [0, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        #expect(try encode([Int?.none, 5]) == [0, 2, 0, 1, 10])
    }

    @Test func hashedCollectionsComeOutInOneOrder() throws {
        // the same contents inserted in other orders and capacities: other iteration orders
        var a: [String: Int] = [:], b = [String: Int](minimumCapacity: 4096)
        var s: Set<Int> = [], t = Set<Int>(minimumCapacity: 4096)
        for i in 0..<500 { a["k\(i)"] = i; s.insert(i * 7919) }
        for i in (0..<500).reversed() { b["k\(i)"] = i; t.insert(i * 7919) }
        #expect(try encode(a) == encode(b))
        #expect(try encode(s) == encode(t))
        #expect(try decode([String: Int].self, try encode(a)) == a)
        #expect(try decode(Set<Int>.self, try encode(s)) == s)
    }

    func failure<T: Decodable>(_ t: T.Type, _ bytes: [UInt8]) -> CompactDecodingError? {
        do {
            _ = try decode(t, bytes)
            return nil
        } catch let e as CompactDecodingError {
            return e
        } catch {
            Issue.record("not a CompactDecodingError: \(error)")
            return nil
        }
    }

    @Test func everyCutOfTheBytesFails() throws {
        let bytes = try encode(Record())
        for n in 0..<bytes.count {
            #expect(failure(Record.self, Array(bytes[..<n])) != nil, "cut at \(n) of \(bytes.count)")
        }
        let longer = bytes + [0]
        #expect(failure(Record.self, longer)?.reason == "1 bytes after the end of the value")
    }

    @Test func forgedLengthsFailBeforeAnyAllocation() throws {
        // a count of 2^62 elements, a string of 2^40 bytes, a varint of 80 bits
        let array = failure([Int].self, [0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40, 1, 2])
        #expect(array?.reason.hasPrefix("a length of 4611686018427387904 where only 2 bytes are left") == true, "\(String(describing: array))")
        #expect(array?.offset == 1)
        let string = failure(String.self, [0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x61])
        #expect(string?.reason.hasPrefix("a length of") == true)
        let varint = failure(Int.self, [0] + [UInt8](repeating: 0xFF, count: 10) + [1])
        #expect(varint?.reason == "a varint of more than 64 bits")
        // an honest-looking count of large records: refused at the end of the bytes, not by the allocator
        struct Wide: Codable { var a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0 }
        var forged: [UInt8] = [0, 0xFF, 0xFF, 0x03]
        forged += [UInt8](repeating: 0, count: 65_535)
        #expect(failure([Wide].self, forged) != nil)
    }

    @Test func valuesOutOfPlaceFail() throws {
        struct Two: Codable { var a = 1; var b = 2 }
        struct Swapped: Codable { var b = 1; var a = 2 }
        struct One: Codable { var a = 1 }
        let two = try encode(Two())
        #expect(failure(Swapped.self, two)?.reason == "field 'a' where field 'b' was expected")
        #expect(failure(One.self, two)?.reason == "a field 'b' that One does not read")
        #expect(failure(Bool.self, [0, 2])?.reason == "2 where a Bool (0 or 1) was expected")
        #expect(failure(Int8.self, [0, 0xFE, 0x03])?.reason == "255 does not fit in Int8")
        #expect(failure(String.self, [0, 2, 0xC3, 0x28])?.reason == "a string that is not UTF-8")
        #expect(failure(Colour.self, [0, 4, 0x62, 0x6C, 0x75, 0x65]) != nil)
        #expect(failure(Int?.self, [0, 7]) != nil)
    }

    @Test func tablesOutOfOrderOrWithAKeyTwiceFail() throws {
        // [1: 1, 2: 2] as written, then its entries swapped, then one key twice
        #expect(try encode([1: 1, 2: 2]) == [0, 2, 2, 2, 4, 4])
        #expect(try decode([Int: Int].self, [0, 2, 2, 2, 4, 4]) == [1: 1, 2: 2])
        #expect(failure([Int: Int].self, [0, 2, 4, 4, 2, 2])?.reason.hasPrefix("a dictionary's keys are not in the order") == true)
        #expect(failure([Int: Int].self, [0, 2, 2, 2, 2, 4]) != nil)
        #expect(failure(Set<Int>.self, [0, 2, 2, 2]) != nil)
    }

    @Test func changedBytesNeverCrash() throws {
        let bytes = try encode(Record())
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var failed = 0
        for _ in 0..<2000 {
            var changed = bytes
            for _ in 0..<(1 + next() % 3) { changed[next() % changed.count] = UInt8(truncatingIfNeeded: next()) }
            if failure(Record.self, changed) != nil { failed += 1 }
        }
        // most changes are caught by the layout itself (the file's checksum catches the rest)
        #expect(failed > 1000)
    }

    @Test func nilOutsideAnOptionalIsRefusedWhenWritten() {
        struct Raw: Encodable {
            func encode(to encoder: any Encoder) throws {
                var c = encoder.singleValueContainer()
                try c.encodeNil()
            }
        }
        #expect(throws: EncodingError.self) { _ = try CompactEncoder().encode(Raw()) }
    }

    @Test func readsAsJSONForPeopleInTheBytesOrder() throws {
        struct Small: Codable {
            var a = -1
            var b = "q\"\n"
            var c: Int? = nil
            var d: [UInt8: Bool] = [2: true, 1: false]
            var e: [String: Double] = ["z": 0.5, "y": .infinity]
            var f: [Int?] = [nil, 3]
        }
        let text = String(decoding: try CompactDecoder().json(Small.self, from: try encode(Small())), as: UTF8.self)
        #expect(text == #"""
            {
              "a": -1,
              "b": "q\"\n",
              "d": [
                [
                  1,
                  false
                ],
                [
                  2,
                  true
                ]
              ],
              "e": {
                "y": null,
                "z": 0.5
              },
              "f": [
                null,
                3
              ]
            }

            """#)
    }
}
