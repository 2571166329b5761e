import JourneysCore

/// What extract keeps and drops; built by the pipeline from its config.
package struct ExtractOptions: Sendable {
    /// Case-insensitive substrings of user agents that mark bots, crawlers, monitors and scripts.
    package var botAgents: [String] = ExtractOptions.defaultBotAgents
    /// Lower-case file extensions of static assets (without the dot).
    package var assetExtensions: Set<String> = ["css", "js", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif",
                                                "ico", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "txt", "xml"]
    /// Whether 3xx responses count as page views (a redirect after a POST often is one).
    package var keepRedirects: Bool = true
    /// Hosts of the shop itself: referrers from them are internal navigation, not referrals.
    package var ownHosts: Set<String> = []
    /// Where the logged-in customer id is: the `remote_user` field and/or a query parameter.
    package var customerFromRemoteUser: Bool = true
    package var customerQueryParameter: String? = nil
    /// Query parameters of the order confirmation page holding the order id and value (in currency units).
    package var orderIDParameter: String = "order"
    package var orderValueParameter: String = "value"
    /// Query parameters of the survey page: its type (nps, csat, ces) and score.
    package var surveyTypeParameter: String = "type"
    package var surveyScoreParameter: String = "score"
    /// Lines longer than this are rejected as `line_too_long`.
    package var maxLineBytes: Int = 64 * 1024
    /// Secret for the keyed pseudonyms of people.
    package var pseudonymKey: SipHash = SipHash(secret: "journeys")
    /// Events before `keepFrom` or at/after `keepUntil` (Unix seconds) are filtered as outside the period.
    package var keepFrom: Int64 = .min
    package var keepUntil: Int64 = .max

    package init() {}

    package static let defaultBotAgents: [String] = [
        "bot", "crawler", "spider", "slurp", "crawl", "mediapartners", "facebookexternalhit", "bingpreview",
        "uptimerobot", "pingdom", "statuscake", "site24x7", "newrelicpinger", "datadog", "monitor",
        "headlesschrome", "phantomjs", "selenium", "puppeteer", "playwright", "lighthouse",
        "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "go-http-client", "java/",
        "okhttp", "libwww-perl", "apache-httpclient", "node-fetch", "axios/", "httpclient", "scrapy",
    ]
}
