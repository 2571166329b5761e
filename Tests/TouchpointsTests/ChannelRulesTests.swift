import JourneysCore
import Testing
@testable import Touchpoints

/// The channel of a landing request, from its utm parameters, click id and referrer host.
private func channel(source: String = "", medium: String = "", name: String = "", click: ClickID? = nil,
                     referrer: String = "", rules: ChannelRules = ChannelRules()) -> Channel {
    var symbols = SymbolTable()
    let tagged = !source.isEmpty || !medium.isEmpty || !name.isEmpty || click != nil
    let campaign = tagged
        ? Campaign(source: symbols.intern(source), medium: symbols.intern(medium), name: symbols.intern(name), clickID: click)
        : nil
    return rules.channel(campaign: campaign, referrerHost: referrer, symbols: symbols)
}

@Suite("Channel rules")
struct ChannelRulesTests {
    @Test("utm_medium for paid search", arguments: ["cpc", "CPC", "ppc", "paid", "paidsearch", "paid-search", "sem"])
    func paidSearchMedium(_ medium: String) {
        #expect(channel(source: "google", medium: medium) == .paidSearch)
        #expect(channel(medium: medium) == .paidSearch)
    }

    @Test("utm_medium cpc from a social network is paid social",
          arguments: ["facebook", "instagram", "ig", "fb", "tiktok", "linkedin", "l.facebook.com", "Pinterest"])
    func paidSocialBySource(_ source: String) {
        #expect(channel(source: source, medium: "cpc") == .paidSocial)
    }

    @Test("utm_medium for paid social and display", arguments: ["paid_social", "paidsocial", "display", "banner", "cpm"])
    func paidSocialMedium(_ medium: String) {
        #expect(channel(source: "somewhere", medium: medium) == .paidSocial)
    }

    @Test("utm_medium for e-mail", arguments: ["email", "e-mail", "newsletter", "Newsletter", "mail"])
    func emailMedium(_ medium: String) {
        #expect(channel(source: "spring-sale", medium: medium) == .email)
    }

    @Test("utm_medium social is organic social", arguments: ["social", "social-media", "social_network", "sm"])
    func socialMedium(_ medium: String) {
        #expect(channel(source: "instagram", medium: medium) == .organicSocial)
    }

    @Test("utm_medium affiliate and referral", arguments: ["affiliate", "affiliates", "referral", "partner"])
    func referralMedium(_ medium: String) {
        #expect(channel(source: "blog", medium: medium) == .referral)
    }

    @Test("utm_medium organic: search, or social when the source is a social network")
    func organicMedium() {
        #expect(channel(source: "google", medium: "organic") == .organicSearch)
        #expect(channel(source: "facebook", medium: "organic") == .organicSocial)
    }

    @Test("utm_medium beats the referrer")
    func mediumBeatsReferrer() {
        #expect(channel(source: "newsletter", medium: "email", referrer: "www.google.com") == .email)
    }

    @Test("utm_source alone: social, search, newsletter, else referral")
    func sourceOnly() {
        #expect(channel(source: "instagram") == .organicSocial)
        #expect(channel(source: "facebook.com") == .organicSocial)
        #expect(channel(source: "google") == .organicSearch)
        #expect(channel(source: "bing") == .organicSearch)
        #expect(channel(source: "newsletter") == .email)
        // An unknown source names the site that sent the visitor: not typed in.
        #expect(channel(source: "partner-blog") == .referral)
        // ... unless a referrer says more.
        #expect(channel(source: "partner-blog", referrer: "duckduckgo.com") == .organicSearch)
        // An unknown medium does not hide a known source.
        #expect(channel(source: "instagram", medium: "story") == .organicSocial)
    }

    @Test("click ids: gclid and msclkid paid search, ttclid paid social, fbclid organic social")
    func clickIDs() {
        #expect(channel(click: .gclid) == .paidSearch)
        #expect(channel(click: .msclkid) == .paidSearch)
        #expect(channel(click: .ttclid) == .paidSocial)
        // Meta adds fbclid to every outbound link, organic posts included.
        #expect(channel(click: .fbclid) == .organicSocial)
        #expect(channel(click: .fbclid, referrer: "l.facebook.com") == .organicSocial)
    }

    @Test("a click id beats a bare source and the referrer; utm_medium beats a click id")
    func clickIDOrder() {
        #expect(channel(source: "google", click: .gclid) == .paidSearch)
        #expect(channel(click: .gclid, referrer: "www.google.de") == .paidSearch)
        #expect(channel(source: "facebook", medium: "paid_social", click: .fbclid) == .paidSocial)
        #expect(channel(source: "facebook", medium: "cpc", click: .fbclid) == .paidSocial)
        #expect(channel(source: "newsletter", medium: "email", click: .gclid) == .email)
    }

    @Test("search engine referrers", arguments: ["www.google.com", "google.de", "www.bing.com", "duckduckgo.com",
                                                 "search.yahoo.com", "www.ecosia.org", "yandex.ru", "search.brave.com"])
    func searchReferrer(_ host: String) {
        #expect(channel(referrer: host) == .organicSearch)
    }

    @Test("social network referrers", arguments: ["www.facebook.com", "l.facebook.com", "m.facebook.com", "instagram.com",
                                                  "l.instagram.com", "t.co", "www.tiktok.com", "de.pinterest.com",
                                                  "www.linkedin.com", "youtu.be", "old.reddit.com"])
    func socialReferrer(_ host: String) {
        #expect(channel(referrer: host) == .organicSocial)
    }

    @Test("web mail referrers are e-mail, before the search engine of the same company",
          arguments: ["mail.google.com", "outlook.live.com", "mail.yahoo.com", "webmail.example.net", "web.de", "gmx.net"])
    func webMailReferrer(_ host: String) {
        #expect(channel(referrer: host) == .email)
    }

    @Test("an unknown referrer is a referral; lookalike hosts are not matched")
    func unknownReferrer() {
        #expect(channel(referrer: "blog.example.org") == .referral)
        #expect(channel(referrer: "notfacebook.com") == .referral)
        #expect(channel(referrer: "xt.co") == .referral)
    }

    @Test("referrer hosts in any case, with a port or a trailing dot")
    func referrerNormalised() {
        #expect(channel(referrer: "WWW.Google.COM") == .organicSearch)
        #expect(channel(referrer: "www.bing.com:443") == .organicSearch)
        #expect(channel(referrer: "www.facebook.com.") == .organicSocial)
    }

    @Test("no campaign and no referrer is direct")
    func direct() {
        #expect(channel() == .direct)
        // a campaign that names nothing we know and no source: still direct
        #expect(channel(medium: "qr-code") == .direct)
        #expect(channel(name: "spring") == .direct)
    }

    @Test("the shop's own hosts are no referral")
    func selfReferral() {
        var rules = ChannelRules()
        rules.ownHosts = ["shop.example.com", "example.com"]
        #expect(channel(referrer: "shop.example.com", rules: rules) == .direct)
        #expect(channel(referrer: "checkout.example.com", rules: rules) == .direct)
        #expect(channel(referrer: "SHOP.EXAMPLE.COM", rules: rules) == .direct)
        #expect(channel(source: "newsletter", medium: "email", referrer: "shop.example.com", rules: rules) == .email)
        // without the list the same host is a referral
        #expect(channel(referrer: "shop.example.com") == .referral)
        // extract blanks such referrers already: an empty host is direct either way
        #expect(channel(referrer: "", rules: rules) == .direct)
    }

    @Test("the config extends the host lists")
    func extendedLists() {
        var rules = ChannelRules()
        #expect(channel(referrer: "www.searchlocal.example", rules: rules) == .referral)
        #expect(channel(referrer: "community.example", rules: rules) == .referral)
        rules.searchEngines += ["searchlocal.example"]
        rules.socialNetworks += ["community.example", "vero"]
        #expect(channel(referrer: "www.searchlocal.example", rules: rules) == .organicSearch)
        #expect(channel(referrer: "community.example", rules: rules) == .organicSocial)
        #expect(channel(referrer: "vero.co", rules: rules) == .organicSocial)
        #expect(channel(source: "community.example", medium: "cpc", rules: rules) == .paidSocial)
        #expect(channel(source: "community", medium: "cpc", rules: rules) == .paidSocial)
    }
}
