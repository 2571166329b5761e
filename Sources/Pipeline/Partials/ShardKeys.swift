import ByteCoding
import JourneysCore

/// Which shard a person's lines go to, so that each journey lives in exactly one shard's partial.
///
/// A journey joins the visits of a customer's devices, and sessionize counts an order id once,
/// in the first visit it is seen in: so every device a customer logged in on, and every device an
/// order was seen on, must land in the same shard. The pairs (device with customer, device with
/// order) are collected in a first pass over the lines (`IdentityPairs`); here they join into
/// groups, and a group's shard follows from its smallest member. A device seen with no customer
/// and no order is a group of its own. The shard of a group does not depend on the order the
/// pairs were read in, so every process that reads the same pairs keys alike.
package struct ShardKeys {
    /// One member of a group: a device, a customer or an order (by the hash of its id).
    package struct Node: Hashable, Comparable {
        package var kind: UInt8
        package var value: UInt64
        package static func device(_ p: Pseudonym) -> Node { Node(kind: 0, value: p.raw) }
        package static func customer(_ p: Pseudonym) -> Node { Node(kind: 1, value: p.raw) }
        package static func order(_ hash: UInt64) -> Node { Node(kind: 2, value: hash) }
        package static func < (a: Node, b: Node) -> Bool { (a.kind, a.value) < (b.kind, b.value) }
    }

    private var parent: [Node: Node] = [:]
    /// The smallest member of each device's group, once the pairs are all in.
    private var groupOf: [UInt64: Node] = [:]

    package init(pairs: [(Node, Node)]) {
        for (a, b) in pairs { union(a, b) }
        var smallest: [Node: Node] = [:]
        for node in parent.keys {
            let root = find(node)
            if let s = smallest[root], s < node { continue }
            smallest[root] = node
        }
        for node in parent.keys where node.kind == 0 { groupOf[node.value] = smallest[find(node)] }
        parent = [:]
    }

    /// The shard (0..<shards) of the lines of `device`.
    package func shard(of device: Pseudonym, shards: Int) -> Int {
        let group = groupOf[device.raw] ?? .device(device)
        return Self.spread(group.value ^ (UInt64(group.kind) << 62), shards)
    }

    /// The shard of a line that has no event (rejected, a bot, an asset): by its place, so that
    /// the lines of a file spread over the shards and each is counted once.
    package static func shard(ofLine line: Int, file: Int, shards: Int) -> Int {
        spread(UInt64(truncatingIfNeeded: file) << 40 ^ UInt64(truncatingIfNeeded: line), shards)
    }

    private static func spread(_ x: UInt64, _ shards: Int) -> Int {
        var mix = SplitMix64(seed: x)
        return Int(mix.next() % UInt64(max(1, shards)))
    }

    private mutating func find(_ node: Node) -> Node {
        var root = node
        while let p = parent[root], p != root { root = p }
        var n = node
        while let p = parent[n], p != root {
            parent[n] = root
            n = p
        }
        return root
    }

    private mutating func union(_ a: Node, _ b: Node) {
        if parent[a] == nil { parent[a] = a }
        if parent[b] == nil { parent[b] = b }
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}

/// What the first pass over the lines collects: the pairs that join devices into groups (see
/// `ShardKeys`), and the earliest and latest timestamp of all lines, which every shard needs to
/// fold alike (is the period partial, is the previous one covered). As text, one per line:
/// `<device hex> <c|o><hex>` for a pair, `t <earliest> <latest>` for the span.
package struct IdentityPairs {
    package private(set) var pairs = Set<Pair>()
    package private(set) var span: (earliest: Int64, latest: Int64)? = nil

    /// Widens the span to take in a line's timestamp.
    package mutating func note(time t: Int64) {
        span = span.map { (min($0.earliest, t), max($0.latest, t)) } ?? (t, t)
    }

    package struct Pair: Hashable, Comparable {
        package var device: UInt64
        package var other: ShardKeys.Node
        package static func < (a: Pair, b: Pair) -> Bool { (a.device, a.other) < (b.device, b.other) }
    }

    package init() {}

    /// Notes the pairs an event makes: its device with its customer, and with its order's id.
    package mutating func add(_ event: Event, orderID: (Symbol) -> String) {
        if !event.customer.isNone { pairs.insert(Pair(device: event.device.raw, other: .customer(event.customer))) }
        if let order = event.order {
            let id = Array(orderID(order.id).utf8)
            pairs.insert(Pair(device: event.device.raw, other: .order(Self.orderHash.hash(id))))
        }
    }

    /// Order ids are hashed with a fixed key: only equality matters, and the pairs file then
    /// holds no id of the shop's.
    private static let orderHash = SipHash(k0: 0x6f72_6465_7273_0001, k1: 0x6a6f_7572_6e65_7973)

    /// The pairs as text, sorted: one per line.
    package var text: String {
        let spanLine = span.map { "t \($0.earliest) \($0.latest)\n" } ?? ""
        return spanLine + pairs.sorted().map { p in
            "\(Self.hex(p.device)) \(p.other.kind == 1 ? "c" : "o")\(Self.hex(p.other.value))\n"
        }.joined()
    }

    /// Reads pairs written by `text` (several outputs may be concatenated); `source` names the
    /// file for errors.
    package static func parse(_ text: String, source: String) throws -> IdentityPairs {
        try parse(Array(text.utf8), source: source)
    }

    /// Reads pairs from the bytes of a pairs file, line by line on the bytes: every shard and
    /// every keying step reads the whole file before its first event.
    package static func parse(_ bytes: [UInt8], source: String) throws -> IdentityPairs {
        var result = IdentityPairs()
        result.pairs.reserveCapacity(bytes.count / 36)
        var n = 0
        var start = 0
        try bytes.withUnsafeBufferPointer { b in
            while start < b.count {
                var end = start
                while end < b.count && b[end] != 0x0A { end += 1 }
                n += 1
                defer { start = end + 1 }
                guard end > start else { continue }
                let line = UnsafeBufferPointer(rebasing: b[start..<end])
                if let pair = pair(line) {
                    result.pairs.insert(pair)
                } else if let (e, l) = spanLine(line) {
                    result.note(time: e)
                    result.note(time: l)
                } else {
                    let text = String(decoding: line.prefix(60), as: UTF8.self)
                    throw PartialError(file: source, line: n, message: "expected '<device hex> c<hex>' or '<device hex> o<hex>', found '\(text)'")
                }
            }
        }
        return result
    }

    /// `<device hex> <c|o><hex>`, nil when the line is not one.
    private static func pair(_ line: UnsafeBufferPointer<UInt8>) -> Pair? {
        guard let space = line.firstIndex(of: 0x20), space > 0, space + 2 < line.count,
              let device = hex(UnsafeBufferPointer(rebasing: line[..<space])),
              let value = hex(UnsafeBufferPointer(rebasing: line[(space + 2)...])) else { return nil }
        switch line[space + 1] {
        case 0x63: return Pair(device: device, other: .customer(Pseudonym(raw: value)))
        case 0x6F: return Pair(device: device, other: .order(value))
        default: return nil
        }
    }

    /// `t <earliest> <latest>`, nil when the line is not one.
    private static func spanLine(_ line: UnsafeBufferPointer<UInt8>) -> (Int64, Int64)? {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].elementsEqual([0x74]),
              let e = Int64(String(decoding: parts[1], as: UTF8.self)), let l = Int64(String(decoding: parts[2], as: UTF8.self)) else { return nil }
        return (e, l)
    }

    /// 1 to 16 hex digits; nil otherwise.
    private static func hex(_ digits: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var v: UInt64 = 0
        for c in digits {
            guard let d = PercentDecoding.hexValue(c) else { return nil }
            v = v << 4 | UInt64(d)
        }
        return v
    }

    /// The shard keys these pairs make.
    package var keys: ShardKeys {
        ShardKeys(pairs: pairs.sorted().map { (.device(Pseudonym(raw: $0.device)), $0.other) })
    }

    /// 16 hex digits.
    static func hex(_ x: UInt64) -> String {
        let h = String(x, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}

/// A partial or pairs file that cannot be used, with where and why.
package struct PartialError: Error, CustomStringConvertible {
    package var file: String
    package var line: Int? = nil
    package var message: String
    package init(file: String, line: Int? = nil, message: String) { self.file = file; self.line = line; self.message = message }
    package var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
