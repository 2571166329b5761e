/// How the lines of an input file are read.
package enum LogFormat: Sendable, Equatable {
    /// Decided per file from its first non-empty line: `{` is JSON lines, a header of a known
    /// CSV schema (or of `csvMapping`) is CSV, anything else an access log in Combined, Common
    /// or virtual-host Combined Log Format.
    case auto
    /// Combined or Common Log Format, with or without a leading virtual host (`%v:%p` or `%v`).
    case combined
    /// A custom access-log layout: an nginx `log_format` string (`$remote_addr - $remote_user
    /// [$time_local] "$request" ...`) or an Apache `LogFormat` string (`%h %l %u %t \"%r\" ...`).
    case layout(String)
    /// One tracking event per line as a JSON object, read with `ExtractOptions.jsonMapping`.
    case json
    /// A CSV export with a header: a built-in schema or `ExtractOptions.csvMapping`.
    case csv

    /// Reads a config value: `auto`, `combined`, `common`, `vhost_combined`, `json`, `csv`, or a
    /// layout string (anything with `$` or `%`). `nil` for anything else.
    package init?(parsing text: String) {
        switch text.lowercased() {
        case "auto", "": self = .auto
        case "combined", "common", "clf", "vhost_combined", "vhost", "apache", "nginx": self = .combined
        case "json", "jsonl", "json-lines", "json_lines", "ndjson": self = .json
        case "csv": self = .csv
        default:
            guard text.contains("$") || text.contains("%") else { return nil }
            self = .layout(text)
        }
    }
}

/// Where the fields of a JSON tracking event are. Each field lists dotted paths into the object
/// (`context.page.url`), tried in order; the first present wins. The default fits Segment
/// (`type`, `event`, `userId`, `anonymousId`, `properties`, `context.page`) and Snowplow enriched
/// events (`event_name`, `domain_userid`, `domain_sessionid`, `page_url`, `collector_tstamp`).
package struct JSONMapping: Sendable, Equatable {
    /// ISO 8601 text, or a Unix time in seconds or milliseconds (number or digits).
    package var time: [String] = ["timestamp", "time", "ts", "event_time", "derived_tstamp", "collector_tstamp", "sentAt", "receivedAt"]
    /// Kind of event (`page`, `track`, `view`, ...).
    package var type: [String] = ["type", "event_type", "event"]
    /// Name of a tracked event (`Order Completed`); preferred to `type` for the synthetic path.
    package var name: [String] = ["event", "event_name", "name", "se_action"]
    /// Logged-in customer id: the strongest identity.
    package var customer: [String] = ["userId", "user_id", "customer_id"]
    /// Cookie, anonymous or session id: the device identity when present.
    package var device: [String] = ["anonymousId", "anonymous_id", "domain_userid", "sessionId", "session_id", "domain_sessionid", "context.sessionId"]
    /// Page URL (absolute or a path, with query); its utm parameters and click ids count.
    package var url: [String] = ["context.page.url", "properties.url", "page_url", "url", "context.page.path", "properties.path", "page_urlpath", "path", "page"]
    package var referrer: [String] = ["context.page.referrer", "properties.referrer", "page_referrer", "referrer"]
    package var userAgent: [String] = ["context.userAgent", "useragent", "user_agent", "userAgent"]
    package var ip: [String] = ["context.ip", "user_ipaddress", "ip"]
    package var orderID: [String] = ["properties.order_id", "properties.orderId", "properties.transaction_id", "order_id", "tr_orderid"]
    /// Order value in currency units (number or text).
    package var revenue: [String] = ["properties.revenue", "properties.total", "properties.value", "revenue", "tr_total"]
    /// Survey type (`nps`, `csat`, `ces`) and score.
    package var surveyType: [String] = ["properties.survey_type", "properties.survey", "survey_type"]
    package var surveyScore: [String] = ["properties.score", "properties.survey_score", "score"]
    /// Handling time of a support contact, in seconds (number or text).
    package var duration: [String] = ["properties.duration", "properties.duration_seconds", "properties.handling_seconds", "duration"]
    /// Event names (as in their synthetic path, without `event:`) that complete an order: only
    /// these carry the order id and revenue into the report.
    package var purchaseEvents: Set<String> = ["order_completed", "purchase", "transaction", "completed_order", "checkout_completed"]

    package init() {}
    package static let `default` = JSONMapping()
}

/// Columns of a CSV export. Column names are matched exactly against the header; a `nil`
/// column is not in the export.
package struct CSVMapping: Sendable, Equatable {
    /// ISO 8601 (`2019-10-01 00:00:00 UTC`) or Unix seconds / milliseconds.
    package var time: String
    /// Event type column (`view`, `cart`, `purchase`): the synthetic path `event:<type>`.
    package var type: String
    /// Logged-in customer id.
    package var customer: String? = nil
    /// Cookie, visitor or session id: the device identity.
    package var device: String? = nil
    /// A page URL column; when present and not empty it is the path instead of `event:<type>`.
    package var url: String? = nil
    package var referrer: String? = nil
    package var userAgent: String? = nil
    package var ip: String? = nil
    /// Order id of purchase rows; without it, purchase rows of one device at one time are one order.
    package var orderID: String? = nil
    /// Price or order value in currency units; purchase rows of one order are summed.
    package var value: String? = nil
    /// Handling time of a support contact in seconds, on the rows that have one.
    package var duration: String? = nil
    /// Event types renamed before they become paths (`addtocart` -> `cart`).
    package var typeAliases: [String: String] = [:]
    /// Event types (after renaming) that are purchases.
    package var purchaseTypes: Set<String> = ["purchase"]
    /// Field separator.
    package var separator: UInt8 = UInt8(ascii: ",")

    package init(time: String, type: String) { self.time = time; self.type = type }

    /// The e-commerce behaviour export (REES46 / Kaggle "eCommerce behavior data from multi
    /// category store"): `event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session`.
    package static let ecommerceBehavior: CSVMapping = {
        var m = CSVMapping(time: "event_time", type: "event_type")
        m.customer = "user_id"
        m.device = "user_session"
        m.value = "price"
        return m
    }()

    /// The RetailRocket events export: `timestamp,visitorid,event,itemid,transactionid` (epoch ms).
    package static let retailRocket: CSVMapping = {
        var m = CSVMapping(time: "timestamp", type: "event")
        m.device = "visitorid"
        m.orderID = "transactionid"
        m.typeAliases = ["addtocart": "cart", "transaction": "purchase"]
        return m
    }()

    /// Built-in schemas, recognised by their header.
    package static let builtIn: [(header: [String], mapping: CSVMapping)] = [
        (["event_time", "event_type", "product_id", "category_id", "category_code", "brand", "price", "user_id", "user_session"], ecommerceBehavior),
        (["timestamp", "visitorid", "event", "itemid", "transactionid"], retailRocket),
    ]

    /// The columns this mapping needs.
    var requiredColumns: [String] { [time, type] }
    var allColumns: [String] { [time, type] + [customer, device, url, referrer, userAgent, ip, orderID, value, duration].compactMap { $0 } }
}
