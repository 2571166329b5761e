import JourneysCore

/// State shared by every file of one run: the interned strings, per-user-agent decisions and the
/// data-quality tally. Each distinct path, host or user agent is decoded once, not once per line.
package final class ExtractContext {
    package let options: ExtractOptions
    package private(set) var symbols = SymbolTable()
    package var quality = DataQuality()

    private var symbolCache = ByteCache<Symbol>()
    private var agents = ByteCache<Agent>()
    private var eventPaths = ByteCache<Symbol>()
    private var scratch: [UInt8] = []

    struct Agent {
        var isBot: Bool
        var deviceClass: DeviceClass
    }

    /// The asset extensions, packed (see `packedExtension`).
    let assetWords: [UInt64]

    package init(options: ExtractOptions) {
        self.options = options
        assetWords = options.assetExtensions.compactMap(packedExtension).sorted()
        scratch.reserveCapacity(1024)
    }

    /// The symbol for `bytes`, decoding them only the first time they are seen.
    package func intern(_ bytes: UnsafeRawBufferPointer) -> Symbol {
        let h = fastHash(bytes)
        if let s = symbolCache.find(bytes, hash: h) { return s }
        let s = symbols.intern(String(decoding: bytes, as: UTF8.self))
        symbolCache.insert(bytes, hash: h, value: s)
        return s
    }

    package func intern(_ string: String) -> Symbol { symbols.intern(string) }

    func agent(_ bytes: UnsafeRawBufferPointer) -> Agent {
        let h = fastHash(bytes)
        if let a = agents.find(bytes, hash: h) { return a }
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
        agents.insert(bytes, hash: h, value: a)
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

    /// Keyed pseudonym of a session or visitor cookie (the device identity when a source has one).
    func cookiePseudonym(_ id: UnsafeRawBufferPointer) -> Pseudonym {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: "cookie\u{1F}".utf8)
        scratch.append(contentsOf: id)
        return Pseudonym(raw: options.pseudonymKey.hash(scratch))
    }

    /// The synthetic path `event:<name>` of an event without a page: the name lower-cased, runs
    /// of other characters than letters and digits turned into one `_` (`Order Completed` ->
    /// `event:order_completed`).
    func eventPath(_ name: UnsafeRawBufferPointer) -> Symbol {
        let h = fastHash(name)
        if let s = eventPaths.find(name, hash: h) { return s }
        var out: [UInt8] = Array("event:".utf8)
        var pendingUnderscore = false
        for b in name {
            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c >= 0x80 {
                if pendingUnderscore && out.count > 6 { out.append(0x5F) }
                pendingUnderscore = false
                out.append(c)
            } else {
                pendingUnderscore = true
            }
        }
        let s = symbols.intern(String(decoding: out, as: UTF8.self))
        eventPaths.insert(name, hash: h, value: s)
        return s
    }

    /// Keyed pseudonym of a customer id (`Pseudonym.customer`, as the history's import makes it).
    func customerPseudonym(_ id: UnsafeRawBufferPointer) -> Pseudonym {
        Pseudonym.customer(id, key: options.pseudonymKey, scratch: &scratch)
    }
}
