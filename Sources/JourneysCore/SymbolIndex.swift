/// The symbol of each string of a table numbered in string order, found by the string's hash:
/// open addressing over 4-byte slots. A `[String: UInt32]` would hold a second reference to
/// every string and its own metadata, three to four times the bytes; the table lives through
/// the whole report, and a shop's logs give it hundreds of thousands of paths, search terms and
/// order ids. Strings are hashed and compared as `String` does (canonically equivalent strings
/// are one), so a lookup finds what a dictionary would.
struct SymbolIndex: Sendable {
    /// Symbol numbers; 0 is an empty slot (symbol 0, the empty string, is never stored).
    private var slots: [UInt32]
    private let mask: Int

    /// The index of `strings`, each string at its position (position 0 is the empty string).
    init(_ strings: [String]) {
        var capacity = 16
        while capacity < strings.count + strings.count / 2 { capacity *= 2 }
        slots = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        for i in strings.indices.dropFirst() {
            var k = strings[i].hashValue & mask
            while slots[k] != 0 { k = (k + 1) & mask }
            slots[k] = UInt32(i)
        }
    }

    /// The position of `string` in `strings` (the array the index was made of), nil when absent.
    func find(_ string: String, in strings: [String]) -> UInt32? {
        if string.isEmpty { return 0 }
        var k = string.hashValue & mask
        while slots[k] != 0 {
            if strings[Int(slots[k])] == string { return slots[k] }
            k = (k + 1) & mask
        }
        return nil
    }
}
