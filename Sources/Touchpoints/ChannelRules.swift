import JourneysCore

/// Decides a visit's channel: utm parameters first, then click ids, then the referrer's host,
/// else direct. Host lists are built in and extended by the config.
///
/// The order, and why:
/// 1. `utm_medium` (with `utm_source` to tell paid social from paid search): the shop tagged the
///    link itself, so it knows best.
/// 2. Click ids: the ad platform tagged the link; `gclid`, `msclkid` mean a paid search click,
///    `ttclid` a paid TikTok click. `fbclid` is organic social: Meta adds it to every outbound
///    link from Facebook and Instagram, organic posts included, and Meta's paid links are
///    recognised by their utm tags, which come first.
/// 3. `utm_source` alone (no or an unknown medium): a social network's or search engine's name
///    gives organic social or organic search, a newsletter's name e-mail. A click id beats a bare
///    source (`utm_source=google&gclid=...` is an ad click, not organic search).
/// 4. The referrer's host: web mail -> e-mail, search engines -> organic search, social networks
///    -> organic social, the shop's own hosts are ignored, any other host -> referral.
/// 5. An unknown `utm_source` without a referrer is a referral: the source names the site that
///    sent the visitor, so it was not typed in. Nothing at all -> direct.
package struct ChannelRules: Sendable {
    /// Hosts (or bare names matching any label, such as `google`) of search engines.
    package var searchEngines: [String] = ["google", "bing.com", "duckduckgo.com", "yahoo", "ecosia.org", "baidu.com",
                                           "yandex", "startpage.com", "qwant.com", "search.brave.com", "ask.com", "aol.com",
                                           "kagi.com", "seznam.cz", "naver.com", "metager.de"]
    /// Hosts (or bare names matching any label, such as `pinterest`) of social networks.
    package var socialNetworks: [String] = ["facebook.com", "fb.com", "fb.me", "instagram.com", "t.co", "twitter.com", "x.com",
                                            "linkedin.com", "lnkd.in", "pinterest", "tiktok.com", "reddit.com",
                                            "youtube.com", "youtu.be", "snapchat.com", "threads.net", "bsky.app",
                                            "mastodon.social", "tumblr.com", "vk.com", "xing.com", "whatsapp.com", "t.me"]
    /// Hosts of web mail, whose referrals are e-mail.
    package var webMail: [String] = ["mail.google.com", "outlook.live.com", "outlook.office.com", "outlook.office365.com",
                                     "mail.yahoo.com", "mail.aol.com", "mail.proton.me", "webmail", "gmx.net", "gmx.de",
                                     "web.de", "email.t-online.de"]
    /// The shop's own hosts (the config's `shop_hosts`): a referrer from one of them is no referral.
    /// Extract already blanks such referrers; this keeps the rules right for any other caller.
    package var ownHosts: [String] = []
    /// Short names sources use for social networks that the host list cannot spell (`utm_source=ig`).
    package var socialSourceAliases: [String] = ["fb", "ig", "insta", "meta", "yt", "tw", "li", "bluesky", "tiktok"]
    /// Source names that mean e-mail (`utm_source=newsletter` without a medium).
    package var emailSources: [String] = ["newsletter", "email", "e-mail", "e_mail", "mail", "mailing", "crm"]

    package init() {}

    package func channel(campaign: Campaign?, referrerHost: String, symbols: SymbolTable) -> Channel {
        var hasSource = false
        if let c = campaign {
            let medium = symbols[c.medium].lowercased()
            let source = symbols[c.source].lowercased()
            hasSource = !source.isEmpty
            if let byMedium = channel(medium: medium, source: source) { return byMedium }
            switch c.clickID {
            case .gclid?, .msclkid?: return .paidSearch
            case .ttclid?: return .paidSocial
            // Meta adds fbclid to every outbound link, organic posts included.
            case .fbclid?: return .organicSocial
            case nil: break
            }
            if !source.isEmpty {
                if isSocialSource(source) { return .organicSocial }
                if isSearchSource(source) { return .organicSearch }
                if emailSources.contains(source) || Self.matches(source, webMail) { return .email }
            }
        }
        let host = Self.normalized(host: referrerHost)
        if host.isEmpty || Self.matches(host, ownHosts) { return hasSource ? .referral : .direct }
        if Self.matches(host, webMail) { return .email }
        if isSearch(host) { return .organicSearch }
        if isSocial(host) { return .organicSocial }
        return .referral
    }

    /// The channel `utm_medium` names, if it names one; `source` tells paid social from paid search.
    private func channel(medium: String, source: String) -> Channel? {
        switch medium {
        case "cpc", "ppc", "paid", "paidsearch", "paid_search", "paid-search", "sem", "cpv":
            return isSocialSource(source) ? .paidSocial : .paidSearch
        case "paid_social", "paidsocial", "paid-social", "social_paid", "social-paid", "display", "banner", "cpm",
             "video_ad", "paid_video", "retargeting":
            return .paidSocial
        case "email", "e-mail", "e_mail", "newsletter", "mail":
            return .email
        case "social", "social-network", "social_network", "social-media", "social_media", "sm", "organic_social":
            return .organicSocial
        case "affiliate", "affiliates", "referral", "partner", "partners":
            return .referral
        case "organic", "seo":
            // A social network's "organic" post is organic social, not organic search.
            return isSocialSource(source) ? .organicSocial : .organicSearch
        default:
            return nil
        }
    }

    private func isSearch(_ host: String) -> Bool { Self.matches(host, searchEngines) }
    private func isSocial(_ host: String) -> Bool { Self.matches(host, socialNetworks) }

    /// A `utm_source` value names a social network: a host of the list (`facebook.com`), its name
    /// without the top-level domain (`facebook`), or an alias (`ig`).
    private func isSocialSource(_ source: String) -> Bool {
        !source.isEmpty && (Self.matches(source, socialNetworks) || Self.namesEntry(source, socialNetworks)
                            || socialSourceAliases.contains(source))
    }

    private func isSearchSource(_ source: String) -> Bool {
        !source.isEmpty && (Self.matches(source, searchEngines) || Self.namesEntry(source, searchEngines))
    }

    /// `source` is the name part of an entry: `facebook` for `facebook.com`, `brave` for `search.brave.com`.
    static func namesEntry(_ source: String, _ entries: [String]) -> Bool {
        for e in entries {
            let labels = e.split(separator: ".")
            let name = labels.count >= 2 ? labels[labels.count - 2] : labels.first ?? ""
            if name.count > 1 && name == source { return true }
        }
        return false
    }

    /// Lower case, without a port, a trailing dot or surrounding blanks.
    static func normalized(host: String) -> String {
        var h = Substring(host.lowercased())
        while h.first == " " { h = h.dropFirst() }
        while h.last == " " || h.last == "." { h = h.dropLast() }
        if let colon = h.lastIndex(of: ":"), !h.contains("]"), h[h.index(after: colon)...].allSatisfy(\.isNumber) {
            h = h[..<colon]
        }
        return String(h)
    }

    /// `host` is an entry, a subdomain of one, or (for a bare name) has it as a label.
    static func matches(_ host: String, _ entries: [String]) -> Bool {
        for entry in entries {
            let e = entry.lowercased()
            if e.isEmpty { continue }
            if e.contains(".") {
                if host == e || host.hasSuffix("." + e) { return true }
            } else if host == e || host.split(separator: ".").contains(Substring(e)) {
                return true
            }
        }
        return false
    }
}
