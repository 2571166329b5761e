import JourneysCore

/// State shared by every file of one run: the interned strings, per-user-agent decisions and the
/// data-quality tally. Each distinct path, host or user agent is decoded once, not once per line.
package final class ExtractContext {
    package let options: ExtractOptions
    package private(set) var symbols = SymbolTable()
    package var quality = DataQuality()

    private var symbolByHash: [UInt64: Symbol] = [:]
    private var agents: [UInt64: Agent] = [:]
    /// Unkeyed hash for cache look-ups only; never written anywhere.
    private let lookupHash = SipHash(k0: 0x0123_4567_89ab_cdef, k1: 0xfedc_ba98_7654_3210)
    private var scratch: [UInt8] = []

    struct Agent {
        var isBot: Bool
        var deviceClass: DeviceClass
    }

    package init(options: ExtractOptions) {
        self.options = options
        scratch.reserveCapacity(1024)
    }

    /// The symbol for `bytes`, decoding them only the first time they are seen.
    package func intern(_ bytes: UnsafeRawBufferPointer) -> Symbol {
        let h = lookupHash.hash(bytes)
        if let s = symbolByHash[h], symbols[s].utf8.elementsEqual(bytes) { return s }
        let s = symbols.intern(String(decoding: bytes, as: UTF8.self))
        symbolByHash[h] = s
        return s
    }

    package func intern(_ string: String) -> Symbol { symbols.intern(string) }

    func agent(_ bytes: UnsafeRawBufferPointer) -> Agent {
        let h = lookupHash.hash(bytes)
        if let a = agents[h] { return a }
        let lower = String(decoding: bytes, as: UTF8.self).lowercased()
        let isBot = lower.isEmpty || lower == "-" || options.botAgents.contains { lower.contains($0) }
        let device: DeviceClass
        if lower.contains("ipad") || lower.contains("tablet") || (lower.contains("android") && !lower.contains("mobile")) {
            device = .tablet
        } else if lower.contains("mobi") || lower.contains("iphone") || lower.contains("android") {
            device = .mobile
        } else {
            device = .desktop
        }
        let a = Agent(isBot: isBot, deviceClass: device)
        agents[h] = a
        return a
    }

    /// Keyed pseudonym of two fields taken together (IP and user agent).
    func pseudonym(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Pseudonym {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: a)
        scratch.append(0x1F)
        scratch.append(contentsOf: b)
        return Pseudonym(raw: options.pseudonymKey.hash(scratch))
    }

    /// Keyed pseudonym of a customer id.
    func customerPseudonym(_ id: UnsafeRawBufferPointer) -> Pseudonym {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: "customer\u{1F}".utf8)
        scratch.append(contentsOf: id)
        return Pseudonym(raw: options.pseudonymKey.hash(scratch))
    }
}
