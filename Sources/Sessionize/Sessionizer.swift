import Foundation
import HeapModule
import JourneysCore

/// Cuts a time-ordered stream of events into visits as it goes, in memory that grows with the
/// number of people active within the timeout, not with the length of the log.
///
/// The rules, applied per device to its events in time order (equal times keep input order); the
/// first that applies ends the open visit and the event starts the next one:
/// 1. timeout: the event is `rules.timeout` seconds or more after the visit's last event
///    (29:59 apart stays one visit, 30:00 apart is two);
/// 2. midnight (`rules.splitAtMidnight`): the event's local day in the time zone differs from the
///    visit's (local midnight, so on daylight-saving days the split is not at UTC midnight);
/// 3. campaign (`rules.campaignChange`): the event carries a campaign (utm parameters or a click
///    id) other than the visit's landing campaign, compared as `SessionRules.CampaignChange`
///    says; a repeated campaign, or none, continues (under Matomo's rule a direct entry's visit
///    continues and takes the campaign over);
/// 4. another person: the event is logged in as another customer than the visit's (a visit
///    belongs to one person; logging in mid-visit continues it);
/// 5. maximum length: the event is `rules.maxVisitLength` seconds or more after the visit's first
///    event; the visit is marked `wasCut` and counted in `cutVisits`;
/// 6. maximum page views: the visit holds `maxVisitPages` page views already (a flood of requests
///    from one device, a crawler); cut and counted like 5, so that an open visit's memory is
///    bounded too.
///
/// Events arrive in time order up to `rules.outOfOrderTolerance`: an event at most that many
/// seconds older than the newest event before it is placed where it belongs (a reorder heap holds
/// the last `tolerance` seconds of events); an older one is late, counted in `lateEvents` and left
/// out. The reorder buffer holds at most `reorderBudget` events in memory: a burst of more events
/// within the tolerance (a crawler, a flood of requests within one second) waits on disk in sorted
/// runs (`ReorderRun`) and is placed in exactly the same order, so memory stays bounded whatever
/// the input's shape.
///
/// The line items of one order (an export's purchase rows) add up in the visit where the order
/// was first seen; a total above `orderValueBound` (the ceiling `orders.max_value`, or the
/// outlier bound when it is lower), or a line item extract rejected, takes the whole order out:
/// it is no order, its later line items add nothing, and it is counted once in
/// `rejectedOrderTotals` (or, for a rejected line item, by extract already).
///
/// Open visits sit in a list ordered by their last event, so closing the visits whose timeout has
/// passed looks only at the list's head: O(1) per event, whatever the number of open visits.
/// At most `maxOpenVisits` are open at once: a new visit beyond them first closes the least
/// recently active one (the list's head) before its timeout, counted in `closedEarly`, so that a
/// burst from millions of devices at once (a botnet, a crawler that changes its address) keeps
/// memory bounded. A visit closed early is whole unless its device comes back within the
/// timeout, which then starts a new visit; below the budget nothing changes.
/// Each closed visit goes to the `onClose` sink (in closing order) or, without one, into the list
/// that `finish()` returns.
package final class Sessionizer {
    package let rules: SessionRules
    // The state lives in one struct so that placing an event is one exclusive access, not one per
    // field; closed visits wait in `engine.closed` until `add` returns, so a sink may read the
    // sessionizer's counters.
    private var engine: Engine
    private let sink: ((Visit) -> Void)?
    private var collected: [Visit] = []

    /// Events the reorder buffer holds in memory at most (about 150 bytes each); more wait on disk.
    package static let defaultReorderBudget = 1 << 16

    /// The number of waiting events that fit `bytes` of memory (at least one).
    package static func reorderBudget(bytes: Int) -> Int {
        max(1, bytes / (MemoryLayout<Event>.stride + MemoryLayout<Engine.Pending>.stride + MemoryLayout<Int32>.stride))
    }
    /// Sorted runs of the reorder buffer on disk at most; more are merged into one first, so that
    /// open files stay few.
    package static let maxReorderRuns = 32
    /// Page views a visit holds at most; the next one starts a new visit (rule 6).
    package static let defaultMaxVisitPages = 10_000
    /// Visits open at once at most, by default (about 32 MB of a visit of a few pages each).
    package static let defaultMaxOpenVisits = openVisitBudget(bytes: 32 << 20)

    /// The number of open visits that fit `bytes` of memory (at least one): a slot, its entry in
    /// the device index and the first allocations of its page lists.
    package static func openVisitBudget(bytes: Int) -> Int {
        max(1, bytes / (MemoryLayout<Engine.Slot>.stride + 2 * (MemoryLayout<Pseudonym>.stride + MemoryLayout<Int32>.stride) + 2 * 48))
    }

    /// A sessionizer that keeps the closed visits for `finish()`. Events beyond `reorderBudget` in
    /// the reorder buffer wait in `temporaryDirectory` (the system's temporary folder when `nil`).
    package init(rules: SessionRules, timeZone: TimeZone, reorderBudget: Int = Sessionizer.defaultReorderBudget,
                 temporaryDirectory: String? = nil, maxVisitPages: Int = Sessionizer.defaultMaxVisitPages,
                 maxOpenVisits: Int = Sessionizer.defaultMaxOpenVisits, orderValueBound: Int64 = MoneyText.defaultCeilingCents) {
        self.rules = rules
        engine = Engine(rules: rules, days: LocalDays(zone: timeZone), reorderBudget: reorderBudget, temporaryDirectory: temporaryDirectory,
                        maxVisitPages: maxVisitPages, maxOpenVisits: maxOpenVisits, orderValueBound: orderValueBound)
        sink = nil
    }

    /// A sessionizer that hands each visit to `onClose` as soon as it is closed and keeps none:
    /// its timeout has passed, a rule cut it, or `finish()` ended the stream. Visits come in
    /// closing order, not start order. The sink runs after the event is placed, so it may read the
    /// sessionizer's counters; it must not add events.
    package init(rules: SessionRules, timeZone: TimeZone, reorderBudget: Int = Sessionizer.defaultReorderBudget,
                 temporaryDirectory: String? = nil, maxVisitPages: Int = Sessionizer.defaultMaxVisitPages,
                 maxOpenVisits: Int = Sessionizer.defaultMaxOpenVisits, orderValueBound: Int64 = MoneyText.defaultCeilingCents,
                 onClose: @escaping (Visit) -> Void) {
        self.rules = rules
        engine = Engine(rules: rules, days: LocalDays(zone: timeZone), reorderBudget: reorderBudget, temporaryDirectory: temporaryDirectory,
                        maxVisitPages: maxVisitPages, maxOpenVisits: maxOpenVisits, orderValueBound: orderValueBound)
        sink = onClose
    }

    /// Events that arrived more than the tolerance after a newer one; left out and counted.
    package var lateEvents: Int { engine.lateEvents }
    /// Visits cut by the maximum visit length or the maximum page views.
    package var cutVisits: Int { engine.cutVisits }
    /// Visits closed before their timeout because `maxOpenVisits` were open and a new one began.
    package var closedEarly: Int { engine.closedEarly }
    /// Orders whose line items added up to more than the order value bound: no orders.
    package var rejectedOrderTotals: Int { engine.rejectedOrderTotals }
    /// Events placed (in visits or counted in `afterEnd`); late events are not among them.
    package var events: Int { engine.events }
    /// Events at or after this time only continue visits already open; they start none.
    /// A visit straddling the period's end belongs to the period it started in.
    package var newVisitsUntil: Int64 {
        get { engine.newVisitsUntil }
        set { engine.newVisitsUntil = newValue }
    }
    /// Events left out because they would have started a visit at or after `newVisitsUntil`.
    package var afterEnd: Int { engine.afterEnd }
    /// Number of visits open right now.
    package var openVisits: Int { engine.slotOf.count }
    /// The most visits that were open at once: what memory grows with.
    package var peakOpenVisits: Int { engine.peakOpenVisits }
    /// The most events the reorder buffer held in memory at once (at most the budget).
    package var peakReorderInMemory: Int { engine.peakWaiting }
    /// Sorted runs of the reorder buffer written to disk (merges of runs included).
    package var reorderRunsWritten: Int { engine.runsWritten }
    /// Why the reorder buffer's disk failed, if it did: the visits are then incomplete, and the
    /// run must stop with this error.
    package var spillError: Error? { engine.spillError }

    /// Adds one event; events may arrive out of order by up to the rules' tolerance.
    package func add(_ event: Event) {
        engine.add(event)
        drain()
    }

    /// Hands on the closed visits while the engine places what it may, a batch at a time: one
    /// event can release a whole burst, whose closed visits must not pile up in memory.
    private func drain() {
        while true {
            if !engine.closed.isEmpty { deliver() }
            guard engine.isPaused else { return }
            engine.resume()
        }
    }

    /// Ends the stream: places the events still in the reorder buffer and closes every open visit
    /// (oldest last event first). Without a sink, returns all visits ordered by start, then device,
    /// then closing order; with a sink, returns an empty list.
    @discardableResult
    package func finish() -> [Visit] {
        engine.releaseAll()
        drain()
        engine.closeAll()
        deliver()
        guard sink == nil else { return [] }
        let visits = collected
        collected = []
        let starts = visits.map(\.start), devices = visits.map(\.device)
        var order = Array(visits.indices)
        order.sort { i, j in
            if starts[i] != starts[j] { return starts[i] < starts[j] }
            return devices[i] != devices[j] ? devices[i] < devices[j] : i < j
        }
        return order.map { visits[$0] }
    }

    private func deliver() {
        var batch: [Visit] = []
        swap(&batch, &engine.closed)
        if let sink {
            for v in batch { sink(v) }
        } else {
            collected.append(contentsOf: batch)
        }
        batch.removeAll(keepingCapacity: true)
        swap(&batch, &engine.closed)
    }
}

/// The sessionizer's state and rules, as a value.
private struct Engine {
    let rules: SessionRules
    var days: LocalDays
    var lateEvents = 0
    var cutVisits = 0
    var rejectedOrderTotals = 0
    var closedEarly = 0
    var events = 0
    var newVisitsUntil: Int64 = .max
    var afterEnd = 0
    var peakOpenVisits = 0
    /// Visits closed since the owner last took them.
    var closed: [Visit] = []
    /// Closed visits after which placing pauses, so that the owner takes them first.
    static let closedBatch = 4096
    /// Whether placing paused with events up to `releaseLimit` still waiting (`resume`).
    private(set) var isPaused = false
    private var releaseLimit: Int64 = .min
    /// Order ids seen so far: an order counts once, in the visit where it was first seen, however
    /// often its confirmation page is reloaded later (the same day or next week).
    var seenOrders = Set<Symbol>()

    // Open visits: slots linked in order of their last event (head = oldest), found by device.
    var slots: [Slot] = []
    var freeSlots: [Int32] = []
    var slotOf: [Pseudonym: Int32] = [:]
    var head: Int32 = -1
    var tail: Int32 = -1

    // The reorder buffer: a heap of small keys; the events wait in a slab, or beyond the budget
    // in sorted runs on disk, with a heap over the runs' heads.
    var pending = Heap<Pending>()
    var waiting: [Event] = []
    var freeWaiting: [Int32] = []
    let reorderBudget: Int
    let temporaryDirectory: String?
    var runs: [ReorderRun?] = []
    var liveRuns = 0
    var runHeads = Heap<RunHead>()
    var runsWritten = 0
    var peakWaiting = 0
    var spillError: Error? = nil
    static var maxRuns: Int { Sessionizer.maxReorderRuns }
    var arrivals: UInt64 = 0
    var newest: Int64 = .min
    /// `newest - tolerance`: events at or before it are placed, events before it are late.
    var ready: Int64 = .min

    struct Slot {
        var visit: Visit
        var localDay: Int
        var prev: Int32
        var next: Int32
    }

    struct Pending: Comparable {
        var time: Int64
        var arrival: UInt64
        var slot: Int32
        static func < (a: Pending, b: Pending) -> Bool {
            a.time != b.time ? a.time < b.time : a.arrival < b.arrival
        }
        static func == (a: Pending, b: Pending) -> Bool { a.arrival == b.arrival }
    }

    /// A run's next event, ordered like `Pending`.
    struct RunHead: Comparable {
        var time: Int64
        var arrival: UInt64
        var run: Int32
        static func < (a: RunHead, b: RunHead) -> Bool {
            a.time != b.time ? a.time < b.time : a.arrival < b.arrival
        }
        static func == (a: RunHead, b: RunHead) -> Bool { a.arrival == b.arrival }
    }

    let maxVisitPages: Int
    let maxOpenVisits: Int
    let orderValueBound: Int64

    init(rules: SessionRules, days: LocalDays, reorderBudget: Int, temporaryDirectory: String?, maxVisitPages: Int,
         maxOpenVisits: Int, orderValueBound: Int64) {
        self.rules = rules
        self.maxOpenVisits = max(1, maxOpenVisits)
        self.orderValueBound = orderValueBound
        self.days = days
        self.maxVisitPages = max(1, maxVisitPages)
        self.reorderBudget = max(1, reorderBudget)
        self.temporaryDirectory = temporaryDirectory
    }

    mutating func add(_ event: Event) {
        if event.time > newest {
            newest = event.time
            let (r, overflow) = newest.subtractingReportingOverflow(rules.outOfOrderTolerance)
            ready = overflow ? .min : r
        } else if event.time < ready {
            lateEvents += 1
            return
        }
        arrivals += 1
        let slot: Int32
        if let free = freeWaiting.popLast() {
            slot = free
            waiting[Int(slot)] = event
        } else {
            slot = Int32(waiting.count)
            waiting.append(event)
        }
        pending.insert(Pending(time: event.time, arrival: arrivals, slot: slot))
        if pending.count > peakWaiting { peakWaiting = pending.count }
        releaseUpTo(ready)
        if pending.count >= reorderBudget && spillError == nil { spillPending() }
    }

    /// Places every waiting event (pausing like `add`).
    mutating func releaseAll() {
        releaseUpTo(.max)
    }

    /// Closes every open visit, oldest last event first; the end of the stream.
    mutating func closeAll() {
        while head >= 0 { close(head) }
        runs = []
        liveRuns = 0
    }

    /// Goes on placing where a pause stopped.
    mutating func resume() {
        releaseUpTo(releaseLimit)
    }

    /// Places the waiting events at or before `limit`, in memory or on disk, in time order (equal
    /// times in arrival order); pauses (`isPaused`) once `closedBatch` closed visits wait.
    private mutating func releaseUpTo(_ limit: Int64) {
        releaseLimit = limit
        isPaused = false
        while true {
            if closed.count >= Self.closedBatch {
                isPaused = true
                return
            }
            let memory = pending.min, disk = runHeads.min
            if let m = memory, m.time <= limit, disk.map({ m < Pending(time: $0.time, arrival: $0.arrival, slot: 0) }) ?? true {
                pending.removeMin()
                release(m.slot)
            } else if let d = disk, d.time <= limit {
                runHeads.removeMin()
                guard let event = nextFromRun(d.run) else { continue }
                process(event)
            } else {
                return
            }
        }
    }

    /// The head event of run `k`, moving the run on; nil when its disk failed.
    private mutating func nextFromRun(_ k: Int32) -> Event? {
        guard let run = runs[Int(k)] else { return nil }
        do {
            let entry = try run.advance()
            if let next = run.head {
                runHeads.insert(RunHead(time: next.time, arrival: next.arrival, run: k))
            } else {
                runs[Int(k)] = nil
                liveRuns -= 1
            }
            return entry.event
        } catch {
            spillError = spillError ?? error
            runs[Int(k)] = nil
            liveRuns -= 1
            return nil
        }
    }

    /// Each run's read buffer: all runs read at once stay within about the budget.
    private var runBufferEntries: Int { max(64, reorderBudget / Self.maxRuns) }

    /// Writes the waiting events to disk as one sorted run, emptying the buffer in memory; at
    /// `maxRuns` runs, merges them all into one.
    private mutating func spillPending() {
        var entries: [ReorderRun.Entry] = []
        entries.reserveCapacity(pending.count)
        for p in pending.unordered { entries.append(ReorderRun.Entry(arrival: p.arrival, event: waiting[Int(p.slot)])) }
        entries.sort { $0.precedes($1) }
        do {
            let run = try ReorderRun(directory: temporaryDirectory)
            try entries.withUnsafeBufferPointer { try run.write($0) }
            try run.startReading(bufferEntries: runBufferEntries)
            runsWritten += 1
            pending = Heap()
            waiting.removeAll(keepingCapacity: true)
            freeWaiting.removeAll(keepingCapacity: true)
            addRun(run)
            if liveRuns >= Self.maxRuns { try mergeRuns() }
        } catch {
            // The events stay in memory; the run stops with the error.
            spillError = spillError ?? error
        }
    }

    private mutating func addRun(_ run: ReorderRun) {
        guard let first = run.head else { return }
        runs.append(run)
        liveRuns += 1
        runHeads.insert(RunHead(time: first.time, arrival: first.arrival, run: Int32(runs.count - 1)))
    }

    /// Merges every run on disk into one.
    private mutating func mergeRuns() throws {
        let merged = try ReorderRun(directory: temporaryDirectory)
        var out: [ReorderRun.Entry] = []
        out.reserveCapacity(runBufferEntries)
        while let h = runHeads.popMin() {
            let run = runs[Int(h.run)]!
            out.append(try run.advance())
            if let next = run.head { runHeads.insert(RunHead(time: next.time, arrival: next.arrival, run: h.run)) }
            if out.count == runBufferEntries {
                try out.withUnsafeBufferPointer { try merged.write($0) }
                out.removeAll(keepingCapacity: true)
            }
        }
        try out.withUnsafeBufferPointer { try merged.write($0) }
        try merged.startReading(bufferEntries: runBufferEntries)
        runsWritten += 1
        runs = []
        liveRuns = 0
        addRun(merged)
    }

    private mutating func release(_ slot: Int32) {
        freeWaiting.append(slot)
        process(waiting[Int(slot)])
    }

    // MARK: - Placing one event, in time order

    private mutating func process(_ event: Event) {
        events += 1
        // Visits whose timeout has passed can get no more events: close them.
        while head >= 0, event.time - slots[Int(head)].visit.end >= rules.timeout { close(head) }

        let day = rules.splitAtMidnight ? days.day(of: event.time) : 0
        if let i = slotOf[event.device] {
            let s = Int(i)
            if let cut = endsVisit(slot: s, at: event, day: day) {
                if cut {
                    slots[s].visit.wasCut = true
                    cutVisits += 1
                }
                close(i)
            } else {
                let order = placeOrder(event.order, in: s)
                Self.append(event, order: order, to: &slots[s].visit)
                if let c = event.campaign,
                   rules.campaignChange.takesOver(c, landing: slots[s].visit.campaign, referrer: slots[s].visit.referrerHost) {
                    slots[s].visit.campaign = c
                }
                if i != tail {
                    unlink(i)
                    linkAtTail(i)
                }
                return
            }
        }
        if event.time >= newVisitsUntil {
            afterEnd += 1
            return
        }
        var visit = Visit(device: event.device, start: event.time)
        visit.referrerHost = event.referrerHost
        visit.campaign = event.campaign
        visit.deviceClass = event.deviceClass
        Self.append(event, order: firstSeen(event.order), to: &visit)
        open(visit, localDay: day)
    }

    /// nil when `event` continues the open visit; else whether the maximum length cut it.
    /// (Reads the slot's fields in place: copying the visit would retain its arrays.)
    private func endsVisit(slot s: Int, at event: Event, day: Int) -> Bool? {
        if event.time - slots[s].visit.end >= rules.timeout { return false }
        if rules.splitAtMidnight && day != slots[s].localDay { return false }
        if let c = event.campaign, rules.campaignChange.isNew(c, landing: slots[s].visit.campaign, referrer: slots[s].visit.referrerHost) {
            return false
        }
        let customer = slots[s].visit.customer
        if !event.customer.isNone && !customer.isNone && event.customer != customer { return false }
        if event.time - slots[s].visit.start >= rules.maxVisitLength { return true }
        if slots[s].visit.pages.count >= maxVisitPages { return true }
        return nil
    }

    private mutating func firstSeen(_ order: Order?) -> Order? {
        guard let order, seenOrders.insert(order.id).inserted, !order.isRejected else { return nil }
        guard order.valueCents <= orderValueBound else {
            rejectedOrderTotals += 1
            return nil
        }
        return order
    }

    /// The order to add to the open visit in slot `s` as a new one: a line item of an order
    /// already in the visit adds its value there instead, wherever it stands in the visit; an
    /// order seen before in another visit (a reloaded confirmation page) adds nothing. A total
    /// above the bound, or a rejected line item, takes the order out of the visit for good (its
    /// id stays seen).
    private mutating func placeOrder(_ order: Order?, in s: Int) -> Order? {
        guard let order else { return nil }
        if order.isLineItem, let k = slots[s].visit.orders.firstIndex(where: { $0.id == order.id }) {
            let (total, overflow) = slots[s].visit.orders[k].valueCents.addingReportingOverflow(order.valueCents)
            if order.isRejected || overflow || total > orderValueBound {
                if !order.isRejected { rejectedOrderTotals += 1 }
                slots[s].visit.orders.remove(at: k)
                return nil
            }
            slots[s].visit.orders[k].valueCents = total
            // an order with a line item of unknown value has no known value
            slots[s].visit.orders[k].hasValue = slots[s].visit.orders[k].hasValue && order.hasValue
            return nil
        }
        return firstSeen(order)
    }

    private static func append(_ event: Event, order: Order?, to visit: inout Visit) {
        visit.end = event.time
        let page = Int32(visit.pages.count)
        visit.pages.append(event.path)
        visit.pageTimes.append(Int32(clamping: event.time - visit.start))
        if !event.customer.isNone && visit.customer.isNone { visit.customer = event.customer }
        if let order { visit.orders.append(order) }
        if var survey = event.survey {
            survey.page = page
            visit.surveys.append(survey)
        }
        if !event.searchTerm.isNone { visit.searchTerms.append(PageMark(page: page, value: event.searchTerm)) }
        if event.handlingSeconds >= 0 { visit.handlingTimes.append(PageMark(page: page, value: event.handlingSeconds)) }
    }

    // MARK: - Open visits: a slab of slots, a device index and a list by last event

    private mutating func open(_ visit: Visit, localDay: Int) {
        if slotOf.count >= maxOpenVisits, head >= 0 {
            closedEarly += 1
            slots[Int(head)].visit.wasCut = true
            close(head)
        }
        let slot = Slot(visit: visit, localDay: localDay, prev: -1, next: -1)
        let i: Int32
        if let free = freeSlots.popLast() {
            i = free
            slots[Int(i)] = slot
        } else {
            i = Int32(slots.count)
            slots.append(slot)
        }
        slotOf[visit.device] = i
        linkAtTail(i)
        if slotOf.count > peakOpenVisits { peakOpenVisits = slotOf.count }
    }

    private mutating func close(_ i: Int32) {
        unlink(i)
        // Move the visit out so the free slot holds no pages.
        var visit = Visit(device: .none, start: 0)
        swap(&visit, &slots[Int(i)].visit)
        slotOf.removeValue(forKey: visit.device)
        freeSlots.append(i)
        closed.append(visit)
    }

    private mutating func unlink(_ i: Int32) {
        let prev = slots[Int(i)].prev, next = slots[Int(i)].next
        if prev >= 0 { slots[Int(prev)].next = next } else { head = next }
        if next >= 0 { slots[Int(next)].prev = prev } else { tail = prev }
        slots[Int(i)].prev = -1
        slots[Int(i)].next = -1
    }

    private mutating func linkAtTail(_ i: Int32) {
        slots[Int(i)].prev = tail
        slots[Int(i)].next = -1
        if tail >= 0 { slots[Int(tail)].next = i } else { head = i }
        tail = i
    }
}
