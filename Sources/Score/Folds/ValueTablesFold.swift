import Foundation
import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// Tables of values taken from the logs (docs/definitions.md "Entry pages, campaigns, search
/// terms, products"). Keys are the symbols of the logged strings, so partials merge within one
/// symbol table; the strings are looked up and masked in `finish`, before anything leaves score.
struct ValueTablesFold: SectionFold {
    var entryPages = KeyedCounts<Symbol>()
    var campaigns = KeyedCounts<Symbol>()
    var searchTerms = KeyedCounts<Symbol>()
    var products = KeyedCounts<Symbol>()

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        entryPages.nextPerson(); campaigns.nextPerson(); searchTerms.nextPerson(); products.nextPerson()
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            let bought = !visit.orders.isEmpty
            let orders = visit.orders.count, cents = visit.revenueCents
            func sale(_ r: inout RowCounts) {
                r.visits += 1
                if bought { r.purchases += 1; r.orders += orders; r.cents = Cents.add(r.cents, cents) }
            }
            entryPages.add(visit.pages[0]) { r in
                sale(&r)
                if visit.isBounce { r.exits += 1 }
            }
            if let name = visit.campaign?.name, !name.isNone { campaigns.add(name, sale) }
            var searched = Set<Symbol>()
            for mark in visit.searchTerms where context.isSearch[m.touchpoints[Int(mark.page)]] {
                let term = mark.value
                let first = searched.insert(term).inserted
                searchTerms.add(term) { r in if first { sale(&r) } }
            }
            var added = Set<Symbol>(), viewed = Set<Symbol>()
            for (p, tp) in m.touchpoints.enumerated() {
                switch context.stepOf[tp] {
                case .productView?:
                    let product = visit.pages[p]
                    let first = viewed.insert(product).inserted
                    products.add(product) { if first { $0.visits += 1 } }
                case .addToCart? where p > 0 && context.stepOf[m.touchpoints[p - 1]] == .productView:
                    let product = visit.pages[p - 1]
                    added.insert(product)
                    products.touch(product) { $0.carts += 1 }
                default: break
                }
            }
            for product in added {
                products.touch(product) {
                    $0.cartVisits += 1
                    if bought { $0.purchases += 1; $0.orders += orders; $0.cents = Cents.add($0.cents, cents) }
                }
            }
        }
    }

    /// Numbers the tables' symbols anew (a partial's symbols in a merge's table).
    mutating func renumber(_ map: [Symbol]) {
        let f = { (s: Symbol) in map[Int(s.raw)] }
        entryPages.mapKeys(f)
        campaigns.mapKeys(f)
        searchTerms.mapKeys(f)
        products.mapKeys(f)
    }

    mutating func merge(_ o: ValueTablesFold) {
        entryPages.merge(o.entryPages); campaigns.merge(o.campaigns); searchTerms.merge(o.searchTerms); products.merge(o.products)
    }

    mutating func absorb(_ o: inout ValueTablesFold) {
        entryPages.absorb(&o.entryPages); campaigns.absorb(&o.campaigns); searchTerms.absorb(&o.searchTerms); products.absorb(&o.products)
    }

    struct Tables {
        var entryPages: [ValueRow]
        var campaigns: [ValueRow]
        var searchTerms: [ValueRow]
        var products: [ValueRow]
    }

    func finish(_ finishing: inout FinishContext) -> Tables {
        let context = finishing.fold
        let k = context.settings.minPeople
        /// `ofCarts`: the rate counts the visits that added the value to the cart (products), not
        /// the visits with the value: a product's "ordered" is of the visits that added it.
        func rows(_ counts: KeyedCounts<Symbol>, _ name: WithheldTable, limit: Int = 12, ofCarts: Bool = false) -> [ValueRow] {
            // ties by the string, not by the symbol's number (the order strings were first seen)
            let (all, withheld) = counts.candidates(limit, k: k)
            finishing.withhold(withheld, in: name)
            let top = all.map { (key: context.symbols[$0.key], counts: $0.counts) }
                .sorted { $0.counts.n != $1.counts.n ? $0.counts.n > $1.counts.n : $0.key < $1.key }
                .prefix(limit)
            return top.map { key, c in
                ValueRow(value: Redactor.redact(key, limit: 120), visits: c.visits, people: c.people, views: c.n, bounces: c.exits, carts: c.carts,
                         cartVisits: c.cartVisits, purchases: c.purchases, orders: c.orders, revenue: Double(c.cents) / 100,
                         conversionRate: ratio(c.purchases, ofCarts ? c.cartVisits : c.visits) ?? 0)
            }
        }
        return Tables(entryPages: rows(entryPages, .entryPages), campaigns: rows(campaigns, .campaigns),
                      searchTerms: rows(searchTerms, .searchTerms, limit: 15), products: rows(products, .products, limit: 15, ofCarts: true))
    }
}

extension ValueTablesFold {
    init(zero context: FoldContext) { self.init() }
}
