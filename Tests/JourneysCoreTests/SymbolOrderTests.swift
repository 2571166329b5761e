import JourneysCore
import Testing

/// Symbols numbered in string order: the same numbers whatever order the strings came in.
@Suite struct SymbolOrderTests {
    @Test func stringOrderDoesNotDependOnReadingOrder() {
        var a = SymbolTable(), b = SymbolTable()
        for s in ["/p/b", "/", "/cart", "/p/a"] { _ = a.intern(s) }
        for s in ["/p/a", "/cart", "/", "/p/b"] { _ = b.intern(s) }
        let (ta, ma) = a.inStringOrder(), (tb, _) = b.inStringOrder()
        #expect(ta.strings == ["", "/", "/cart", "/p/a", "/p/b"])
        #expect(ta.strings == tb.strings)
        #expect(ta[ma[Int(a.lookup("/p/b")!.raw)]] == "/p/b")
        #expect(ma[0] == .none)
        #expect(ta.lookup("/cart") == Symbol(raw: 2))
    }

    /// A table in string order finds each of its strings at its number and nothing else, as the
    /// table it came from does, on seeded random strings: shared prefixes, non-ASCII, and two
    /// spellings of é (one code point, or e and a combining accent), which `String` takes for one
    /// string but does not always order consistently against others, so no search by halves
    /// could find them. And it goes on interning.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func orderedTableLooksUpItsStrings(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces = ["/de/p/", "/en/c/", "mantel", "Mäntel", "e\u{301}", "\u{e9}", "-", "104233", "?q=", "z", "ß", "/"]
        var table = SymbolTable(), all: [String] = []
        for _ in 0..<2_000 {
            let s = (0..<(1 + Int(random.below(5)))).map { _ in pieces[Int(random.below(UInt64(pieces.count)))] }.joined()
            all.append(s)
            if random.below(3) > 0 { _ = table.intern(s) }
        }
        let (ordered, map) = table.inStringOrder()
        #expect(ordered.lookup("") == Symbol.none)
        for s in all {
            let before = table.lookup(s)
            #expect(ordered.lookup(s) == before.map { map[Int($0.raw)] })
            if let symbol = ordered.lookup(s) { #expect(ordered[symbol] == s) }
        }
        // interning goes on after the ordering: known strings keep their numbers, new ones follow
        var grown = ordered
        let known = ordered.strings[ordered.count / 2]
        #expect(grown.intern(known) == ordered.lookup(known))
        let new = grown.intern("/a string no piece makes")
        #expect(new == Symbol(raw: UInt32(ordered.count)))
        #expect(grown.lookup("/a string no piece makes") == new)
    }
}
