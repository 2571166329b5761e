import ByteCoding
import Extract
import JourneysCore

/// One slice's line accounting and data-quality samples, as `journeys map` counted and sampled
/// its lines: one small record per slice (`CompactEncoder`), which one shard adds to its file's
/// account, so that no shard counts or samples another's lines. Sample line numbers count from
/// the slice's start.
struct SliceAccount: Codable {
    var read: Int
    var parsed: Int
    /// Lines by outcome (`LineOutcome` raw values): left out, rejected, value notes.
    var outcomes: [String: Int]
    var damage: String?
    var samples: [Sample]

    struct Sample: Codable {
        var reason: String
        var line: Int
        var text: String
    }

    init(_ account: FileAccount, samples: [LineOutcome: [LineSample]]) {
        read = account.read
        parsed = account.parsed
        outcomes = Dictionary(uniqueKeysWithValues: account.outcomes.map { ($0.key.rawValue, $0.value) })
        damage = account.damage
        self.samples = LineOutcome.allCases.flatMap { o in (samples[o] ?? []).map { Sample(reason: o.rawValue, line: $0.line, text: $0.text) } }
    }

    /// The record's bytes read back as the account of file `file` and its samples; throws when
    /// they are not an account `journeys map` writes (an unknown outcome, counts that do not add up).
    static func decode(_ bytes: [UInt8], file: String, source: String, record: Int) throws -> (FileAccount, [LineOutcome: [LineSample]]) {
        func failure(_ message: String) -> PartialError { PartialError(file: source, message: "record \(record): \(message)") }
        let a: SliceAccount
        do { a = try CompactDecoder().decode(SliceAccount.self, from: bytes) } catch {
            throw failure("expected a slice's accounting (journeys map), found bytes that are none: \(error)")
        }
        // counts beyond any file's lines are forged, and their sums could overflow
        let most = 1 << 48
        guard a.read >= 0, a.read <= most, a.parsed >= 0, a.parsed <= most, a.outcomes.values.allSatisfy({ $0 >= 0 && $0 <= most }) else {
            throw failure("a count of lines out of range")
        }
        var account = FileAccount(file: file)
        account.read = a.read
        account.parsed = a.parsed
        account.damage = a.damage
        for (name, n) in a.outcomes {
            guard let o = LineOutcome(rawValue: name) else { throw failure("unknown line outcome '\(name.prefix(40))'") }
            account.outcomes[o] = n
        }
        guard account.isBalanced else {
            throw failure("the slice's lines do not add up: read \(a.read), parsed \(a.parsed), left out \(account.filtered), rejected \(account.rejected)")
        }
        var samples: [LineOutcome: [LineSample]] = [:]
        for s in a.samples {
            guard let o = LineOutcome(rawValue: s.reason) else { throw failure("a sample of unknown outcome '\(s.reason.prefix(40))'") }
            guard s.line >= 1, s.line <= a.read else { throw failure("a sample of line \(s.line), beyond the slice's \(a.read) lines") }
            samples[o, default: []].append(LineSample(file: file, line: s.line, text: s.text))
        }
        return (account, samples)
    }
}

/// A slice's string table as bytes: the count, then each string's length and bytes (varints),
/// the table's first string (none) left out.
enum SliceStrings {
    static func encode(_ strings: [String]) -> [UInt8] {
        var out: [UInt8] = []
        EventCodec.appendVarint(UInt64(max(0, strings.count - 1)), to: &out)
        for s in strings.dropFirst() {
            EventCodec.appendVarint(UInt64(s.utf8.count), to: &out)
            out += s.utf8
        }
        return out
    }

    /// The table, none first; throws `EventCodecError` on bytes cut short.
    static func decode(_ bytes: [UInt8]) throws -> [String] {
        try bytes.withUnsafeBytes { raw in
            var r = ByteReader(bytes: raw)
            let count = try r.varint()
            guard count <= UInt64(raw.count) else { throw EventCodecError.cut }
            var strings = [""]
            strings.reserveCapacity(Int(count) + 1)
            for _ in 0..<count {
                let n = try r.varint()
                guard n <= UInt64(raw.count) else { throw EventCodecError.cut }
                strings.append(try r.string(Int(n)))
            }
            guard r.isAtEnd else { throw EventCodecError.field("string table's length") }
            return strings
        }
    }
}

/// A slice's `SliceTimes` as bytes (see `SliceRecord.Kind.times`).
enum SliceTimesBytes {
    static func encode(_ t: SliceTimes) -> [UInt8] {
        var out: [UInt8] = []
        EventCodec.appendVarint(UInt64(t.timedLines), to: &out)
        EventCodec.appendVarint(UInt64(t.linesOutOfOrder), to: &out)
        if let e = t.earliest, let l = t.latest {
            out.append(1)
            EventCodec.appendSigned(e, to: &out)
            EventCodec.appendSigned(l, to: &out)
        } else {
            out.append(0)
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) throws -> SliceTimes {
        try bytes.withUnsafeBytes { raw in
            var r = ByteReader(bytes: raw)
            let timed = try r.varint(), late = try r.varint()
            guard timed <= UInt64(Int.max), late <= timed else { throw EventCodecError.field("count of timed lines") }
            var t = SliceTimes(timedLines: Int(timed), linesOutOfOrder: Int(late), earliest: nil, latest: nil)
            switch try r.byte() {
            case 0: break
            case 1:
                let e = try r.signed(), l = try r.signed()
                guard e <= l, e >= -EventCodec.maxTime, l <= EventCodec.maxTime else { throw EventCodecError.field("span of times") }
                t.earliest = e
                t.latest = l
            default: throw EventCodecError.field("span of times")
            }
            guard r.isAtEnd else { throw EventCodecError.field("times' length") }
            return t
        }
    }
}
