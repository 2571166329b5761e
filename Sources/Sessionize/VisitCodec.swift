import JourneysCore

/// A visit as bytes, for the spill file (`VisitSpill`): little-endian, fixed fields first (the
/// device and the customer lead: the spill reads them alone), then each list with its count.
/// Only this process reads it back, so it has no version.
enum VisitCodec {
    static func append(_ v: Visit, to out: inout [UInt8]) {
        // Sized first, then stored in place: one append per visit, not one per field.
        let size = 8 + 8 + 8 + 8 + 1 + 1 + 4 + 1 + (v.campaign == nil ? 0 : 37)
            + 4 + 4 * v.pages.count + 4 + 4 * v.pageTimes.count + 4 + 13 * v.orders.count
            + 4 + 9 * v.surveys.count + 4 + 8 * v.searchTerms.count + 4 + 8 * v.handlingTimes.count
        var at = out.count
        out.append(contentsOf: repeatElement(0, count: size))
        out.withUnsafeMutableBytes { raw in
            @inline(__always) func put<T: FixedWidthInteger>(_ x: T) {
                raw.storeBytes(of: x.littleEndian, toByteOffset: at, as: T.self)
                at += MemoryLayout<T>.size
            }
            put(v.device.raw); put(v.customer.raw); put(v.start); put(v.end)
            put(UInt8(DeviceClass.allCases.firstIndex(of: v.deviceClass)!)); put(UInt8(v.wasCut ? 1 : 0))
            put(v.referrerHost.raw)
            if let c = v.campaign {
                put(UInt8(1)); put(c.source.raw); put(c.medium.raw); put(c.name.raw)
                put(UInt8(c.clickID.map { ClickID.allCases.firstIndex(of: $0)! + 1 } ?? 0))
                put(c.clickValue); put(c.termAndContent); put(c.nameAndKeyword)
            } else {
                put(UInt8(0))
            }
            put(UInt32(v.pages.count))
            for p in v.pages { put(p.raw) }
            put(UInt32(v.pageTimes.count))
            for t in v.pageTimes { put(t) }
            put(UInt32(v.orders.count))
            for o in v.orders { put(o.id.raw); put(o.valueCents); put(UInt8((o.isLineItem ? 1 : 0) | (o.hasValue ? 2 : 0))) }
            put(UInt32(v.surveys.count))
            for s in v.surveys { put(UInt8(SurveyAnswer.Kind.allCases.firstIndex(of: s.kind)!)); put(Int32(s.score)); put(s.page) }
            put(UInt32(v.searchTerms.count))
            for t in v.searchTerms { put(t.page); put(t.value.raw) }
            put(UInt32(v.handlingTimes.count))
            for h in v.handlingTimes { put(h.page); put(h.value) }
        }
    }

    /// Reads the visit at `at`, moving `at` past it; each symbol `s` read becomes `map[s]` (the
    /// run's symbols renumbered in string order).
    static func read(_ bytes: UnsafeRawBufferPointer, at: inout Int, renumbering map: [Symbol]) -> Visit {
        @inline(__always) func get<T: FixedWidthInteger>(_: T.Type = T.self) -> T {
            let x = bytes.loadUnaligned(fromByteOffset: at, as: T.self)
            at += MemoryLayout<T>.size
            return T(littleEndian: x)
        }
        @inline(__always) func symbol() -> Symbol { map[Int(get(UInt32.self))] }
        @inline(__always) func list<T>(_ element: () -> T) -> [T] {
            let n = Int(get(UInt32.self))
            guard n > 0 else { return [] }
            return [T](unsafeUninitializedCapacity: n) { buffer, count in
                for i in 0..<n { buffer.initializeElement(at: i, to: element()) }
                count = n
            }
        }
        var v = Visit(device: Pseudonym(raw: get()), start: 0)
        v.customer = Pseudonym(raw: get())
        v.start = get()
        v.end = get()
        v.deviceClass = DeviceClass.allCases[Int(get(UInt8.self))]
        v.wasCut = get(UInt8.self) == 1
        v.referrerHost = symbol()
        if get(UInt8.self) == 1 {
            let source = symbol(), medium = symbol(), name = symbol()
            let click = Int(get(UInt8.self))
            let clickValue: UInt64 = get(), termAndContent: UInt64 = get(), nameAndKeyword: UInt64 = get()
            v.campaign = Campaign(source: source, medium: medium, name: name, clickID: click == 0 ? nil : ClickID.allCases[click - 1],
                                  clickValue: clickValue, termAndContent: termAndContent, nameAndKeyword: nameAndKeyword)
        }
        v.pages = list { symbol() }
        v.pageTimes = list { get(Int32.self) }
        v.orders = list {
            let id = symbol(), cents: Int64 = get()
            let flags: UInt8 = get()
            return Order(id: id, valueCents: cents, isLineItem: flags & 1 != 0, hasValue: flags & 2 != 0)
        }
        v.surveys = list {
            let kind = SurveyAnswer.Kind.allCases[Int(get(UInt8.self))], score = Int(get(Int32.self))
            return SurveyAnswer(kind: kind, score: score, page: get())
        }
        v.searchTerms = list {
            let page: Int32 = get()
            return PageMark(page: page, value: symbol())
        }
        v.handlingTimes = list {
            let page: Int32 = get()
            return PageMark(page: page, value: get())
        }
        return v
    }
}
