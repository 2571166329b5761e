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

extension Pseudonym {
    package func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    /// A pseudonym is a keyed hash already, even in all 64 bits, and pseudonyms are the keys of
    /// most of the run's tables (sessionize's open visits, every fold's people): see `TableHash`.
    package func _rawHashValue(seed: Int) -> Int { TableHash.mix(raw, seed: seed) }
}

extension Pseudonym {
    /// The pseudonym of a shop's customer id: the keyed hash of `customer`, a unit separator and
    /// the id's bytes. The one definition, shared by extract (ids in the logs) and the history's
    /// import of a shop's order table, so that both name the same person alike.
    /// `scratch` is a buffer the caller keeps, so that the hot path allocates nothing per line.
    package static func customer(_ id: UnsafeRawBufferPointer, key: SipHash, scratch: inout [UInt8]) -> Pseudonym {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: "customer\u{1F}".utf8)
        scratch.append(contentsOf: id)
        return Pseudonym(raw: key.hash(scratch))
    }

    /// The pseudonym of the customer id `id` (its UTF-8 bytes, as given).
    package static func customer(_ id: String, key: SipHash) -> Pseudonym {
        var scratch: [UInt8] = []
        return Array(id.utf8).withUnsafeBytes { customer($0, key: key, scratch: &scratch) }
    }
}

/// A pseudonym in a partial file: its 64 bits as a number.
extension Pseudonym: Codable {
    package init(from decoder: Decoder) throws { raw = try decoder.singleValueContainer().decode(UInt64.self) }
    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(raw)
    }
}
