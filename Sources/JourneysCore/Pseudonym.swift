/// A keyed, non-reversible stand-in for a person's identifier (IP + user agent, cookie, customer id).
/// Raw IP addresses and e-mail addresses never leave extract; only these do.
package struct Pseudonym: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var raw: UInt64
    package init(raw: UInt64) { self.raw = raw }
    package static let none = Pseudonym(raw: 0)
    package var isNone: Bool { raw == 0 }
    package static func < (a: Pseudonym, b: Pseudonym) -> Bool { a.raw < b.raw }
    /// 12 hex digits: enough to tell visitors apart in a report, too few to be a useful join key.
    package var description: String {
        let hex = String(raw >> 16, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}
