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

/// Two spellings of one string (a composed é, or e and a combining accent) are one symbol that
/// shows the same spelling whichever came first, so threads, shards and partial files that read
/// them in other orders agree on every byte of the report.
@Suite struct SymbolSpellingTests {
    static let composed = "caf\u{e9}", decomposed = "cafe\u{301}"

    @Test func spellingsThatMetShowTheComposedOneWhicheverCameFirst() {
        var a = SymbolTable(), b = SymbolTable()
        let sa = a.intern(Self.decomposed), sb = b.intern(Self.composed)
        #expect(Array(a[sa].utf8) == Array(Self.decomposed.utf8))
        #expect(a.intern(Self.composed) == sa && b.intern(Self.decomposed) == sb)
        #expect(Array(a[sa].utf8) == Array(Self.composed.utf8))
        #expect(Array(b[sb].utf8) == Array(Self.composed.utf8))
        #expect(a.count == 2 && b.count == 2)
    }

    @Test func aSpellingAloneIsShownAsItCame() {
        var t = SymbolTable()
        let s = t.intern(Self.decomposed)
        #expect(t.intern(Self.decomposed) == s)
        #expect(Array(t[s].utf8) == Array(Self.decomposed.utf8))
    }

    /// Tables merged as partial files are (each one's strings interned into the run's) end in the
    /// same bytes in every order of the parts.
    @Test func mergedTablesAgreeInEveryOrder() {
        let parts = [[Self.decomposed, "/p/a"], ["/p/a", Self.composed], ["e\u{301}t\u{e9}", "\u{e9}te\u{301}"]]
        var results: Set<[[UInt8]]> = []
        for order in [[0, 1, 2], [1, 0, 2], [2, 1, 0], [2, 0, 1]] {
            var run = SymbolTable()
            for i in order { for s in parts[i] { _ = run.intern(s) } }
            results.insert(run.inStringOrder().table.strings.map { Array($0.utf8) })
        }
        #expect(results.count == 1)
        #expect(results.first?.count == 4)
    }
}
