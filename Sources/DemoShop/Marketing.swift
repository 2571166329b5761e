import JourneysCore

/// The shop's marketing calendar: campaigns, referring sites and the channel mix per day.
///
/// Exists so arrivals carry realistic, consistent UTM parameters, click ids and referrers for
/// each channel docs/definitions.md names ("Channels"), and so channel volumes change from week to week (a weekly
/// newsletter, a paid-social teaser before Black Week, a paid-search budget cut) and the
/// week-over-week report has real changes to show.
package enum Marketing {
    /// How a visit arrived (docs/definitions.md "Channels").
    package enum Channel: Int, Sendable, CaseIterable {
        case organicSearch, paidSearch, paidSocial, organicSocial, email, referral, direct
    }

    package static let searchReferrers = ["https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/"]
    package static let searchReferrerWeights: [Double] = [0.80, 0.12, 0.08]

    package static let socialReferrers = ["https://www.instagram.com/", "https://l.facebook.com/",
                                          "https://www.tiktok.com/", "https://t.co/"]
    package static let socialReferrerWeights: [Double] = [0.45, 0.25, 0.22, 0.08]

    package static let googleCampaigns = ["brand-de", "generic-jackets", "shopping-knitwear", "autumn-sale"]
    package static let bingCampaigns = ["bing-brand", "bing-generic"]
    package static let socialCampaigns = ["autumn-lookbook", "ugc-reels", "retargeting-cart"]

    /// Editorial and affiliate sites linking to the shop; `affiliate` ones add UTM parameters.
    package struct Referrer: Sendable {
        package let url: String
        package let affiliateSource: String?
    }
    package static let referrers: [Referrer] = [
        Referrer(url: "https://www.stylefinder-blog.example/herbst-jacken-2026", affiliateSource: nil),
        Referrer(url: "https://www.stylefinder-blog.example/capsule-wardrobe", affiliateSource: nil),
        Referrer(url: "https://www.outdoor-magazin.example/test/regenjacken", affiliateSource: nil),
        Referrer(url: "https://forum.wanderfreunde.example/thread/4711", affiliateSource: nil),
        Referrer(url: "https://www.deals-portal.example/gutscheine/nordlicht", affiliateSource: "deals-portal"),
        Referrer(url: "https://www.cashback-welt.example/shops/nordlicht", affiliateSource: "cashback-welt"),
    ]
    package static let referrerWeights: [Double] = [0.25, 0.12, 0.18, 0.08, 0.22, 0.15]

    /// Day number of 2026-11-16, start of the paid-social "black-week-teaser".
    static let teaserStart = CivilDate(year: 2026, month: 11, day: 16).dayNumber
    /// Day numbers of the paid-search budget cut (2026-11-02 .. 2026-11-08, ISO week 45).
    static let budgetCut = CivilDate(year: 2026, month: 11, day: 2).dayNumber...CivilDate(year: 2026, month: 11, day: 8).dayNumber

    /// The newsletter goes out on Thursdays; its campaign is named after the ISO week sent.
    static func newsletterCampaign(forDay dayNumber: Int) -> (campaign: String, daysSinceSend: Int) {
        let date = CivilDate(dayNumber: dayNumber)
        let back = (date.isoWeekday - 4 + 7) % 7
        let send = CivilDate(dayNumber: dayNumber - back)
        let week = send.isoWeek
        return ("nl-\(week.year)-w\(week.week < 10 ? "0" : "")\(week.week)", back)
    }

    /// Channel weights of first visits (new visitors) on a given day.
    static func newVisitorWeights(day: Int) -> [Double] {
        var w: [Double] = [0.30, 0.15, 0.12, 0.10, 0.02, 0.08, 0.23]
        adjust(&w, day: day)
        return w
    }

    /// Channel weights of returning visitors on a given day.
    static func returningWeights(day: Int) -> [Double] {
        var w: [Double] = [0.20, 0.11, 0.06, 0.06, 0.15, 0.05, 0.37]
        adjust(&w, day: day)
        return w
    }

    private static func adjust(_ w: inout [Double], day: Int) {
        let (_, since) = newsletterCampaign(forDay: day)
        w[Channel.email.rawValue] *= since == 0 ? 3.0 : since == 1 ? 1.7 : since >= 5 ? 0.6 : 1.0
        if day >= teaserStart { w[Channel.paidSocial.rawValue] *= 2.1 }
        if budgetCut.contains(day) { w[Channel.paidSearch.rawValue] *= 0.45 }
    }

    /// Multiplier of a day's traffic: weekday shape, campaigns and a slow autumn upswing.
    static func dayFactor(day: Int, noise: Double) -> Double {
        let weekday = CivilDate(dayNumber: day).isoWeekday
        let shape: [Double] = [1.04, 0.98, 0.97, 1.03, 0.91, 0.84, 1.13]
        var f = shape[weekday - 1] * (0.9 + 0.2 * noise)
        if day >= teaserStart { f *= 1.09 }
        if budgetCut.contains(day) { f *= 0.94 }
        // +1.5 % per week towards Black Week (relative to 2026-10-19).
        let weeksIn = Double(day - CivilDate(year: 2026, month: 10, day: 19).dayNumber) / 7.0
        f *= 1.0 + 0.015 * max(-10, min(10, weeksIn))
        return f
    }

    /// Visits per local hour (0...23), evening peak, quiet night.
    static let hourWeights: [Double] = [0.60, 0.35, 0.20, 0.15, 0.12, 0.18, 0.45, 0.90, 1.30, 1.60, 1.80, 1.90,
                                        2.10, 2.00, 1.80, 1.70, 1.70, 1.80, 2.10, 2.50, 2.80, 2.70, 2.10, 1.30]
}
