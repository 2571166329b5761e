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
    /// The highest order value taken as real, in cents (`orders.max_value`): an order above it
    /// is no order, noted as `order_value_implausible`.
    package var maxOrderValueCents: Int64 = MoneyText.defaultCeilingCents
    /// The shop's usual order values as a bound, in cents (`OrderOutlierRule`): an order above it
    /// and not above `maxOrderValueCents` is no order, noted as `order_value_outlier`; nil when
    /// the rule does not apply. Worked out before the run reads a line, never by extract.
    package var outlierBoundCents: Int64? = nil
    /// The highest value an order may have, by either rule: what the line items of one order may
    /// add up to.
    package var orderValueBoundCents: Int64 { min(maxOrderValueCents, outlierBoundCents ?? .max) }
    /// The shop's currency (`currency`): order values in another are unreadable; nil reads any.
    package var currency: String? = nil
    /// Query parameters of the survey page: its type (nps, csat, ces) and score.
    package var surveyTypeParameter: String = "type"
    package var surveyScoreParameter: String = "score"
    /// Points of the CES scale (5 or 7): answers above it are not survey answers.
    package var cesPoints: Int = 5
    /// Query parameter of a site search's term (`/search?q=...`).
    package var searchParameter: String = "q"
    /// Lines longer than this are rejected as `line_too_long`.
    package var maxLineBytes: Int = 64 * 1024
    /// Secret for the keyed pseudonyms of people.
    package var pseudonymKey: SipHash = SipHash(secret: "journeys")
    /// Events before `keepFrom` or at/after `keepUntil` (Unix seconds) are filtered as outside the period.
    package var keepFrom: Int64 = .min
    package var keepUntil: Int64 = .max
    /// The span of the bulk of the data (`InputScan.bulk`): a line outside the read window and
    /// outside this span is rejected as `far_from_data`, not filtered as `outside_period`.
    package var bulkFrom: Int64 = .min
    package var bulkUntil: Int64 = .max
    /// How lines are read: detected per file from its first non-empty line, or fixed.
    package var format: LogFormat = .auto
    /// Where the fields of JSON-lines tracking events are (dotted paths into the object).
    package var jsonMapping: JSONMapping = .default
    /// Columns of a CSV export whose header is none of the built-in schemas; `nil` accepts the
    /// built-in schemas only.
    package var csvMapping: CSVMapping? = nil
    /// Cookie names holding a session or visitor id when the layout logs the whole `Cookie`
    /// header (`$http_cookie`, `%{Cookie}i`); the first one present becomes the device identity.
    package var sessionCookies: [String] = ["session_id", "sessionid", "sid", "_session_id", "PHPSESSID", "JSESSIONID", "visitor_id"]
    /// HTTP methods whose requests are kept; others are filtered as `method`.
    package var methods: Set<String> = ["GET", "POST"]
    /// Read, decompress and parse on a background thread while the caller consumes the events.
    package var readAhead: Bool = true
    /// Memory for sorting the files that are not in time order, shared by them; a file whose
    /// events need more than its share is sorted through temporary files (an external merge sort).
    package var sortBudgetBytes: Int = 256 << 20
    /// Where the temporary files of an external sort go; `nil` is `TMPDIR`, else `/tmp`.
    package var sortDirectory: String? = nil
    /// Threads that parse a large plain file at once, each a part of it split at line boundaries
    /// (`journeys report --shards`); 1 reads every file on one thread. The events and the report
    /// are the same for any number.
    package var shards: Int = 1
    /// The size of one part of a file read by a shard thread; a file under two parts is read whole.
    package var shardPartBytes: Int = 4 << 20
    /// AWStats' rule "visitor = host": the device is a keyed hash of the client address alone,
    /// with no user agent or cookie.
    package var deviceIsHostOnly: Bool = false

    package init() {}

    /// How much older than the newest line before it a line may be and still be streamed in
    /// place (the sessionizer's reorder window), as the session presets set it.
    package static let defaultOutOfOrderTolerance: Int64 = 5 * 60

    package static let defaultBotAgents: [String] = [
        "bot", "crawler", "spider", "slurp", "crawl", "mediapartners", "facebookexternalhit", "bingpreview",
        "uptimerobot", "pingdom", "statuscake", "site24x7", "newrelicpinger", "datadog", "monitor",
        "headlesschrome", "phantomjs", "selenium", "puppeteer", "playwright", "lighthouse",
        "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "go-http-client", "java/",
        "okhttp", "libwww-perl", "apache-httpclient", "node-fetch", "axios/", "httpclient", "scrapy",
    ]
}
