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
}
