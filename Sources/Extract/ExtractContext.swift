#if canImport(Glibc)
import Glibc
#endif
import JourneysCore

/// State shared by every file of one run: the interned strings, per-user-agent decisions and the
/// data-quality tally. Each distinct path, host or user agent is decoded once, not once per line.
package final class ExtractContext {
    package let options: ExtractOptions
    package private(set) var symbols = SymbolTable()
    package var quality = DataQuality()
    /// The value note of the line just classified (`order_value_unreadable`,
    /// `order_value_implausible`), for the reader that counts it; nil for most lines.
    package var valueNote: LineOutcome? = nil

    private var symbolCache = ByteCache<Symbol>()
    /// Decisions per distinct user agent; a shard thread carries its cache from part to part.
    var agents = ByteCache<Agent>()
    /// A referrer's host as it was read, to its symbol as `referrerHost` resolves it.
    var referrerHosts = ByteCache<Symbol>()
    private var eventPaths = ByteCache<Symbol>()
    private var scratch: [UInt8] = []

    struct Agent {
        var isBot: Bool
        var deviceClass: DeviceClass
    }

    /// The asset extensions, packed (see `packedExtension`).
    let assetWords: [UInt64]
    /// The bot substrings as lower-case bytes, for user agents that are plain ASCII.
    private let botPatterns: [[UInt8]]

    package init(options: ExtractOptions) {
        self.options = options
        assetWords = options.assetExtensions.compactMap(packedExtension).sorted()
        botPatterns = options.botAgents.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        scratch.reserveCapacity(1024)
    }

    /// Adds an account for `file` to the data quality; its index there.
    func addAccount(_ file: String) -> Int {
        quality.files.append(FileAccount(file: file))
        return quality.files.count - 1
    }

    /// Adds the counts of a part of file `account` read elsewhere (a thread's part, a Spark
    /// slice) and its samples, their line numbers moved by `lineOffset`, the lines before it.
    func addPart(_ a: FileAccount?, samples: [LineOutcome: [LineSample]], lineOffset: Int, to account: Int) {
        if let a {
            quality.files[account].read += a.read
            quality.files[account].parsed += a.parsed
            for (o, c) in a.outcomes { quality.files[account].outcomes[o, default: 0] += c }
            if let damage = a.damage, quality.files[account].damage == nil { quality.files[account].damage = damage }
        }
        for outcome in LineOutcome.allCases {
            for sample in samples[outcome] ?? [] {
                var moved = sample
                moved.line += lineOffset
                quality.addSample(outcome, moved)
            }
        }
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

    /// User agents whose decisions the cache holds at most: a flood of requests each with a user
    /// agent of its own would grow it without end, so a full cache starts afresh (the decisions
    /// are worked out again from the bytes, the same).
    static let maxCachedAgents = 1 << 16

    func agent(_ bytes: UnsafeRawBufferPointer) -> Agent {
        let h = fastHash(bytes)
        if let a = agents.find(bytes, hash: h) { return a }
        let a = isASCII(bytes) ? asciiAgent(bytes) : unicodeAgent(bytes)
        if agents.count >= Self.maxCachedAgents { agents = ByteCache() }
        agents.insert(bytes, hash: h, value: a)
        return a
    }

    /// The same decision as `unicodeAgent`, on bytes: for ASCII, lower-casing and substring
    /// search on bytes agree with `String`'s, at a fraction of the cost.
    private func asciiAgent(_ bytes: UnsafeRawBufferPointer) -> Agent {
        scratch.removeAll(keepingCapacity: true)
        for b in bytes { scratch.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        return scratch.withUnsafeBytes { lower -> Agent in
            func has(_ pattern: [UInt8]) -> Bool {
                pattern.withUnsafeBytes { byteSearch(lower, $0) }
            }
            func has(_ text: StaticString) -> Bool {
                byteSearch(lower, UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            }
            let isBot = lower.isEmpty || (lower.count == 1 && lower[0] == 0x2D) || botPatterns.contains(where: has)
            let device: DeviceClass
            if has("ipad") || has("tablet") || (has("android") && !has("mobile")) {
                device = .tablet
            } else if has("mobi") || has("iphone") || has("android") {
                device = .mobile
            } else {
                device = .desktop
            }
            return Agent(isBot: isBot, deviceClass: device)
        }
    }

    private func unicodeAgent(_ bytes: UnsafeRawBufferPointer) -> Agent {
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
        return Agent(isBot: isBot, deviceClass: device)
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

/// Whether `needle` occurs in `haystack`: each candidate start found with `memchr`, then compared.
func byteSearch(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
    guard let n = needle.baseAddress, needle.count > 0 else { return true }
    guard let h = haystack.baseAddress, haystack.count >= needle.count else { return false }
    let first = Int32(needle[0])
    var i = 0
    let last = haystack.count - needle.count
    while i <= last, let hit = memchr(h + i, first, last - i + 1) {
        let at = h.distance(to: hit)
        if memcmp(h + at, n, needle.count) == 0 { return true }
        i = at + 1
    }
    return false
}
