import JourneysCore

/// The fields of one line, whatever its format, as views into the line (or into a decoder's
/// scratch buffer), valid until the next line. Only the fields an event keeps are decoded later.
struct LineRecord {
    static var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

    var time: Int64 = 0
    /// Client IP address (empty when the source has none).
    var client = LineRecord.empty
    /// `nil` when the source has no user agent: then it is not taken for a bot.
    var agent: UnsafeRawBufferPointer? = nil
    /// `nil` when the source has no method: then no method filter applies.
    var method: UnsafeRawBufferPointer? = nil
    /// Request target, path or URL, possibly with a query; empty when the line is an event without a page.
    var target = LineRecord.empty
    /// A query string logged apart from the path (`$args`, `%q`), without `?`.
    var query: UnsafeRawBufferPointer? = nil
    /// HTTP status; `nil` when the source has none.
    var status: Int? = nil
    var referrer: UnsafeRawBufferPointer? = nil
    /// Logged-in customer id (`remote_user`, a user id field).
    var customer: UnsafeRawBufferPointer? = nil
    /// Whether `customer` is the access log's remote user (subject to `customerFromRemoteUser`).
    var customerIsRemoteUser = false
    /// Session or visitor cookie: the device identity when present.
    var cookie: UnsafeRawBufferPointer? = nil
    /// Event name or type, for the synthetic path `event:<name>` when there is no page.
    var eventName: UnsafeRawBufferPointer? = nil
    /// Path symbol already chosen by the decoder (CSV event types); wins over `eventName`.
    var eventPath: Symbol = .none
    var orderID: UnsafeRawBufferPointer? = nil
    var orderValue: UnsafeRawBufferPointer? = nil
    /// Whether rows of this order id are its line items, to be added up (exports), rather than
    /// repeats of the whole order (a reloaded confirmation page).
    var orderIsLineItems = false
    var surveyType: UnsafeRawBufferPointer? = nil
    var surveyScore: UnsafeRawBufferPointer? = nil
    /// A handling time in seconds (support exports), as text.
    var handlingSeconds: UnsafeRawBufferPointer? = nil

    /// True for `-` (a missing field) and empty fields.
    @inline(__always) static func isMissing(_ b: UnsafeRawBufferPointer) -> Bool {
        b.isEmpty || (b.count == 1 && b[0] == 0x2D)
    }
}
