import JourneysCore

/// Small values remembered per symbol, in an array indexed by the symbol's number: the lookup
/// done for every page view is an index, not a hash. Symbols are numbered densely from 0 by the
/// table that interned them, so the array holds a few bytes per symbol of that table at most.
struct SymbolMemo {
    /// `unknown` until the value of that symbol is set.
    private var values: [Int32] = []
    static let unknown = Int32.min

    subscript(symbol: Symbol) -> Int32 {
        get {
            let i = Int(symbol.raw)
            return i < values.count ? values[i] : Self.unknown
        }
        set {
            let i = Int(symbol.raw)
            if i >= values.count {
                values.append(contentsOf: repeatElement(Self.unknown, count: max(i + 1, values.count * 2) - values.count))
            }
            values[i] = newValue
        }
    }
}
