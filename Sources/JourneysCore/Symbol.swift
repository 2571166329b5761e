import Foundation

/// A small id standing for a string seen in the logs (a path, a referrer host, a campaign);
/// events carry these instead of strings so that each distinct value is decoded once.
package struct Symbol: Hashable, Comparable, Sendable {
    package var raw: UInt32
    package init(raw: UInt32) { self.raw = raw }
    /// No value (a `-` field, a missing parameter).
    package static let none = Symbol(raw: 0)
    package var isNone: Bool { raw == 0 }
    package static func < (a: Symbol, b: Symbol) -> Bool { a.raw < b.raw }
    package func hash(into hasher: inout Hasher) { hasher.combine(raw) }
    /// See `TableHash`.
    package func _rawHashValue(seed: Int) -> Int { TableHash.mix(UInt64(raw), seed: seed) }
}

/// The strings behind `Symbol`s; filled by extract, read by every later stage. Spellings that
/// `String` takes for one string (canonically equivalent: a composed é, or e and a combining
/// accent) are one symbol; once two spellings have met it shows their composed form, so the
/// spelling shown never depends on which one a thread, shard or partial file read first.
package struct SymbolTable: Sendable {
    package private(set) var strings: [String] = [""]
    /// Each string's number while strings are interned as they are read; nil in a table numbered
    /// in string order (`inStringOrder`), which lives through the whole report and finds its
    /// strings through the smaller `ordered` index instead.
    private var index: [String: UInt32]? = ["": 0]
    private var ordered: SymbolIndex? = nil

    package init() {}

    package var count: Int { strings.count }

    package mutating func intern(_ string: String) -> Symbol {
        if index == nil {
            index = Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, UInt32($0)) })
            ordered = nil
        }
        if let id = index![string] {
            if !Self.sameBytes(strings[Int(id)], string) {
                // another spelling of a string already here (composed é against e and a combining
                // accent): `String` takes them for one. The one shown is their composed form, the
                // same whichever spelling came first, so no split of the logs changes it.
                strings[Int(id)] = string.precomposedStringWithCanonicalMapping
            }
            return Symbol(raw: id)
        }
        let id = UInt32(strings.count)
        strings.append(string)
        index![string] = id
        return Symbol(raw: id)
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    package func lookup(_ string: String) -> Symbol? {
        if let index { return index[string].map(Symbol.init(raw:)) }
        return ordered?.find(string, in: strings).map(Symbol.init(raw:))
    }

    package subscript(symbol: Symbol) -> String { strings[Int(symbol.raw)] }

    /// The same strings numbered in string order, and the new symbol of each old one. Symbols
    /// are numbered as lines are first read, which depends on how the input was split and in
    /// what order it was read; numbered in string order, every order that falls back on symbols
    /// is the same however the run was split (threads, shards, other processes).
    package func inStringOrder() -> (table: SymbolTable, map: [Symbol]) {
        let order = strings.indices.dropFirst().sorted { strings[$0] < strings[$1] }
        var table = SymbolTable()
        table.index = nil
        var map = [Symbol](repeating: .none, count: strings.count)
        table.strings.reserveCapacity(strings.count)
        for i in order {
            map[i] = Symbol(raw: UInt32(table.strings.count))
            table.strings.append(strings[i])
        }
        table.ordered = SymbolIndex(table.strings)
        return (table, map)
    }
}


/// A symbol in a partial file: its number, which the merge maps through the file's strings.
extension Symbol: Codable {
    package init(from decoder: Decoder) throws { raw = try decoder.singleValueContainer().decode(UInt32.self) }
    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(raw)
    }
}
