import Foundation
import JourneysCore
#if canImport(Glibc)
import Glibc
#endif

/// What one pass over a file's timestamps tells before its events are read: the time span it
/// covers and whether its lines are in time order. Exports sorted by customer or session are
/// common; read as a stream they would lose most events as "late", so such a file is sorted
/// before the merge (see `TimeSortedEvents`).
package struct FileScan: Sendable, Equatable {
    package var path: String
    /// Lines with a readable timestamp.
    package var timedLines = 0
    package var earliest: Int64? = nil
    package var latest: Int64? = nil
    /// Lines more than the out-of-order tolerance older than a line before them.
    package var linesOutOfOrder = 0
    /// The timed lines per UTC day (days since 1970-01-01), for telling the bulk of the data from
    /// stray lines far from it (see `InputScan.bulk`). At most `maxDays` distinct days are kept
    /// (275 years): a file dated over more is no log of a shop, and nothing of it is stray.
    package var days: [Int64: DayLines] = [:]
    /// Whether the file's lines fall on more than `maxDays` distinct days (`days` is then empty).
    package var tooManyDays = false
    package static let maxDays = 100_000

    package init(path: String) { self.path = path }

    /// Whether the file can be streamed as it is: the sessionizer's reorder buffer places every
    /// line that is at most the tolerance older than the newest line before it.
    package var isInTimeOrder: Bool { linesOutOfOrder == 0 }

    /// The file as the merge reads it: sorted by time first when it is not in time order.
    package var inputFile: InputFile {
        var file = InputFile(path: path, sortByTime: !isInTimeOrder)
        file.earliest = earliest
        return file
    }
}

/// The timed lines of one UTC day: how many, and the first and last of them.
package struct DayLines: Sendable, Equatable {
    package var lines: Int
    package var earliest: Int64
    package var latest: Int64

    mutating func add(_ other: DayLines) {
        lines += other.lines
        earliest = min(earliest, other.earliest)
        latest = max(latest, other.latest)
    }
}

/// The span of the bulk of the data: the input's timed lines without the stray ones far from the
/// rest (see `InputScan.bulk`).
package struct DataBulk: Sendable, Equatable {
    package var earliest: Int64
    package var latest: Int64
    /// Timed lines before `earliest` or after `latest`.
    package var strayLines: Int
}

/// Reads the timestamps of every input file, each in its own format and on its own thread.
package enum InputScan {
    /// A stretch without any line longer than this separates two groups of lines (a week: no week
    /// can be reported across such a gap).
    package static let strayGap: Int64 = 7 * 86_400
    /// A group of lines at the start or end of the input holding less than this share of the timed
    /// lines (in per mille) is stray: a wrong clock, a forged date.
    package static let strayShareMille = 10

    /// One scan per file, in the order given. Throws when a file cannot be opened or its first
    /// line shows a format the options cannot read (a CSV header lacking a mapped column).
    package static func scan(_ files: [String], options: ExtractOptions, tolerance: Int64) throws -> [FileScan] {
        let results = ResultSlots<FileScan>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results.set(i, Result { try scan(files[i], options: options, tolerance: tolerance) })
        }
        return try results.values()
    }

    /// The scan of one file: every line's timestamp, read as extract will read the line.
    /// `firstLine`: the first line of the file a spooled share comes from, which picks the decoder;
    /// `skipping`: the number of a line in `file` that is not read for its time (a spooled
    /// share's copy of the unterminated last line of a damaged file, which extract rejects).
    package static func scan(_ file: String, firstLine: [UInt8]? = nil, skipping: Int? = nil,
                             options: ExtractOptions, tolerance: Int64) throws -> FileScan {
        if firstLine == nil, skipping == nil, let parts = PlainFileParts.open(path: file, options: options),
           let scan = try scanInParts(parts, options: options, tolerance: tolerance) {
            return scan
        }
        return try scan(file, source: try openByteSource(path: file), firstLine: firstLine, skipping: skipping,
                        options: options, tolerance: tolerance)
    }

    /// A large plain file's scan, its parts on `options.shards` threads. A line is out of order
    /// against the newest line before it in the whole file; a part counts against its own lines
    /// only, which is the same count whenever none of its lines is older than the newest line of
    /// the parts before it by more than the tolerance. When one is, nil: the file is scanned
    /// whole (a file out of time order, sorted anyway).
    private static func scanInParts(_ parts: PlainFileParts, options: ExtractOptions, tolerance: Int64) throws -> FileScan? {
        let results = ResultSlots<FileScan>(count: parts.count)
        let threads = min(options.shards, parts.count)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for k in stride(from: t, to: parts.count, by: threads) {
                results.set(k, Result {
                    try scan(parts.path, source: try parts.source(k), firstLine: parts.firstLine, options: options, tolerance: tolerance)
                })
            }
        }
        var whole = FileScan(path: parts.path)
        for part in try results.values() {
            if let newest = whole.latest, let oldest = part.earliest, oldest < newest - tolerance { return nil }
            whole.timedLines += part.timedLines
            whole.linesOutOfOrder += part.linesOutOfOrder
            whole.tooManyDays = whole.tooManyDays || part.tooManyDays
            for (day, lines) in part.days where !whole.tooManyDays {
                if whole.days[day] != nil { whole.days[day]!.add(lines) } else { whole.days[day] = lines }
            }
            if let e = part.earliest { whole.earliest = min(whole.earliest ?? e, e) }
            if let l = part.latest { whole.latest = max(whole.latest ?? l, l) }
        }
        return whole
    }

    private static func scan(_ file: String, source: ByteSource, firstLine: [UInt8]?, skipping: Int? = nil,
                             options: ExtractOptions, tolerance: Int64) throws -> FileScan {
        var result = FileScan(path: file)
        let reader = LineReader(source: source, maxLineBytes: options.maxLineBytes)
        var decoder: LineDecoder? = try firstLine.flatMap { first in
            first.isEmpty ? nil : try first.withUnsafeBytes { try LineDecoder.make(first: $0, options: options, path: file).0 }
        }
        var newest = Int64.min
        // The current day's lines, added to `days` when another day comes (lines come mostly in
        // time order, so this is once a day, not once a line).
        var day = Int64.min, today = DayLines(lines: 0, earliest: 0, latest: 0)
        func flushDay() {
            guard today.lines > 0 else { return }
            if result.days[day] != nil { result.days[day]!.add(today) } else { result.days[day] = today }
            if result.days.count > FileScan.maxDays {
                result.tooManyDays = true
                result.days = [:]
            }
        }
        while true {
            let item = try reader.next()
            if case .end = item { break }
            guard case .line(let line) = item, !line.isEmpty, reader.lineNumber != skipping else { continue }
            if decoder == nil { decoder = try LineDecoder.make(first: line, options: options, path: file).0 }
            guard let t = decoder!.timestamp(line) else { continue }
            result.timedLines += 1
            let d = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
            if d != day {
                flushDay()
                day = d
                today = DayLines(lines: 0, earliest: t, latest: t)
            }
            today.lines += 1
            today.earliest = min(today.earliest, t)
            today.latest = max(today.latest, t)
            if t > newest {
                newest = t
            } else if newest - t > tolerance {
                result.linesOutOfOrder += 1
            }
            result.earliest = min(result.earliest ?? t, t)
            result.latest = max(result.latest ?? t, t)
        }
        flushDay()
        return result
    }

    /// The earliest and latest timestamp over all scans; `nil` when no line has one.
    package static func span(_ scans: [FileScan]) -> (earliest: Int64, latest: Int64)? {
        let earliest = scans.compactMap(\.earliest).min(), latest = scans.compactMap(\.latest).max()
        guard let earliest, let latest else { return nil }
        return (earliest, latest)
    }

    /// The bulk of the data: the timed lines are split into groups wherever no line falls in more
    /// than `strayGap` (a week); groups at the start and at the end that hold less than
    /// `strayShareMille` per mille (1 %) of the timed lines are stray and left out of the span,
    /// so that one line dated 2099 or 1970 does not move the default period. Groups between two
    /// that are not stray are kept, whatever their size. When no group holds 1 %, nothing is stray.
    /// `nil` when no line has a timestamp.
    package static func bulk(_ scans: [FileScan]) -> DataBulk? {
        var days: [Int64: DayLines] = [:]
        var total = 0
        for scan in scans {
            total += scan.timedLines
            for (d, lines) in scan.days {
                if days[d] != nil { days[d]!.add(lines) } else { days[d] = lines }
            }
        }
        guard total > 0 else { return nil }
        if scans.contains(where: \.tooManyDays) || days.count > FileScan.maxDays {
            let (earliest, latest) = span(scans)!
            return DataBulk(earliest: earliest, latest: latest, strayLines: 0)
        }
        var groups: [DayLines] = []
        for d in days.keys.sorted() {
            let lines = days[d]!
            if let last = groups.last, lines.earliest - last.latest <= strayGap {
                groups[groups.count - 1].add(lines)
            } else {
                groups.append(lines)
            }
        }
        let dense = groups.indices.filter { groups[$0].lines * 1000 >= total * strayShareMille }
        let first = dense.first ?? 0, last = dense.last ?? groups.count - 1
        let kept = groups[first...last].reduce(0) { $0 + $1.lines }
        return DataBulk(earliest: groups[first].earliest, latest: groups[last].latest, strayLines: total - kept)
    }

    /// The time field of an access-log line: the first `[...]` of 26 bytes.
    static func accessLogTimestamp(in line: UnsafeRawBufferPointer) -> Int64? {
        guard let base = line.baseAddress, let hit = memchr(base, 0x5B, line.count) else { return nil }
        let open = UnsafeRawPointer(hit) - base
        guard open + 27 < line.count, line[open + 27] == 0x5D else { return nil }
        return LogTimestamp.parse(UnsafeRawBufferPointer(rebasing: line[(open + 1)..<(open + 27)]))
    }
}
