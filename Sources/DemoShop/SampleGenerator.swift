import JourneysCore
import Foundation

/// Writes the demo shop's access logs: one Combined Log Format file per local day, rotated the
/// way logrotate with `dateext` + `delaycompress` leaves them (`access.log-YYYYMMDD.gz` for
/// older days, the newest two days uncompressed).
///
/// Exists as the default input of `make report` and of the end-to-end tests, so it is fully
/// deterministic: one seeded generator, days processed in order, visits in start order, a day's
/// lines sorted by (time, generation order), no clock, no dictionary iteration.
package enum SampleGenerator {
    /// A visit waiting to be played on a given day.
    private struct PlannedVisit {
        var time: Int64
        var order: Int
        var visitor: Int
        var intent: VisitScript.Intent
        var channel: Marketing.Channel?
    }

    /// Writes all days into `directory` (created if missing) and returns what was written; with
    /// `orderTable`, also the order table of the 18 months before the first day to that file
    /// (see `OrderTable`). The logs are the same bytes with or without it.
    package static func write(to directory: String, options: SampleOptions, orderTable: String? = nil) throws -> SampleSummary {
        try options.validate()
        let fm = FileManager.default
        let dirURL = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            try fm.createDirectory(at: dirURL, withIntermediateDirectories: true)
        } catch {
            throw SampleError.io("cannot create directory \(dirURL.path): \(error.localizedDescription)")
        }

        if let orderTable {
            let folder = URL(fileURLWithPath: orderTable).standardizedFileURL.deletingLastPathComponent().path
            guard folder != dirURL.path else {
                throw SampleError.invalidOptions("the order table \(orderTable) would be read as a log of \(dirURL.path); write it next to the logs' folder")
            }
        }

        let last = CivilDate(year: options.lastDay.year, month: options.lastDay.month, day: options.lastDay.day).dayNumber
        let dayCount = options.weeks * 7
        let first = last - dayCount + 1

        var rng = RandomSource(seed: options.seed)
        var clock = ShopClock()
        var writer = LogLineWriter(clock: clock)
        var population = VisitorPopulation(prior: max(10, options.dailyVisits * 3), rng: &rng)
        let priorCustomers = population.visitors.prefix(population.priorCount).compactMap(\.customerId)
        var loggedIn = Set<String>()
        var schedule = [[VisitScript.FollowUp]](repeating: [], count: dayCount)
        var buckets = [[LogEntry]](repeating: [], count: dayCount)
        var seq = 0
        var days: [SampleDay] = []
        var files: [String] = []

        /// Sorts an entry into the bucket of its local day (dropping what falls after the last day).
        func file(_ e: LogEntry, current: Int) {
            var e = e
            e.seq = seq
            seq += 1
            let index = clock.localDayNumber(at: e.time) - first
            guard index < dayCount else { return }
            if orderTable != nil && e.user != "-" && !e.kind.isMalformed { loggedIn.insert(e.user) }
            buckets[max(current, index)].append(e)
        }

        for index in 0..<dayCount {
            let day = first + index
            let start = clock.midnight(ofDay: day)
            let end = clock.midnight(ofDay: day + 1)
            var dayRng = rng.fork(UInt64(index))

            // The day's visits: follow-ups planned earlier, then fresh visits up to the day's volume.
            let target = Int((Double(options.dailyVisits) * Marketing.dayFactor(day: day, noise: dayRng.unit())).rounded())
            var planned: [PlannedVisit] = []
            for f in schedule[index] {
                var who = f.visitor
                if who < 0 { who = population.addVisitor(rng: &dayRng) }
                planned.append(PlannedVisit(time: randomTime(day: day, clock: &clock, rng: &dayRng),
                                            order: planned.count, visitor: who, intent: f.intent, channel: f.channel))
            }
            schedule[index] = []
            let fresh = max(target / 4, target - planned.count)
            for _ in 0..<fresh {
                var who: Int
                if dayRng.chance(0.34), let known = population.returningVisitor(rng: &dayRng) {
                    who = known
                } else {
                    who = population.addVisitor(rng: &dayRng)
                }
                let v = population[who]
                let intent: VisitScript.Intent = v.customerId != nil && dayRng.chance(0.12) ? .account
                    : !v.cart.isEmpty && dayRng.chance(0.25) ? .returnToBuy : .browse(interested: false)
                planned.append(PlannedVisit(time: randomTime(day: day, clock: &clock, rng: &dayRng),
                                            order: planned.count, visitor: who, intent: intent, channel: nil))
            }
            planned.sort { ($0.time, $0.order) < ($1.time, $1.order) }

            var k = 0
            while k < planned.count {
                let plan = planned[k]
                k += 1
                var script = VisitScript(visitorIndex: plan.visitor, visitor: population[plan.visitor], day: day, start: plan.time)
                script.play(intent: plan.intent, channel: plan.channel, rng: &dayRng, population: &population)
                population[plan.visitor] = script.visitor
                for e in script.entries { file(e, current: index) }
                for f in script.followUps {
                    if f.afterDays == 0 {
                        // Straight back within the hour: play right after this visit.
                        let who = f.visitor >= 0 ? f.visitor : population.addVisitor(rng: &dayRng)
                        planned.append(PlannedVisit(time: script.time + Int64(f.delaySeconds), order: planned.count,
                                                    visitor: who, intent: f.intent, channel: f.channel))
                        planned[k...].sort { ($0.time, $0.order) < ($1.time, $1.order) }
                    } else if index + f.afterDays < dayCount {
                        schedule[index + f.afterDays].append(f)
                    }
                }
            }
            for e in BotTraffic.entries(start: start, end: end, dailyVisits: options.dailyVisits, rng: &dayRng) {
                file(e, current: index)
            }
            for e in NoiseLines.entries(start: start, end: end, rng: &dayRng) {
                file(e, current: index)
            }

            // Write the finished day.
            var entries = buckets[index]
            buckets[index] = []
            entries.sort { ($0.time, $0.seq) < ($1.time, $1.seq) }
            let date = CivilDate(dayNumber: day)
            let compressed = index < dayCount - 2
            let name = "access.log-\(date.compactString)" + (compressed ? ".gz" : "")
            var summary = SampleDay(date: date.description, file: name)
            var bytes = [UInt8]()
            bytes.reserveCapacity(entries.count * 230)
            for e in entries {
                writer.append(e, to: &bytes)
                summary.lines += 1
                switch e.kind {
                case .bot: summary.botLines += 1
                case .asset: summary.assetLines += 1
                case .cut, .garbage, .badTimestamp: summary.malformedLines += 1
                case .page:
                    if e.orderCents > 0 && e.status == 200 {
                        summary.orders += 1
                        summary.revenueCents += e.orderCents
                    }
                case .scanner: break
                }
            }
            let path = dirURL.appendingPathComponent(name).path
            try writeAtomically(bytes, to: path, compressed: compressed)
            // The same day in the other form (from an earlier run with other dates) would be read twice.
            let twin = dirURL.appendingPathComponent(compressed ? String(name.dropLast(3)) : name + ".gz").path
            if fm.fileExists(atPath: twin) { try? fm.removeItem(atPath: twin) }
            days.append(summary)
            files.append(path)
        }
        var summary = SampleSummary(days: days, files: files)
        if let orderTable {
            let rows = try OrderTable.rows(firstLogDay: first, priorCustomers: priorCustomers, loggedIn: loggedIn,
                                           seed: options.seed, clock: &clock)
            let path = URL(fileURLWithPath: orderTable).standardizedFileURL.path
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw SampleError.io("cannot create directory \(folder): \(error.localizedDescription)")
            }
            try writeAtomically(OrderTable.csv(rows, clock: &clock), to: path, compressed: false)
            summary.orderTable = OrderTableSummary(path: path, rows: rows, loggedIn: loggedIn, clock: &clock)
        }
        return summary
    }

    /// A start time on the local day, following the hourly shape of the shop's traffic.
    private static func randomTime(day: Int, clock: inout ShopClock, rng: inout RandomSource) -> Int64 {
        let hour = rng.weighted(Marketing.hourWeights)
        return clock.instant(day: day, secondOfDay: hour * 3600 + rng.below(3600))
    }

    /// Writes to a hidden temporary name next to the target, then renames it into place.
    private static func writeAtomically(_ bytes: [UInt8], to path: String, compressed: Bool) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial").path
        do {
            if compressed {
                try GzipFileWriter.write(bytes, to: temp)
            } else {
                try Data(bytes).write(to: URL(fileURLWithPath: temp))
            }
            if rename(temp, path) != 0 {
                throw SampleError.io("cannot rename \(temp) to \(path)")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            if let e = error as? SampleError { throw e }
            throw SampleError.io("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
