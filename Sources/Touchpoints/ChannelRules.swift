import JourneysCore

/// Decides a visit's channel: utm parameters first, then click ids, then the referrer's host,
/// else direct. Host lists are built in and extended by the config.
package struct ChannelRules: Sendable {
    /// Hosts (or bare names matching any label, such as `google`) of search engines.
    package var searchEngines: [String] = ["google", "bing.com", "duckduckgo.com", "yahoo", "ecosia.org", "baidu.com",
                                           "yandex", "startpage.com", "qwant.com", "search.brave.com", "ask.com", "aol.com"]
    /// Hosts of social networks.
    package var socialNetworks: [String] = ["facebook.com", "fb.com", "instagram.com", "t.co", "twitter.com", "x.com",
                                            "linkedin.com", "lnkd.in", "pinterest", "tiktok.com", "reddit.com",
                                            "youtube.com", "snapchat.com", "threads.net", "bsky.app", "mastodon.social"]
    /// Hosts of web mail, whose referrals are e-mail.
    package var webMail: [String] = ["mail.google.com", "outlook.live.com", "mail.yahoo.com", "webmail", "gmx.net", "web.de"]

    package init() {}

    package func channel(campaign: Campaign?, referrerHost: String, symbols: SymbolTable) -> Channel {
        if let c = campaign {
            let medium = symbols[c.medium].lowercased()
            let source = symbols[c.source].lowercased()
            if let byMedium = channel(medium: medium, source: source) { return byMedium }
            switch c.clickID {
            case .gclid?, .msclkid?: return .paidSearch
            case .ttclid?: return .paidSocial
            // Meta adds fbclid to every outbound link, organic posts included.
            case .fbclid?: return .organicSocial
            case nil: break
            }
            if medium.isEmpty && !source.isEmpty {
                if isSocial(source) { return .organicSocial }
                if isSearch(source) { return .organicSearch }
                if ["newsletter", "email", "e-mail", "mail"].contains(source) { return .email }
            }
        }
        let host = referrerHost.lowercased()
        if host.isEmpty { return .direct }
        if Self.matches(host, webMail) { return .email }
        if isSearch(host) { return .organicSearch }
        if isSocial(host) { return .organicSocial }
        return .referral
    }

    private func channel(medium: String, source: String) -> Channel? {
        switch medium {
        case "cpc", "ppc", "paid", "paidsearch", "paid_search", "paid-search", "sem", "cpv":
            return isSocial(source) ? .paidSocial : .paidSearch
        case "paid_social", "paidsocial", "paid-social", "social_paid", "social-paid", "display", "banner", "cpm", "video_ad":
            return .paidSocial
        case "email", "e-mail", "e_mail", "newsletter", "mail":
            return .email
        case "social", "social-network", "social_network", "social-media", "social_media", "sm", "organic_social":
            return .organicSocial
        case "affiliate", "affiliates", "referral", "partner", "partners":
            return .referral
        case "organic", "seo":
            return .organicSearch
        default:
            return nil
        }
    }

    private func isSearch(_ host: String) -> Bool { Self.matches(host, searchEngines) }
    private func isSocial(_ host: String) -> Bool { Self.matches(host, socialNetworks) }

    /// `host` is an entry, a subdomain of one, or (for a bare name) has it as a label.
    static func matches(_ host: String, _ entries: [String]) -> Bool {
        for e in entries {
            if e.contains(".") {
                if host == e || host.hasSuffix("." + e) { return true }
            } else if host == e || host.split(separator: ".").contains(Substring(e)) {
                return true
            }
        }
        return false
    }
}
