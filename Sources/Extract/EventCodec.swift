import JourneysCore

/// A parsed event as bytes, for the map side of a Spark job (`journeys map` writes them,
/// `journeys partial --stdin` reads them): the event's device first (8 bytes, little-endian, so
/// that keying reads nothing else), the length of the rest as a varint, then the rest: time,
/// which optional fields follow, the device class, the path, and the fields present. Symbols are
/// numbers in the string table of the slice that parsed the event (see `ParsedSlice`).
///
/// Integers are LEB128 varints (signed ones zigzag); fingerprints and pseudonyms fill 64 bits and
/// are written whole. The bytes come from another process, so reading checks every length and
/// every symbol and fails with `EventCodecError`, never reads out of bounds.
package enum EventCodec {
    private static let hasCustomer: UInt8 = 1, hasReferrer: UInt8 = 2, hasCampaign: UInt8 = 4, hasOrder: UInt8 = 8
    private static let hasSurvey: UInt8 = 16, hasSearchTerm: UInt8 = 32, hasHandling: UInt8 = 64

    /// The most bytes an event's rest takes (every field present, every varint at its longest):
    /// under 128, so its length is always one byte.
    static let maxBodyBytes = 10 + 1 + 1 + 5 + 8 + 5 + (3 * 5 + 1 + 24) + (5 + 10 + 1) + (1 + 10 + 10) + 5 + 10

    /// The largest time extract reads, in seconds either side of 1970 (a 13-digit epoch in
    /// milliseconds, the year 9999): an event's time beyond it is forged, and sums of such times
    /// could overflow later.
    package static let maxTime: Int64 = 1 << 41
    /// The largest order value an event may carry, in cents: sums of many stay far from overflow.
    package static let maxValueCents: Int64 = 1 << 53

    /// Appends `e` to `out`.
    package static func append(_ e: Event, to out: inout [UInt8]) {
        appendFixed(e.device.raw, to: &out)
        // the length's byte, set once the rest is written
        let lengthAt = out.count
        out.append(0)
        appendSigned(e.time, to: &out)
        var flags: UInt8 = 0
        if !e.customer.isNone { flags |= hasCustomer }
        if !e.referrerHost.isNone { flags |= hasReferrer }
        if e.campaign != nil { flags |= hasCampaign }
        if e.order != nil { flags |= hasOrder }
        if e.survey != nil { flags |= hasSurvey }
        if !e.searchTerm.isNone { flags |= hasSearchTerm }
        if e.handlingSeconds != -1 { flags |= hasHandling }
        out.append(flags)
        out.append(e.deviceClass == .desktop ? 0 : e.deviceClass == .mobile ? 1 : 2)
        appendVarint(UInt64(e.path.raw), to: &out)
        if !e.customer.isNone { appendFixed(e.customer.raw, to: &out) }
        if !e.referrerHost.isNone { appendVarint(UInt64(e.referrerHost.raw), to: &out) }
        if let c = e.campaign {
            appendVarint(UInt64(c.source.raw), to: &out)
            appendVarint(UInt64(c.medium.raw), to: &out)
            appendVarint(UInt64(c.name.raw), to: &out)
            out.append(c.clickID.map { UInt8(ClickID.allCases.firstIndex(of: $0)! + 1) } ?? 0)
            appendFixed(c.clickValue, to: &out)
            appendFixed(c.termAndContent, to: &out)
            appendFixed(c.nameAndKeyword, to: &out)
        }
        if let o = e.order {
            appendVarint(UInt64(o.id.raw), to: &out)
            appendSigned(o.valueCents, to: &out)
            out.append((o.isLineItem ? 1 : 0) | (o.hasValue ? 2 : 0) | (o.isRejected ? 4 : 0))
        }
        if let s = e.survey {
            out.append(UInt8(SurveyAnswer.Kind.allCases.firstIndex(of: s.kind)!))
            appendSigned(Int64(s.score), to: &out)
            appendSigned(Int64(s.page), to: &out)
        }
        if !e.searchTerm.isNone { appendVarint(UInt64(e.searchTerm.raw), to: &out) }
        if e.handlingSeconds != -1 { appendSigned(Int64(e.handlingSeconds), to: &out) }
        out[lengthAt] = UInt8(out.count - lengthAt - 1)
    }

    /// The device of the event at `at` and the end of its bytes, without reading the rest.
    package static func skip(_ bytes: UnsafeRawBufferPointer, at: Int) throws -> (device: UInt64, end: Int) {
        var r = ByteReader(bytes: bytes, at: at)
        let device = try r.fixed()
        let length = try r.varint()
        guard length <= UInt64(bytes.count - r.at) else { throw EventCodecError.cut }
        return (device, r.at + Int(length))
    }

    /// The event at `at` (moved past it), each symbol `s` read as `symbols[s]`; throws on bytes
    /// cut short, a field out of range or a symbol beyond the table.
    package static func read(_ bytes: UnsafeRawBufferPointer, at: inout Int, symbols: [Symbol]) throws -> Event {
        let (_, end) = try skip(bytes, at: at)
        var r = ByteReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<end]), at: at)
        let device = Pseudonym(raw: try r.fixed())
        _ = try r.varint()
        func symbol() throws -> Symbol {
            let n = try r.varint()
            guard n < UInt64(symbols.count) else { throw EventCodecError.symbol(n, symbols.count) }
            return symbols[Int(n)]
        }
        let time = try r.signed()
        guard time >= -maxTime, time <= maxTime else { throw EventCodecError.field("time") }
        let flags = try r.byte()
        let deviceIndex = Int(try r.byte())
        guard flags < 128, deviceIndex < DeviceClass.allCases.count else { throw EventCodecError.field("flags or device class") }
        var e = Event(time: time, device: device, path: try symbol())
        e.deviceClass = deviceIndex == 0 ? .desktop : deviceIndex == 1 ? .mobile : .tablet
        if flags & hasCustomer != 0 { e.customer = Pseudonym(raw: try r.fixed()) }
        if flags & hasReferrer != 0 { e.referrerHost = try symbol() }
        if flags & hasCampaign != 0 {
            var c = Campaign(source: try symbol(), medium: try symbol(), name: try symbol())
            let click = Int(try r.byte())
            guard click <= ClickID.allCases.count else { throw EventCodecError.field("click id") }
            c.clickID = click == 0 ? nil : ClickID.allCases[click - 1]
            c.clickValue = try r.fixed()
            c.termAndContent = try r.fixed()
            c.nameAndKeyword = try r.fixed()
            e.campaign = c
        }
        if flags & hasOrder != 0 {
            let id = try symbol(), value = try r.signed(), bits = try r.byte()
            guard bits < 8, value >= 0, value <= maxValueCents else { throw EventCodecError.field("order") }
            e.order = Order(id: id, valueCents: value, isLineItem: bits & 1 != 0, hasValue: bits & 2 != 0, isRejected: bits & 4 != 0)
        }
        if flags & hasSurvey != 0 {
            let kind = Int(try r.byte())
            guard kind < SurveyAnswer.Kind.allCases.count else { throw EventCodecError.field("survey kind") }
            let score = try r.signed(), page = try r.signed()
            guard let p = Int32(exactly: page), let s = Int(exactly: score) else { throw EventCodecError.field("survey answer") }
            e.survey = SurveyAnswer(kind: SurveyAnswer.Kind.allCases[kind], score: s, page: p)
        }
        if flags & hasSearchTerm != 0 { e.searchTerm = try symbol() }
        if flags & hasHandling != 0 {
            guard let h = Int32(exactly: try r.signed()), h >= 0 else { throw EventCodecError.field("handling time") }
            e.handlingSeconds = h
        }
        guard r.at == end else { throw EventCodecError.field("event length") }
        at = end
        return e
    }

    /// Each symbol of `e` replaced by `map` of it (`.none` stays none).
    package static func renumber(_ e: inout Event, _ map: (Symbol) -> Symbol) {
        func m(_ s: Symbol) -> Symbol { s.isNone ? .none : map(s) }
        e.path = m(e.path)
        e.referrerHost = m(e.referrerHost)
        e.searchTerm = m(e.searchTerm)
        if var c = e.campaign {
            c.source = m(c.source); c.medium = m(c.medium); c.name = m(c.name)
            e.campaign = c
        }
        if var o = e.order {
            o.id = m(o.id)
            e.order = o
        }
    }

    /// The time of the event at `at`, which `skip` found whole up to `end`.
    package static func time(_ bytes: UnsafeRawBufferPointer, at: Int, end: Int) throws -> Int64 {
        var r = ByteReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<end]), at: at + 8)
        _ = try r.varint()
        return try r.signed()
    }

    package static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    package static func appendSigned(_ value: Int64, to out: inout [UInt8]) {
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &out)
    }

    static func appendFixed(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }
}

/// Bytes of parsed events that cannot be read: cut short, a field out of its range, a symbol
/// beyond its slice's string table.
package enum EventCodecError: Error, CustomStringConvertible {
    case cut
    case field(String)
    case symbol(UInt64, Int)

    package var description: String {
        switch self {
        case .cut: "an event is cut short"
        case .field(let what): "an event's \(what) is out of range"
        case .symbol(let n, let count): "an event names string \(n), beyond its slice's table of \(count)"
        }
    }
}

/// Reads little-endian fields and varints from bytes, checking every length.
package struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    package var at: Int

    package init(bytes: UnsafeRawBufferPointer, at: Int = 0) { self.bytes = bytes; self.at = at }

    package var isAtEnd: Bool { at >= bytes.count }

    package mutating func byte() throws -> UInt8 {
        guard at < bytes.count else { throw EventCodecError.cut }
        defer { at += 1 }
        return bytes[at]
    }

    package mutating func fixed() throws -> UInt64 {
        guard bytes.count - at >= 8 else { throw EventCodecError.cut }
        defer { at += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    package mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64, shift < 63 || b <= 1 else { throw EventCodecError.field("number") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    package mutating func signed() throws -> Int64 {
        let z = try varint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    /// `count` bytes as a string (invalid UTF-8 replaced).
    package mutating func string(_ count: Int) throws -> String {
        guard count >= 0, bytes.count - at >= count else { throw EventCodecError.cut }
        defer { at += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + count)]), as: UTF8.self)
    }
}
