import Extract
import JourneysCore
import Testing

/// Parsed events as the map side of a Spark job sends them: read back field for field, and
/// bytes another process could have forged refused with an error, never read out of bounds.
@Suite struct EventCodecTests {
    static func full() -> Event {
        var e = Event(time: 1_794_787_200, device: Pseudonym(raw: 0xFEDC_BA98_7654_3210), path: Symbol(raw: 3))
        e.customer = Pseudonym(raw: 42)
        e.referrerHost = Symbol(raw: 1)
        e.campaign = Campaign(source: Symbol(raw: 2), medium: Symbol(raw: 4), name: .none, clickID: .fbclid,
                              clickValue: .max, termAndContent: 7, nameAndKeyword: 9)
        e.order = Order(id: Symbol(raw: 5), valueCents: 12_345, isLineItem: true, hasValue: false, isRejected: true)
        e.survey = SurveyAnswer(kind: .ces, score: -3, page: 2)
        e.deviceClass = .tablet
        e.searchTerm = Symbol(raw: 6)
        e.handlingSeconds = 90
        return e
    }

    @Test func eventsReadBackAsWritten() throws {
        let bare = Event(time: -5, device: Pseudonym(raw: 1), path: Symbol(raw: 2))
        var bytes: [UInt8] = []
        for e in [Self.full(), bare] { EventCodec.append(e, to: &bytes) }
        // each symbol read through the slice's table: n becomes n + 100
        let table = (0..<8).map { Symbol(raw: $0 == 0 ? 0 : UInt32($0) + 100) }
        var at = 0
        let first = try bytes.withUnsafeBytes { try EventCodec.read($0, at: &at, symbols: table) }
        var expected = Self.full()
        expected.path = Symbol(raw: 103); expected.referrerHost = Symbol(raw: 101); expected.searchTerm = Symbol(raw: 106)
        expected.campaign!.source = Symbol(raw: 102); expected.campaign!.medium = Symbol(raw: 104)
        expected.order!.id = Symbol(raw: 105)
        #expect(first == expected)
        #expect(first.campaign == expected.campaign)
        let second = try bytes.withUnsafeBytes { try EventCodec.read($0, at: &at, symbols: table) }
        #expect(second.time == -5 && second.path == Symbol(raw: 102) && second.campaign == nil && second.handlingSeconds == -1)
        #expect(at == bytes.count)
        let skipped = try bytes.withUnsafeBytes { try EventCodec.skip($0, at: 0) }
        #expect(skipped.device == 0xFEDC_BA98_7654_3210)
    }

    /// Every field at its longest still fits the one byte of the event's length.
    @Test func extremeValuesFitAndReadBack() throws {
        var e = Self.full()
        e.time = -EventCodec.maxTime
        e.order!.valueCents = EventCodec.maxValueCents
        e.survey = SurveyAnswer(kind: .nps, score: Int(Int64.min), page: .min)
        e.handlingSeconds = .max
        var bytes: [UInt8] = []
        EventCodec.append(e, to: &bytes)
        var at = 0
        let back = try bytes.withUnsafeBytes { try EventCodec.read($0, at: &at, symbols: (0..<8).map { Symbol(raw: UInt32($0)) }) }
        #expect(back == e)
        var widest = e
        widest.path = Symbol(raw: .max); widest.referrerHost = Symbol(raw: .max); widest.searchTerm = Symbol(raw: .max)
        widest.campaign = Campaign(source: Symbol(raw: .max), medium: Symbol(raw: .max), name: Symbol(raw: .max), clickID: .gclid)
        widest.order!.id = Symbol(raw: .max)
        var wide: [UInt8] = []
        EventCodec.append(widest, to: &wide)
        #expect(wide.count <= 8 + 1 + 127)
        #expect(try wide.withUnsafeBytes { try EventCodec.skip($0, at: 0).end } == wide.count)

        // values extract never gives, which sums downstream could overflow on: refused
        var forged = [Self.full(), Self.full(), Self.full(), Self.full()]
        forged[0].time = .min
        forged[1].order!.valueCents = -1
        forged[2].order!.valueCents = .max
        forged[3].handlingSeconds = -2
        for f in forged {
            var b: [UInt8] = []
            EventCodec.append(f, to: &b)
            var at = 0
            #expect(throws: EventCodecError.self) { try b.withUnsafeBytes { try EventCodec.read($0, at: &at, symbols: (0..<8).map { Symbol(raw: UInt32($0)) }) } }
        }
    }

    @Test func forgedBytesAreRefused() throws {
        var bytes: [UInt8] = []
        EventCodec.append(Self.full(), to: &bytes)
        let table = [Symbol](repeating: .none, count: 8)
        func read(_ b: [UInt8], symbols: [Symbol] = table) -> EventCodecError? {
            var at = 0
            do { _ = try b.withUnsafeBytes { try EventCodec.read($0, at: &at, symbols: symbols) } } catch let e as EventCodecError { return e } catch { return nil }
            return nil
        }
        // every cut of the event fails, none reads past its end
        for n in 0..<bytes.count {
            #expect(read(Array(bytes.prefix(n))) != nil, "cut at \(n)")
        }
        // a table too short for the event's symbols
        #expect(read(bytes, symbols: Array(table.prefix(4)))?.description.contains("beyond its slice's table of 4") == true)
        // a length that says more than there is
        var long = bytes
        long[8] = 0x7F
        #expect(read(long) != nil)
        // an unknown flag
        var flagged = bytes
        flagged[9 + 5] = 0xFF
        #expect(read(flagged) != nil)
        // every single byte changed: an error or an event, never a crash
        for i in bytes.indices {
            var b = bytes
            b[i] ^= 0xA5
            _ = read(b)
        }
    }
}
