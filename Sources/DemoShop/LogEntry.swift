/// One request the demo shop's web server logged (or one broken line it wrote).
///
/// Exists to separate *what happened* (decided by the visit scripts, bots and noise) from *how
/// it is written* (`LogLineWriter`), so a day's entries can be sorted by time before writing and
/// counted for the summary by kind.
struct LogEntry: Sendable {
    /// The HTTP methods the shop sees (HEAD only from the uptime monitor).
    enum Method: UInt8, Sendable { case get, post, head }

    /// What the line is, for sorting out the summary counts and for rendering broken lines.
    enum Kind: UInt8, Sendable {
        /// A page (or form POST) of a human visitor.
        case page
        /// A static asset (css, js, image, font, favicon) requested by a human's browser.
        case asset
        /// Any request of a crawler, monitor or script.
        case bot
        /// A port scanner's empty request: `"-" 400` (valid Combined Log Format).
        case scanner
        /// A line cut in the middle (malformed).
        case cut
        /// Binary garbage, invalid UTF-8 (malformed).
        case garbage
        /// A line with an impossible timestamp (malformed).
        case badTimestamp

        var isMalformed: Bool { self == .cut || self == .garbage || self == .badTimestamp }
    }

    /// UTC seconds since 1970.
    var time: Int64
    /// Generation order; breaks ties between equal times deterministically.
    var seq: Int
    var host: String
    /// "-" or a customer id.
    var user: String
    var method: Method
    /// Path and query, e.g. "/p/nordlys-parka".
    var target: String
    var http2: Bool
    var status: Int
    /// Body bytes; 0 is written as "-".
    var bytes: Int
    /// "-" or an absolute URL.
    var referrer: String
    var agent: String
    var kind: Kind
    /// Order value in cents of a real purchase (confirmation, status 200, human); else 0.
    var orderCents: Int = 0
    /// Seed of the broken part of malformed lines.
    var extra: UInt64 = 0
}
