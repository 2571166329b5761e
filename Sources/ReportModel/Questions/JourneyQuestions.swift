/// A journey variant: a visit's touchpoints in order, repeats folded.
package struct Variant: Codable, Equatable, Sendable {
    package var id: String
    package var steps: [String]
    package var visits: Int
    package var people: Int
    package var share: Double
    package var purchases: Int
    package var conversionRate: Double
    @ExplicitNull package var interval: Interval?
    package init(id: String, steps: [String], visits: Int, people: Int, share: Double, purchases: Int, conversionRate: Double, interval: Interval?) {
        self.id = id; self.steps = steps; self.visits = visits; self.people = people; self.share = share
        self.purchases = purchases; self.conversionRate = conversionRate; self.interval = interval
    }
}

/// Where the way to purchase loses people: funnel steps by visits lost, and touchpoints by
/// exit rate among visits that viewed a product.
package struct Friction: Codable, Equatable, Sendable {
    package struct Step: Codable, Equatable, Sendable {
        package var step: String
        package var label: String
        package var lost: Int
        /// The funnel step's drop-off; null when the step before it has no visits.
        @ExplicitNull package var lossRate: Double?
        package init(step: String, label: String, lost: Int, lossRate: Double?) { self.step = step; self.label = label; self.lost = lost; self.lossRate = lossRate }
    }
    package struct Exit: Codable, Equatable, Sendable {
        package var touchpoint: String
        package var phase: String
        package var visits: Int
        package var exits: Int
        package var people: Int
        package var exitRate: Double
        @ExplicitNull package var interval: Interval?
        package init(touchpoint: String, phase: String, visits: Int, exits: Int, people: Int, exitRate: Double, interval: Interval?) {
            self.touchpoint = touchpoint; self.phase = phase; self.visits = visits; self.exits = exits; self.people = people
            self.exitRate = exitRate; self.interval = interval
        }
    }
    package var steps: [Step]
    package var exits: [Exit]
    package init(steps: [Step], exits: [Exit]) { self.steps = steps; self.exits = exits }
}

/// One row of a table of values taken from the logs (an entry page, a campaign, a search term,
/// a product), masked like every logged value.
package struct ValueRow: Codable, Equatable, Sendable {
    package var value: String
    /// Visits with the value (entry pages: landing on it; products: viewing it).
    package var visits: Int
    package var people: Int
    /// Page views (entry pages: landings; search terms: searches; products: product views).
    package var views: Int
    /// Entry pages: visits that saw only this page.
    package var bounces: Int
    /// Products: add-to-cart directly from the product page.
    package var carts: Int
    /// Products: visits that added it to the cart straight from its page (0 in the other tables).
    package var cartVisits: Int
    /// Visits with an order (products: visits that ordered after adding it to the cart).
    package var purchases: Int
    /// Orders and revenue of those visits (products: the whole order of a visit, which may hold
    /// other products too).
    package var orders: Int
    package var revenue: Double
    /// purchases / visits; products: purchases / cartVisits (visits that added it and ordered /
    /// visits that added it).
    package var conversionRate: Double
    enum CodingKeys: String, CodingKey { case value, visits, people, views, bounces, carts, cartVisits, purchases, orders, revenue, conversionRate }

    /// `bounces` and `cartVisits` are read as 0 from a report written before rows carried them.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(value: try c.decode(String.self, forKey: .value), visits: try c.decode(Int.self, forKey: .visits),
                  people: try c.decode(Int.self, forKey: .people), views: try c.decode(Int.self, forKey: .views),
                  bounces: try c.decodeIfPresent(Int.self, forKey: .bounces) ?? 0, carts: try c.decode(Int.self, forKey: .carts),
                  cartVisits: try c.decodeIfPresent(Int.self, forKey: .cartVisits) ?? 0, purchases: try c.decode(Int.self, forKey: .purchases), orders: try c.decode(Int.self, forKey: .orders),
                  revenue: try c.decode(Double.self, forKey: .revenue), conversionRate: try c.decode(Double.self, forKey: .conversionRate))
    }

    package init(value: String, visits: Int, people: Int, views: Int, bounces: Int, carts: Int, cartVisits: Int = 0, purchases: Int, orders: Int,
                 revenue: Double, conversionRate: Double) {
        self.value = value; self.visits = visits; self.people = people; self.views = views; self.bounces = bounces; self.carts = carts
        self.cartVisits = cartVisits
        self.purchases = purchases; self.orders = orders; self.revenue = revenue; self.conversionRate = conversionRate
    }
}

/// A table of report.json that can withhold rows for being about fewer than
/// `privacy.min_people` people; `rawValue` is its key in `Suppressed.byTable`. Score's folds
/// record their withheld rows under these names and the page names the tables by them, so
/// neither side spells a table's key; a new section adds its tables beside its fold.
package struct WithheldTable: RawRepresentable, Hashable, Sendable {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    package static let satisfactionByChannel = WithheldTable(rawValue: "satisfaction.byChannel")
    package static let satisfactionByDevice = WithheldTable(rawValue: "satisfaction.byDevice")
    package static let satisfactionByTouchpoint = WithheldTable(rawValue: "satisfaction.byTouchpoint")
    package static let satisfactionByVariant = WithheldTable(rawValue: "satisfaction.byVariant")
    package static let detractorPaths = WithheldTable(rawValue: "satisfaction.detractorPaths")
    package static let promoterPaths = WithheldTable(rawValue: "satisfaction.promoterPaths")
    package static let supportByKind = WithheldTable(rawValue: "support.byKind")
    package static let supportByChannel = WithheldTable(rawValue: "support.byChannel")
    package static let supportByPhase = WithheldTable(rawValue: "support.byPhase")
    package static let cartsByChannel = WithheldTable(rawValue: "cartRecovery.byChannel")
    package static let cartsByTouchpoint = WithheldTable(rawValue: "cartRecovery.byTouchpoint")
    package static let variants = WithheldTable(rawValue: "variants")
    package static let frictionExits = WithheldTable(rawValue: "friction.exits")
    package static let entryPages = WithheldTable(rawValue: "entryPages")
    package static let campaigns = WithheldTable(rawValue: "campaigns")
    package static let searchTerms = WithheldTable(rawValue: "searchTerms")
    package static let products = WithheldTable(rawValue: "products")
    package static let paths = WithheldTable(rawValue: "paths")
    package static let buyingPaths = WithheldTable(rawValue: "buyingPaths")
    package static let loops = WithheldTable(rawValue: "loops")
}

/// Rows withheld because they are about fewer than `k` people (`privacy.min_people`).
package struct Suppressed: Codable, Equatable, Sendable {
    package var k: Int
    package var rows: Int
    /// Rows withheld per table, keyed by the table's report.json name.
    package var byTable: [String: Int]
    package init(k: Int, rows: Int, byTable: [String: Int]) { self.k = k; self.rows = rows; self.byTable = byTable }
}

/// The answers to a CX team's questions after "what happened" (issue-style sections of the page).
package struct JourneyQuestions: Codable, Equatable, Sendable {
    package var support: SupportInfo
    package var cartRecovery: CartRecoveryInfo
    package var variants: [Variant]
    package var friction: Friction
    package var entryPages: [ValueRow]
    package var campaigns: [ValueRow]
    package var searchTerms: [ValueRow]
    package var products: [ValueRow]
    package var suppressed: Suppressed
    package init(support: SupportInfo, cartRecovery: CartRecoveryInfo, variants: [Variant], friction: Friction,
                 entryPages: [ValueRow], campaigns: [ValueRow], searchTerms: [ValueRow], products: [ValueRow],
                 suppressed: Suppressed) {
        self.support = support; self.cartRecovery = cartRecovery; self.variants = variants
        self.friction = friction; self.entryPages = entryPages; self.campaigns = campaigns
        self.searchTerms = searchTerms; self.products = products; self.suppressed = suppressed
    }
}
