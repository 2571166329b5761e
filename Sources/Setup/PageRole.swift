import JourneysCore

/// The part a pattern of pages plays in the shop, as the evidence of the log shows it.
package enum PageRole: String, Sendable, CaseIterable {
    case home, category, search, product, addToCart, cart, checkout, confirmation, account, page

    /// The touchpoint name a rule of this role gets; `page` takes a name from the pattern's words.
    package var touchpoint: String? {
        switch self {
        case .home: "Home"
        case .category: "Category"
        case .search: "Search"
        case .product: "Product"
        case .addToCart: "Add to cart"
        case .cart: "Cart"
        case .checkout: "Checkout"
        case .confirmation: "Order confirmation"
        case .account: "Account"
        case .page: nil
        }
    }

    package var phase: Phase {
        switch self {
        case .home: .awareness
        case .category, .search, .product, .page: .consideration
        case .addToCart, .cart, .checkout, .confirmation: .purchase
        case .account: .retention
        }
    }

    package var funnelStep: FunnelStep? {
        switch self {
        case .product: .productView
        case .addToCart: .addToCart
        case .checkout: .checkout
        case .confirmation: .purchase
        default: nil
        }
    }
}

/// Words that hint at a role, English and German: consulted only to break a tie between
/// patterns the structure of the log could not tell apart, never to name a pattern alone.
package enum RoleWords {
    static let orderKeys: Set<String> = ["order", "order_id", "orderid", "oid", "order_number", "ordernumber", "transaction",
                                         "transaction_id", "bestellung", "bestellnummer", "auftrag", "auftragsnummer"]
    static let valueKeys: Set<String> = ["value", "total", "revenue", "amount", "sum", "grand_total", "price",
                                         "wert", "summe", "betrag", "gesamt", "gesamtsumme", "umsatz"]
    static let searchKeys: Set<String> = ["q", "search", "s", "suche", "query", "term", "k", "keyword", "keywords",
                                          "search_query", "suchbegriff", "sSearch"]
    static let search: Set<String> = ["search", "suche", "recherche", "searchresults", "suchergebnisse"]
    static let cart: Set<String> = ["cart", "basket", "bag", "warenkorb", "einkaufswagen", "panier", "carrello"]
    static let add: Set<String> = ["add", "hinzufuegen", "add-to-cart", "addtocart", "line-item"]
    static let account: Set<String> = ["account", "my-account", "myaccount", "customer", "konto", "mein-konto",
                                       "kundenkonto", "profile", "profil", "login", "anmelden"]

    /// Whether a query parameter's name speaks of an order (`order`, `id_order`, `orderId`, `bestellnr`).
    static func namesOrder(_ key: String) -> Bool {
        let k = key.lowercased()
        return orderKeys.contains(k) || ["order", "bestell", "auftrag", "transaction"].contains { k.contains($0) }
    }

    /// Whether any literal word of `pattern` is in `words` (case-insensitive).
    static func mentions(_ pattern: PathPattern, _ words: Set<String>) -> Bool {
        pattern.words.contains { words.contains($0.lowercased()) }
    }
}
