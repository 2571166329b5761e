/// Plays one visit of one person: the arrival through a channel, the pages, the static assets
/// the browser loads, the funnel steps with their drop-offs, and what the person will do later.
///
/// Exists so all the behaviour docs/definitions.md measures (bounces, loops between cart and shipping
/// info, pauses over 30 minutes, logins, purchases, order tracking, returns, chat, surveys,
/// reviews, refer-a-friend) comes from one readable state machine. The script only appends
/// entries and follow-ups; the generator sorts, buckets and writes them.
struct VisitScript {
    /// Why the person came.
    enum Intent: Sendable {
        /// Looking around; `interested` visitors came back for something they saw before.
        case browse(interested: Bool)
        /// Came back to buy what is in the cart.
        case returnToBuy
        /// Tracking an order.
        case orderStatus(order: String)
        /// Sending something back.
        case returns(order: String)
        /// Answering a survey link from an e-mail ("nps", "csat" or "ces").
        case survey(type: String)
        /// Writing a review of a bought product.
        case review(product: Int)
        /// Opening the refer-a-friend page to share a link.
        case shareReferral
        /// A friend opening a shared refer-a-friend link (a new person).
        case friend(code: String)
        /// A known customer looking after the account (wish list, newsletter settings).
        case account
    }

    /// Something the person will do on a later day (or again in a few minutes).
    struct FollowUp: Sendable {
        /// Whole days later; 0 means later the same stay (see `delaySeconds`).
        var afterDays: Int
        /// For `afterDays == 0`: seconds after this visit ends.
        var delaySeconds: Int = 0
        /// -1 means "a new person" (friends of refer-a-friend).
        var visitor: Int
        var intent: Intent
        var channel: Marketing.Channel?
    }

    /// The kinds of shop pages the navigation moves between (`.exit` = leaving the shop).
    private enum Page {
        case home, category(Int), search, product(Int), reviews(Int), info(String), wishlist, exit
    }

    let visitorIndex: Int
    private(set) var visitor: VisitorPopulation.Visitor
    private let browser: UserAgents.Browser
    private let day: Int
    /// UTC time of the next request.
    private(set) var time: Int64
    private var loggedIn: Bool
    private var previous: String?
    private var arrivalReferrer = "-"
    private var pages = 0
    private var pausedOnce = false
    private let warmCache: Bool
    private(set) var entries: [LogEntry] = []
    private(set) var followUps: [FollowUp] = []
    private var channel: Marketing.Channel = .direct

    init(visitorIndex: Int, visitor: VisitorPopulation.Visitor, day: Int, start: Int64) {
        self.visitorIndex = visitorIndex
        self.visitor = visitor
        self.browser = UserAgents.browsers[visitor.browser]
        self.day = day
        self.time = start
        self.loggedIn = visitor.customerId != nil && visitor.remembered
        self.warmCache = visitor.visits > 0
        entries.reserveCapacity(24)
    }

    // MARK: - Playing

    /// Plays the whole visit. `channel` nil lets the script choose from the day's channel mix.
    mutating func play(intent: Intent, channel requested: Marketing.Channel?,
                       rng: inout RandomSource, population: inout VisitorPopulation) {
        visitor.visits += 1
        switch intent {
        case .browse(let interested):
            channel = requested ?? chooseChannel(rng: &rng)
            shop(interested: interested, buying: false, rng: &rng, population: &population)
        case .returnToBuy:
            channel = requested ?? chooseChannel(rng: &rng)
            shop(interested: true, buying: true, rng: &rng, population: &population)
        case .orderStatus(let order):
            orderStatus(order, rng: &rng)
        case .returns(let order):
            returns(order, rng: &rng)
        case .survey(let type):
            survey(type, rng: &rng)
        case .review(let product):
            review(product, rng: &rng)
        case .shareReferral:
            shareReferral(rng: &rng)
        case .friend(let code):
            arrivalReferrer = rng.chance(0.25) ? "https://web.whatsapp.com/" : "-"
            view("/refer?code=\(code)", page: .home, rng: &rng)
            if rng.chance(0.8) {
                view("/", page: .home, rng: &rng)
                channel = .direct
                browseLoop(from: .home, interested: true, buying: false, rng: &rng, population: &population)
            }
        case .account:
            accountCare(rng: &rng, population: &population)
        }
        // Now and then the same person comes straight back through another campaign
        // (a new campaign starts a new visit, even within 30 minutes).
        if rng.chance(0.012) {
            let again: Marketing.Channel = rng.pick([.paidSocial, .email, .paidSearch])
            followUps.append(FollowUp(afterDays: 0, delaySeconds: rng.int(240...1500), visitor: visitorIndex,
                                      intent: .browse(interested: true), channel: again))
        }
    }

    // MARK: - Shopping

    private mutating func shop(interested: Bool, buying: Bool,
                               rng: inout RandomSource, population: inout VisitorPopulation) {
        let landing = arrive(buying: buying, rng: &rng, population: &population)
        if case .exit = landing { return }   // landed on the cart and handled the funnel there
        var bounce: Double
        switch channel {
        case .organicSocial: bounce = 0.42
        case .paidSocial: bounce = 0.40
        case .organicSearch: bounce = 0.30
        case .paidSearch: bounce = 0.28
        case .referral: bounce = 0.33
        case .email: bounce = 0.22
        case .direct: bounce = 0.24
        }
        if interested { bounce *= 0.55 }
        if buying { bounce *= 0.4 }
        if browser.device == .mobile { bounce += 0.04 }
        if rng.chance(bounce) { return }
        browseLoop(from: landing, interested: interested, buying: buying, rng: &rng, population: &population)
    }

    /// Page-to-page navigation until the person leaves or finishes the funnel.
    private mutating func browseLoop(from start: Page, interested: Bool, buying: Bool,
                                     rng: inout RandomSource, population: inout VisitorPopulation) {
        var page = start
        var viewedProduct = false
        var steps = 0
        let pAdd = buying ? 0.32 : interested ? 0.21 : 0.10
        while steps < 28 {
            steps += 1
            var next: Page
            switch page {
            case .home:
                next = [Page.category(rng.weighted(Catalog.categoryWeights)), .search, .product(favourite(&rng)),
                        .info(rng.pick(Catalog.infoPages)), .wishlist, .exit][rng.weighted([0.44, 0.17, 0.26, 0.04, 0.02, 0.07])]
            case .category(let c):
                let r = rng.weighted([0.62, 0.08, 0.05, 0.25])
                next = r == 0 ? .product(rng.pick(Catalog.productsByCategory[c]))
                    : r == 1 ? .category(rng.weighted(Catalog.categoryWeights)) : r == 2 ? .search : .exit
            case .search:
                let r = rng.weighted([0.63, 0.10, 0.27])
                next = r == 0 ? .product(favourite(&rng)) : r == 1 ? .search : .exit
            case .product(let p):
                viewedProduct = true
                visitor.interest = p
                let r = rng.weighted([pAdd, 0.10, 0.07, 0.04, 0.21, 0.11, 0.03, 0.02, 0.30])
                switch r {
                case 0:
                    switch cart(adding: p, buying: buying, rng: &rng, population: &population) {
                    case .finished:
                        return
                    case .continueShopping:
                        next = rng.chance(0.5) ? .category(rng.weighted(Catalog.categoryWeights)) : .product(favourite(&rng))
                    }
                case 1: next = .reviews(p)
                case 2: next = .info("/info/size-guide")
                case 3: next = .info("/info/shipping")
                case 4:
                    // Another product, often from the same category.
                    let siblings = Catalog.productsByCategory[Catalog.categories.firstIndex(of: Catalog.products[p].category)!]
                    var other = rng.chance(0.6) ? rng.pick(siblings) : favourite(&rng)
                    if other == p { other = siblings[(siblings.firstIndex(of: p)! + 1) % siblings.count] }
                    next = .product(other)
                case 5: next = .category(Catalog.categories.firstIndex(of: Catalog.products[p].category)!)
                case 6: next = .wishlist
                case 7: next = .info(rng.chance(0.5) ? "/faq" : "/info/returns")
                default: next = .exit
                }
            case .reviews(let p):
                let r = rng.weighted([0.55, 0.08, 0.37])
                next = r == 0 ? .product(p) : r == 1 ? .product(favourite(&rng)) : .exit
            case .info:
                let r = rng.weighted([0.45, 0.15, 0.40])
                next = r == 0 ? .product(visitor.interest) : r == 1 ? .home : .exit
            case .wishlist:
                next = rng.chance(0.55) ? .product(favourite(&rng)) : .exit
            case .exit:
                next = .exit
            }
            if case .exit = next { break }
            maybePause(rng: &rng)
            view(path(of: next, rng: &rng), page: next, rng: &rng)
            page = next
        }
        // Interested but not bought: some come back another day through another channel.
        if viewedProduct && rng.chance(interested ? 0.20 : 0.14) {
            followUps.append(FollowUp(afterDays: rng.int(1...10), visitor: visitorIndex,
                                      intent: .browse(interested: true), channel: otherChannel(rng: &rng)))
        }
    }

    /// How the cart step ended: the visit is over, or the person goes on browsing.
    private enum CartOutcome { case finished, continueShopping }

    /// Add to cart, the cart page with its loops to the shipping info, and the checkout.
    private mutating func cart(adding product: Int?, buying: Bool,
                               rng: inout RandomSource, population: inout VisitorPopulation) -> CartOutcome {
        if let product {
            // The form posts, the server redirects to the cart; the cart's referrer is the product page.
            let from = previous ?? "/"
            time += Int64(rng.int(4...40))
            emit(.post, "/cart/add?sku=\(Catalog.products[product].slug)", status: 302, bytes: 154,
                 referrer: Catalog.host + from, kind: .page)
            visitor.cart.append(product)
            if rng.chance(0.08) { visitor.cart.append(product) }   // two of them
            time += 1
            emit(.get, "/cart", status: 200, bytes: Catalog.pageBytes("/cart", base: 9_800) + 420 * visitor.cart.count,
                 referrer: Catalog.host + from, kind: .page)
            assetsAfterPage("/cart", page: nil, rng: &rng)
            previous = "/cart"
            pages += 1
        }
        var pCheckout = buying ? 0.62 : 0.46
        var loops = 0
        while true {
            let r = rng.unit()
            if r < 0.17 && loops < 3 {
                // cart <-> shipping costs: the classic surprise-shipping-cost loop.
                loops += 1
                pCheckout -= 0.08
                view("/info/shipping", page: .info("/info/shipping"), rng: &rng)
                if rng.chance(0.45) { break }
                view("/cart", page: nil, rng: &rng)
                continue
            }
            if r < 0.17 + pCheckout {
                checkout(rng: &rng, population: &population)
                return .finished
            }
            if r < 0.17 + pCheckout + 0.14 {
                return .continueShopping
            }
            break
        }
        // Abandoned cart: many come back to buy, through a reminder e-mail, search or directly.
        if rng.chance(0.34) {
            let ch: Marketing.Channel = [.email, .direct, .organicSearch, .paidSearch, .paidSocial][rng.weighted([0.25, 0.30, 0.20, 0.15, 0.10])]
            followUps.append(FollowUp(afterDays: rng.int(1...6), visitor: visitorIndex, intent: .returnToBuy, channel: ch))
        }
        return .finished
    }

    private mutating func checkout(rng: inout RandomSource, population: inout VisitorPopulation) {
        // Log in, or register (most) / order as a guest (some) on the address step.
        if visitor.customerId == nil && rng.chance(0.7) {
            visitor.customerId = population.allocateCustomerId(rng: &rng)
            visitor.remembered = rng.chance(0.5)
        }
        if visitor.customerId != nil { loggedIn = true }
        view("/checkout/address", page: nil, rng: &rng)
        guard rng.chance(0.80) else { return abandonCheckout(rng: &rng) }
        view("/checkout/shipping", page: nil, rng: &rng)
        if rng.chance(0.10) {
            view("/info/shipping", page: nil, rng: &rng)
            view("/checkout/shipping", page: nil, rng: &rng)
        }
        guard rng.chance(0.80) else { return abandonCheckout(rng: &rng) }
        view("/checkout/payment", page: nil, rng: &rng)
        guard rng.chance(0.80) else { return abandonCheckout(rng: &rng) }

        let order = population.allocateOrderId(rng: &rng)
        let cents = Catalog.value(of: visitor.cart)
        let target = "/checkout/confirmation?order=\(order)&value=\(Catalog.euros(cents))"
        if rng.chance(0.02) {
            // The payment provider's callback failed once; the retry succeeds (or not).
            view(target, page: nil, status: 500, rng: &rng)
            guard rng.chance(0.7) else { return abandonCheckout(rng: &rng) }
        }
        view(target, page: nil, orderCents: cents, rng: &rng)
        let bought = visitor.cart
        visitor.cart.removeAll()
        visitor.orders.append(order)
        if visitor.customerId != nil && rng.chance(0.12) {
            view("/account/orders/\(order)", page: nil, rng: &rng)
        }
        // Retention and advocacy after the purchase.
        let me = visitorIndex
        if rng.chance(0.55) { followUps.append(FollowUp(afterDays: rng.int(1...4), visitor: me, intent: .orderStatus(order: order))) }
        if rng.chance(0.35) { followUps.append(FollowUp(afterDays: rng.int(3...8), visitor: me, intent: .survey(type: "nps"))) }
        if rng.chance(0.20) { followUps.append(FollowUp(afterDays: rng.int(4...9), visitor: me, intent: .survey(type: "csat"))) }
        if rng.chance(0.14) { followUps.append(FollowUp(afterDays: rng.int(5...12), visitor: me, intent: .returns(order: order))) }
        if rng.chance(0.14) { followUps.append(FollowUp(afterDays: rng.int(7...16), visitor: me, intent: .review(product: rng.pick(bought)))) }
        if rng.chance(0.09) { followUps.append(FollowUp(afterDays: rng.int(1...10), visitor: me, intent: .shareReferral)) }
        if rng.chance(0.16) {
            followUps.append(FollowUp(afterDays: rng.int(7...25), visitor: me, intent: .browse(interested: true),
                                      channel: otherChannel(rng: &rng)))
        }
    }

    private mutating func abandonCheckout(rng: inout RandomSource) {
        if rng.chance(0.30) {
            followUps.append(FollowUp(afterDays: rng.int(1...5), visitor: visitorIndex, intent: .returnToBuy,
                                      channel: rng.chance(0.5) ? .email : .direct))
        }
    }

    // MARK: - After the purchase

    private mutating func orderStatus(_ order: String, rng: inout RandomSource) {
        channel = rng.chance(0.5) ? .email : .direct
        if channel == .email {
            if visitor.customerId != nil { loggedIn = true }
            view("/account/orders/\(order)?utm_source=newsletter&utm_medium=email&utm_campaign=order-shipped", page: nil, rng: &rng)
        } else {
            if rng.chance(0.5) { view("/", page: .home, rng: &rng) }
            if visitor.customerId != nil { loggedIn = true }
            view("/account", page: nil, rng: &rng)
            view("/account/orders/\(order)", page: nil, rng: &rng)
        }
        if rng.chance(0.12) { supportChat(rng: &rng) }
        if rng.chance(0.2) { view("/account", page: nil, rng: &rng) }
    }

    private mutating func returns(_ order: String, rng: inout RandomSource) {
        channel = .direct
        view("/info/returns", page: .info("/info/returns"), rng: &rng)
        if visitor.customerId != nil { loggedIn = true }
        if rng.chance(0.25) { supportChat(rng: &rng) }
        guard rng.chance(0.85) else { return }
        view("/account/returns", page: nil, rng: &rng)
        time += Int64(rng.int(20...140))
        let referrer = Catalog.host + "/account/returns"
        emit(.post, "/account/returns?order=\(order)", status: 302, bytes: 154, referrer: referrer, kind: .page)
        time += 1
        emit(.get, "/account/returns", status: 200, bytes: Catalog.pageBytes("/account/returns", base: 7_400),
             referrer: referrer, kind: .page)
        previous = "/account/returns"
        pages += 1
        if rng.chance(0.3) {
            followUps.append(FollowUp(afterDays: rng.int(1...3), visitor: visitorIndex, intent: .survey(type: "csat")))
        }
    }

    /// A support contact. Mostly a chat: it starts, a few messages go back and forth, and it
    /// ends (the end page gives its handling time); one chat in ten is left open when the
    /// person closes the window. Else a contact form, sent a few minutes after it opened. Half of
    /// the chats end with a CES survey.
    private mutating func supportChat(rng: inout RandomSource) {
        if rng.chance(0.25) {
            view("/support/contact", page: nil, rng: &rng)
            time += Int64(rng.int(60...420))
            emit(.post, "/support/contact/sent", status: 200, bytes: rng.int(900...1_400),
                 referrer: Catalog.host + "/support/contact", kind: .page)
            previous = "/support/contact/sent"
            pages += 1
            return
        }
        view("/support/chat/start", page: nil, rng: &rng)
        for _ in 0..<rng.int(1...5) {
            time += Int64(rng.int(25...200))
            emit(.post, "/support/chat/message", status: 200, bytes: rng.int(80...900),
                 referrer: Catalog.host + "/support/chat/start", kind: .page)
        }
        guard !rng.chance(0.1) else { return }
        time += Int64(rng.int(20...240))
        emit(.post, "/support/chat/end", status: 200, bytes: rng.int(300...700),
             referrer: Catalog.host + "/support/chat/start", kind: .page)
        previous = "/support/chat/end"
        pages += 1
        if rng.chance(0.5) {
            view("/survey?type=ces&score=\(cesScore(&rng))", page: nil, rng: &rng)
        }
    }

    private mutating func survey(_ type: String, rng: inout RandomSource) {
        channel = .email
        arrivalReferrer = rng.chance(0.85) ? "-" : "https://mail.google.com/"
        let score: Int
        switch type {
        case "nps":
            score = [0, 2, 4, 5, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 3, 6][rng.below(21)]
        case "csat":
            score = [1, 2, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5][rng.below(14)]
        default:
            score = cesScore(&rng)
        }
        view("/survey?type=\(type)&score=\(score)", page: nil, rng: &rng)
        if rng.chance(0.25) { view("/", page: .home, rng: &rng) }
    }

    private func cesScore(_ rng: inout RandomSource) -> Int {
        [1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5][rng.below(12)]
    }

    private mutating func review(_ product: Int, rng: inout RandomSource) {
        channel = rng.chance(0.6) ? .email : .direct
        let slug = Catalog.products[product].slug
        if visitor.customerId != nil { loggedIn = loggedIn || rng.chance(0.6) }
        if channel == .email {
            view("/p/\(slug)/reviews?utm_source=newsletter&utm_medium=email&utm_campaign=review-request", page: nil, rng: &rng)
        } else {
            view("/p/\(slug)", page: .product(product), rng: &rng)
            view("/p/\(slug)/reviews", page: nil, rng: &rng)
        }
        time += Int64(rng.int(60...420))
        let referrer = Catalog.host + (previous ?? "/p/\(slug)/reviews")
        emit(.post, "/p/\(slug)/reviews/new", status: 302, bytes: 154, referrer: referrer, kind: .page)
        time += 1
        emit(.get, "/p/\(slug)/reviews", status: 200, bytes: Catalog.pageBytes("/p/\(slug)/reviews", base: 14_500),
             referrer: referrer, kind: .page)
        previous = "/p/\(slug)/reviews"
        pages += 1
    }

    private mutating func shareReferral(rng: inout RandomSource) {
        channel = .direct
        if visitor.customerId != nil { loggedIn = true }
        view("/account", page: nil, rng: &rng)
        let code = visitor.referCode ?? rng.token(6, alphabet: RandomSource.upperAlnum)
        visitor.referCode = code
        view("/refer?code=\(code)", page: nil, rng: &rng)
        for _ in 0..<rng.int(0...2) where rng.chance(0.7) {
            followUps.append(FollowUp(afterDays: rng.int(1...5), visitor: -1, intent: .friend(code: code)))
        }
    }

    private mutating func accountCare(rng: inout RandomSource, population: inout VisitorPopulation) {
        channel = rng.chance(0.35) ? .email : .direct
        if channel == .email {
            let nl = Marketing.newsletterCampaign(forDay: day).campaign
            view("/newsletter/preferences?utm_source=newsletter&utm_medium=email&utm_campaign=\(nl)", page: nil, rng: &rng)
            if rng.chance(0.4) { view("/", page: .home, rng: &rng) } else { return }
        } else {
            view("/", page: .home, rng: &rng)
            loggedIn = true
            view("/account", page: nil, rng: &rng)
            if rng.chance(0.5) {
                view("/wishlist", page: .wishlist, rng: &rng)
            } else if rng.chance(0.3) {
                view("/newsletter/preferences", page: nil, rng: &rng)
            }
        }
        browseLoop(from: .home, interested: true, buying: false, rng: &rng, population: &population)
    }

    // MARK: - Arrival

    /// The landing request of a shopping visit; returns the page landed on, or `.exit` when the
    /// landing was the cart and the funnel was already played from there.
    private mutating func arrive(buying: Bool, rng: inout RandomSource,
                                 population: inout VisitorPopulation) -> Page {
        var query = ""
        var landing: Page
        switch channel {
        case .organicSearch:
            arrivalReferrer = Marketing.searchReferrers[rng.weighted(Marketing.searchReferrerWeights)]
            landing = [Page.product(favourite(&rng)), .category(rng.weighted(Catalog.categoryWeights)), .home,
                       .info(rng.pick(["/info/size-guide", "/faq", "/info/returns"])), .product(-1)][rng.weighted([0.45, 0.28, 0.20, 0.04, 0.03])]
        case .paidSearch:
            if rng.chance(0.85) {
                arrivalReferrer = "https://www.google.com/"
                query = "utm_source=google&utm_medium=cpc&utm_campaign=\(rng.pick(Marketing.googleCampaigns))&gclid=Cj0KCQjw\(rng.token(28, alphabet: RandomSource.base64URL))"
            } else {
                arrivalReferrer = "https://www.bing.com/"
                query = "utm_source=bing&utm_medium=cpc&utm_campaign=\(rng.pick(Marketing.bingCampaigns))&msclkid=\(rng.token(32, alphabet: RandomSource.hexDigits))"
            }
            landing = [Page.category(rng.weighted(Catalog.categoryWeights)), .product(favourite(&rng)), .home][rng.weighted([0.5, 0.4, 0.1])]
        case .paidSocial:
            let source = ["instagram", "facebook", "tiktok"][rng.weighted([0.5, 0.3, 0.2])]
            let campaign: String
            if !visitor.cart.isEmpty && rng.chance(0.6) {
                campaign = "retargeting-cart"
            } else if day >= Marketing.teaserStart && rng.chance(0.6) {
                campaign = "black-week-teaser"
            } else {
                campaign = rng.pick(Array(Marketing.socialCampaigns.prefix(2)))
            }
            query = "utm_source=\(source)&utm_medium=paid_social&utm_campaign=\(campaign)"
            switch source {
            case "instagram":
                arrivalReferrer = rng.chance(0.5) ? "https://www.instagram.com/" : "-"
                query += "&fbclid=IwAR\(rng.token(40, alphabet: RandomSource.base64URL))"
            case "facebook":
                arrivalReferrer = rng.chance(0.7) ? "https://l.facebook.com/" : "-"
                query += "&fbclid=IwAR\(rng.token(40, alphabet: RandomSource.base64URL))"
            default:
                arrivalReferrer = rng.chance(0.4) ? "https://www.tiktok.com/" : "-"
                query += "&ttclid=E.C.P.\(rng.token(36, alphabet: RandomSource.alphanumeric))"
            }
            landing = [Page.product(favourite(&rng)), .category(rng.weighted(Catalog.categoryWeights)), .home][rng.weighted([0.65, 0.25, 0.10])]
        case .organicSocial:
            arrivalReferrer = Marketing.socialReferrers[rng.weighted(Marketing.socialReferrerWeights)]
            landing = [Page.product(favourite(&rng)), .home, .category(rng.weighted(Catalog.categoryWeights))][rng.weighted([0.55, 0.30, 0.15])]
        case .email:
            arrivalReferrer = rng.chance(0.85) ? "-" : "https://mail.google.com/"
            if !visitor.cart.isEmpty && (buying || rng.chance(0.4)) {
                if visitor.customerId != nil && visitor.remembered { loggedIn = true }
                view("/cart?utm_source=newsletter&utm_medium=email&utm_campaign=cart-reminder", page: nil, rng: &rng)
                if rng.chance(0.3) { return .home }   // had a look, bounced or browses on
                _ = cart(adding: nil, buying: true, rng: &rng, population: &population)
                return .exit
            }
            query = "utm_source=newsletter&utm_medium=email&utm_campaign=\(Marketing.newsletterCampaign(forDay: day).campaign)"
            landing = [Page.category(rng.weighted(Catalog.categoryWeights)), .product(favourite(&rng)), .home][rng.weighted([0.40, 0.35, 0.25])]
        case .referral:
            let site = Marketing.referrers[rng.weighted(Marketing.referrerWeights)]
            arrivalReferrer = site.url
            if let source = site.affiliateSource {
                query = "utm_source=\(source)&utm_medium=affiliate&utm_campaign=q4-partner"
                landing = rng.chance(0.6) ? .home : .category(rng.weighted(Catalog.categoryWeights))
            } else {
                landing = rng.chance(0.6) ? .product(favourite(&rng)) : .category(rng.weighted(Catalog.categoryWeights))
            }
        case .direct:
            arrivalReferrer = "-"
            if buying && !visitor.cart.isEmpty && rng.chance(0.6) {
                view("/cart", page: nil, rng: &rng)
                _ = cart(adding: nil, buying: true, rng: &rng, population: &population)
                return .exit
            }
            landing = [Page.home, .product(favourite(&rng)), .wishlist][rng.weighted([0.78, 0.17, 0.05])]
        }
        if case .product(-1) = landing {
            // An old link to a product that is gone: 404, then maybe the home page.
            view("/p/\(rng.pick(Catalog.retiredSlugs))", page: nil, status: 404, rng: &rng)
            if rng.chance(0.5) { return .exit }
            view("/", page: .home, rng: &rng)
            return .home
        }
        var target = path(of: landing, rng: &rng)
        if !query.isEmpty { target += (target.contains("?") ? "&" : "?") + query }
        view(target, page: landing, rng: &rng)
        return landing
    }

    // MARK: - Requests

    private mutating func favourite(_ rng: inout RandomSource) -> Int {
        rng.chance(0.45) ? visitor.interest : rng.weighted(Catalog.productWeights)
    }

    private func path(of page: Page, rng: inout RandomSource) -> String {
        switch page {
        case .home: return "/"
        case .category(let c): return "/c/\(Catalog.categories[c])"
        case .search: return "/search?q=\(rng.pick(Catalog.searchTerms))"
        case .product(let p): return "/p/\(Catalog.products[p].slug)"
        case .reviews(let p): return "/p/\(Catalog.products[p].slug)/reviews"
        case .info(let path): return path
        case .wishlist: return "/wishlist"
        case .exit: return "/"
        }
    }

    private mutating func chooseChannel(rng: inout RandomSource) -> Marketing.Channel {
        let weights = visitor.visits <= 1 ? Marketing.newVisitorWeights(day: day) : Marketing.returningWeights(day: day)
        return Marketing.Channel(rawValue: rng.weighted(weights))!
    }

    /// A channel for a later visit, usually not the one of this visit (journeys cross channels).
    private func otherChannel(rng: inout RandomSource) -> Marketing.Channel? {
        if rng.chance(0.3) { return nil }
        var weights = Marketing.returningWeights(day: day)
        weights[channel.rawValue] *= 0.25
        return Marketing.Channel(rawValue: rng.weighted(weights))
    }

    /// Seconds until the next page: mostly under a minute, sometimes minutes.
    private func gap(_ rng: inout RandomSource) -> Int {
        let u = rng.unit()
        if u < 0.55 { return rng.int(3...45) }
        if u < 0.86 { return rng.int(46...150) }
        if u < 0.975 { return rng.int(151...420) }
        return rng.int(421...1_300)
    }

    /// Once in a while the person leaves the tab open for more than 30 minutes and goes on.
    private mutating func maybePause(rng: inout RandomSource) {
        if !pausedOnce && pages >= 2 && rng.chance(0.012) {
            pausedOnce = true
            time += Int64(rng.int(1_860...4_500))
        }
    }

    /// A page view: the request, then the assets the browser loads for it.
    private mutating func view(_ target: String, page: Page?, status: Int = 200, orderCents: Int = 0,
                               rng: inout RandomSource) {
        if pages > 0 { time += Int64(gap(&rng)) }
        let referrer = pages == 0 ? arrivalReferrer : Catalog.host + (previous ?? "/")
        let bytes: Int
        switch status {
        case 404: bytes = 3_612
        case 500: bytes = 580
        default: bytes = Catalog.pageBytes(target, base: baseBytes(page))
        }
        emit(.get, target, status: status, bytes: bytes, referrer: referrer, kind: .page,
             orderCents: status == 200 ? orderCents : 0)
        if status != 500 { assetsAfterPage(target, page: page, rng: &rng) }
        previous = target
        pages += 1
    }

    private func baseBytes(_ page: Page?) -> Int {
        guard let page else { return 8_200 }
        switch page {
        case .home: return 24_300
        case .category: return 31_800
        case .search: return 27_400
        case .product: return 18_900
        case .reviews: return 14_500
        case .info: return 9_100
        case .wishlist: return 11_200
        case .exit: return 8_200
        }
    }

    /// The static files a browser requests for a page: everything on the first page of a cold
    /// visit, revalidations (304) on a warm one, product images on listing and product pages.
    private mutating func assetsAfterPage(_ target: String, page: Page?, rng: inout RandomSource) {
        let pageURL = Catalog.host + target
        let t0 = time
        if pages == 0 {
            if !warmCache {
                asset(Catalog.stylesheet, referrer: pageURL)
                asset(Catalog.script, referrer: pageURL)
                asset(Catalog.font, referrer: Catalog.host + Catalog.stylesheet.0)
                if rng.chance(0.6) { asset(Catalog.favicon, referrer: pageURL) }
            } else {
                if rng.chance(0.5) { asset(Catalog.stylesheet, referrer: pageURL, status: 304) }
                if rng.chance(0.5) { asset(Catalog.script, referrer: pageURL, status: 304) }
            }
        }
        if let page {
            switch page {
            case .product(let p):
                image(p, referrer: pageURL, rng: &rng)
            case .category(let c):
                let items = Catalog.productsByCategory[c]
                let first = rng.below(items.count)
                for k in 0..<4 { image(items[(first + k) % items.count], referrer: pageURL, rng: &rng) }
            case .home, .search, .wishlist:
                for _ in 0..<3 { image(rng.weighted(Catalog.productWeights), referrer: pageURL, rng: &rng) }
            default:
                break
            }
        }
        time = t0
    }

    private mutating func image(_ product: Int, referrer: String, rng: inout RandomSource) {
        let p = Catalog.products[product]
        let cached = warmCache && rng.chance(0.3)
        asset(("/img/p/\(p.slug).jpg", p.imageBytes), referrer: referrer, status: cached ? 304 : 200)
    }

    private mutating func asset(_ file: (String, Int), referrer: String, status: Int = 200) {
        let t = time + (entries.count % 3 == 0 ? 1 : 0)
        entries.append(LogEntry(time: t, seq: 0, host: visitor.ip, user: loggedIn ? visitor.customerId ?? "-" : "-",
                                method: .get, target: file.0, http2: browser.http2, status: status,
                                bytes: status == 304 ? 0 : file.1, referrer: referrer, agent: browser.agent,
                                kind: .asset))
    }

    private mutating func emit(_ method: LogEntry.Method, _ target: String, status: Int, bytes: Int,
                               referrer: String, kind: LogEntry.Kind, orderCents: Int = 0) {
        entries.append(LogEntry(time: time, seq: 0, host: visitor.ip, user: loggedIn ? visitor.customerId ?? "-" : "-",
                                method: method, target: target, http2: browser.http2, status: status,
                                bytes: bytes, referrer: referrer, agent: browser.agent, kind: kind,
                                orderCents: orderCents))
    }
}
