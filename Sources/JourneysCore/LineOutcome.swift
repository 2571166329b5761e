/// Why a line did not become an event. Rejected lines are bad input; filtered lines are good
/// input the report deliberately leaves out. Both are counted so that read = parsed + filtered + rejected.
/// Value notes are the third kind: the line was parsed and its event kept, but its order value
/// was not (see `MoneyText`); they count parsed lines, so they are no part of that sum.
package enum LineOutcome: String, Sendable, Codable, CaseOrdered {
    // rejected: the line could not be read
    case malformed
    case csvFieldCount = "csv_field_count"
    case missingField = "missing_field"
    case invalidUTF8 = "invalid_utf8"
    case lineTooLong = "line_too_long"
    case badTimestamp = "bad_timestamp"
    case truncated
    case farFromData = "far_from_data"
    // filtered: the line was read and deliberately left out
    case header
    case bot
    case staticAsset = "static_asset"
    case clientError = "status_4xx"
    case serverError = "status_5xx"
    case redirect
    case method
    case outsidePeriod = "outside_period"
    // value notes: the line was parsed, its order value left out
    case orderValueUnreadable = "order_value_unreadable"
    case orderValueImplausible = "order_value_implausible"
    case orderValueOutlier = "order_value_outlier"
    case orderTotalImplausible = "order_total_implausible"

    package var isRejected: Bool {
        switch self {
        case .malformed, .csvFieldCount, .missingField, .invalidUTF8, .lineTooLong, .badTimestamp, .truncated, .farFromData: true
        default: false
        }
    }

    /// Whether this counts parsed lines whose order value was left out (neither filtered nor rejected).
    package var isValueNote: Bool {
        switch self {
        case .orderValueUnreadable, .orderValueImplausible, .orderValueOutlier, .orderTotalImplausible: true
        default: false
        }
    }

    /// Whether `DataQuality` keeps samples of such lines: bad input of either kind. An order
    /// total is found by sessionize, which no longer knows the line, so it is counted only.
    package var isSampled: Bool { (isRejected || isValueNote) && self != .orderTotalImplausible }

    package var explanation: String {
        switch self {
        case .malformed: "not in the expected log format"
        case .csvFieldCount: "CSV row with more or fewer fields than the header"
        case .missingField: "no time, no page or event, or no visitor id in a tracking event"
        case .invalidUTF8: "bytes that are not UTF-8"
        case .lineTooLong: "longer than the line limit"
        case .badTimestamp: "timestamp that is not a real date and time"
        case .truncated: "cut off by the end of a damaged file"
        case .farFromData: "dated far before or after the bulk of the data (a wrong clock or a forged date)"
        case .header: "header line of a CSV export"
        case .bot: "user agent of a bot, crawler, monitor or script"
        case .staticAsset: "static asset (style, script, image, font)"
        case .clientError: "client error response (4xx)"
        case .serverError: "server error response (5xx)"
        case .redirect: "redirect response (3xx), not kept by the config"
        case .method: "method other than GET or POST"
        case .outsidePeriod: "outside the period and its lookback window"
        case .orderValueUnreadable: "order value that cannot be read as money: the order counts, without a value"
        case .orderValueImplausible: "order value above orders.max_value: not counted as an order"
        case .orderValueOutlier: "order value above orders.outlier_factor times the median of the shop's orders of the year before: not counted as an order"
        case .orderTotalImplausible: "line item that brought its order's total above orders.max_value or the outlier bound: the order is not counted"
        }
    }
}
