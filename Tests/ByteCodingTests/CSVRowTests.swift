import ByteCoding
import Testing

/// The one CSV reader: field ranges for Extract's hot path, text for History's order table.
@Suite struct CSVRowTests {
    @Test func fieldRanges() {
        var fields: [CSVRow.Field] = []
        func split(_ s: String) -> [String]? {
            Array(s.utf8).withUnsafeBytes { b in
                guard CSVRow.split(b, separator: UInt8(ascii: ","), into: &fields) else { return nil }
                return fields.map { f in
                    var out = [UInt8](repeating: 0, count: f.range.count)
                    let n = out.withUnsafeMutableBytes { CSVRow.collapseQuotes(UnsafeRawBufferPointer(rebasing: b[f.range]), into: $0.baseAddress!) }
                    return String(decoding: out[0..<n], as: UTF8.self)
                }
            }
        }
        #expect(split("a,b,c") == ["a", "b", "c"])
        #expect(split("a,,") == ["a", "", ""])
        #expect(split(#""x, y","say ""hi""",z"#) == ["x, y", #"say "hi""#, "z"])
        #expect(split(#""open,b"#) == nil)
        #expect(split(#""a"b,c"#) == nil)
    }

    @Test func fieldsAsText() {
        func split(_ s: String) -> [String]? { Array(s.utf8).withUnsafeBytes { CSVRow.fields($0, separator: UInt8(ascii: ",")) } }
        #expect(split("a,b,,c") == ["a", "b", "", "c"])
        #expect(split("a,") == ["a", ""])
        #expect(split("") == [""])
        #expect(split("\"a,b\",\"\",\"say \"\"hi\"\"\"") == ["a,b", "", "say \"hi\""])
        #expect(split("\"open") == nil)
        #expect(split("\"a\"b,c") == nil)
    }

    @Test func separatorOtherThanComma() {
        #expect(Array("a;\"b;c\";".utf8).withUnsafeBytes { CSVRow.fields($0, separator: UInt8(ascii: ";")) } == ["a", "b;c", ""])
    }
}
