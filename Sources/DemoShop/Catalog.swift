/// The demo shop's assortment and the fixed vocabulary of its URLs.
///
/// Exists so every URL the generator writes comes from one place that matches the URL scheme
/// the pipeline configuration maps (`/p/<slug>`, `/c/<category>`, `/checkout/...`). Nothing here
/// is random; popularity weights make a few products the bestsellers.
package enum Catalog {
    /// One product: its slug (`/p/<slug>`), category and price.
    package struct Product: Sendable {
        package let slug: String
        package let category: String
        package let priceCents: Int
        /// Size of its `/img/p/<slug>.jpg`, fixed per product.
        package let imageBytes: Int
    }

    package static let host = "https://shop.example.com"

    package static let categories = ["jackets", "shoes", "knitwear", "trousers", "accessories"]
    /// How often each category is browsed (autumn: jackets and knitwear lead).
    package static let categoryWeights: [Double] = [3.0, 2.2, 2.4, 1.5, 1.2]

    package static let products: [Product] = {
        let raw: [(String, String, Int)] = [
            ("nordlys-parka", "jackets", 24900), ("fjell-rain-jacket", "jackets", 18900),
            ("havn-quilted-jacket", "jackets", 15900), ("bris-windbreaker", "jackets", 11900),
            ("skog-fleece-jacket", "jackets", 8990), ("polar-down-vest", "jackets", 12900),
            ("tind-softshell", "jackets", 13900), ("vinter-wool-coat", "jackets", 22900),
            ("sti-trail-runner", "shoes", 12990), ("byen-leather-sneaker", "shoes", 11900),
            ("fjord-chelsea-boot", "shoes", 16900), ("myr-rain-boot", "shoes", 7990),
            ("lett-canvas-sneaker", "shoes", 5990), ("vandre-hiking-boot", "shoes", 19900),
            ("hytte-slipper", "shoes", 3990), ("kyst-loafer", "shoes", 10900),
            ("ull-merino-sweater", "knitwear", 9990), ("kabel-cable-knit", "knitwear", 11900),
            ("lun-cardigan", "knitwear", 8990), ("fjell-rollneck", "knitwear", 9490),
            ("dun-alpaca-sweater", "knitwear", 13900), ("enkel-crewneck", "knitwear", 6990),
            ("tova-knit-vest", "knitwear", 5990), ("strikk-zip-sweater", "knitwear", 10900),
            ("sti-hiking-pants", "trousers", 8990), ("byen-chino", "trousers", 6990),
            ("kord-corduroy-pants", "trousers", 7990), ("rask-jogger", "trousers", 4990),
            ("fjell-cargo-pants", "trousers", 8490), ("denim-straight-jeans", "trousers", 8990),
            ("lett-linen-trousers", "trousers", 6490), ("tind-ski-pants", "trousers", 14900),
            ("ull-beanie", "accessories", 2490), ("strikk-scarf", "accessories", 3490),
            ("lue-gloves", "accessories", 2990), ("tur-backpack", "accessories", 11900),
            ("sokk-wool-socks", "accessories", 1990), ("belte-leather-belt", "accessories", 4490),
            ("regn-umbrella", "accessories", 2990), ("kart-card-holder", "accessories", 3990),
        ]
        return raw.enumerated().map { i, p in
            Product(slug: p.0, category: p.1, priceCents: p.2,
                    imageBytes: 38_000 + (i * 7919) % 61_000)
        }
    }()

    /// Popularity of each product (a few bestsellers, a long tail), same order as `products`.
    package static let productWeights: [Double] = products.indices.map { i in
        // Spread the bestsellers over the categories: rank by a fixed permutation of indices.
        let rank = (i * 17 + 5) % products.count
        return 1.0 / Double(rank + 2).squareRoot()
    }

    /// Product indices per category, in catalog order.
    package static let productsByCategory: [[Int]] = categories.map { c in
        products.indices.filter { products[$0].category == c }
    }

    /// Slugs of products taken off the shop: old links and crawlers get a 404.
    package static let retiredSlugs = ["winter-parka-2024", "classic-chino-beige",
                                       "merino-beanie-grey-2023", "alpine-boot-old"]

    /// Site search terms as browsers encode them in `?q=`.
    package static let searchTerms = ["parka", "regenjacke", "merino", "sneaker+weiss", "chelsea+boots",
                                      "strickjacke", "wanderhose", "handschuhe", "rucksack", "jeans",
                                      "winterjacke+damen", "m%C3%BCtze", "schal", "daunenweste",
                                      "wollsocken", "gr%C3%B6%C3%9Fentabelle"]

    package static let infoPages = ["/info/shipping", "/info/returns", "/info/size-guide", "/faq"]

    /// Static assets of every page (path, bytes).
    package static let stylesheet = ("/static/app.css", 48_213)
    package static let script = ("/static/app.js", 153_872)
    package static let font = ("/fonts/inter.woff2", 23_416)
    package static let favicon = ("/favicon.ico", 1_150)

    /// Size of a rendered HTML page of a kind, plus a little variation per path length.
    package static func pageBytes(_ path: String, base: Int) -> Int {
        base + (path.utf8.count * 37) % 1_900
    }

    /// Price of a cart, in cents.
    package static func value(of cart: [Int]) -> Int {
        cart.reduce(0) { $0 + products[$1].priceCents }
    }

    /// "189.80" for 18980 cents.
    package static func euros(_ cents: Int) -> String {
        let rest = cents % 100
        return "\(cents / 100).\(rest < 10 ? "0" : "")\(rest)"
    }
}
