/// JSON text written while compact bytes are read (`CompactDecoder.json`), indented by two
/// spaces a level: the values in the order the bytes hold them, so the text is as deterministic as
/// the bytes.
final class JSONTrace {
    private(set) var out: [UInt8] = []
    /// The open objects and arrays, each with how many items it has so far.
    private var levels: [(object: Bool, items: Int)] = []
    /// A key was just written: the next value is its value, with no separator before it.
    private var afterKey = false

    func open(object: Bool) {
        beforeValue()
        out.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        levels.append((object, 0))
    }

    func close() {
        guard let last = levels.popLast() else { return }
        if last.items > 0 { newline() }
        out.append(last.object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    func key(_ name: String) {
        separator()
        quoted(name)
        out.append(contentsOf: ": ".utf8)
        afterKey = true
    }

    func scalar(_ text: String) {
        beforeValue()
        out.append(contentsOf: text.utf8)
    }

    func number(_ v: Double) {
        // JSON has no infinities and no NaN.
        scalar(v.isFinite ? "\(v)" : "null")
    }

    func string(_ s: String) {
        beforeValue()
        quoted(s)
    }

    private func beforeValue() {
        if afterKey { afterKey = false } else { separator() }
    }

    private func separator() {
        guard !levels.isEmpty else { return }
        if levels[levels.count - 1].items > 0 { out.append(UInt8(ascii: ",")) }
        levels[levels.count - 1].items += 1
        newline()
    }

    private func newline() {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * levels.count))
    }

    private func quoted(_ s: String) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
