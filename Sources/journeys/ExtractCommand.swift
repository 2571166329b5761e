import ArgumentParser
import Extract
import Foundation
import JourneysCore
import Pipeline

/// `journeys extract`: runs the extract stage alone over every line of the inputs and prints
/// its accounting, for checking a log source and for measuring extract's speed.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read the inputs as the report would and print what became of every line.",
        discussion: """
            Prints, per file and in total, the lines read, parsed into events, filtered (bots, \
            static assets, statuses, methods, headers) and rejected (bad input), by reason, with up \
            to five masked samples of each kind of bad line; then the speed and the peak memory. \
            No period applies: every line is read. With --pipeline the inputs are read exactly as \
            `journeys report` reads them (format, mappings, filters, identity), so a new source can \
            be tried before a report. Exit code 2 when an input cannot be opened or matches nothing, \
            or the config is wrong.
            """)

    @Option(name: .long, help: "A pipeline config (YAML) whose format, mappings and filters apply; its inputs are read unless --input is given.")
    var pipeline: String?

    @Option(name: .long, parsing: .singleValue, help: "A log file, folder or glob; repeat for several.")
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "How lines are read: auto, combined, json, csv, or a layout string.",
        discussion: "A layout is an nginx log_format ('$remote_addr - $remote_user [$time_local] \"$request\" ...') or an Apache LogFormat ('%h %l %u %t \\\"%r\\\" ...')."))
    var format: String = "auto"

    @Flag(name: .long, help: "Parse on the calling thread instead of a read-ahead thread.")
    var noReadAhead = false

    func validate() throws {
        guard !input.isEmpty || pipeline != nil else { throw ValidationError("give --pipeline or at least one --input (a file, folder or glob)") }
        guard LogFormat(parsing: format) != nil else {
            throw ValidationError("--format '\(format)' is none of auto, combined, json, csv, nor a layout with $ or % fields")
        }
    }

    func run() throws {
        var options = ExtractOptions()
        var inputs = input
        var tolerance = ExtractOptions.defaultOutOfOrderTolerance
        if let pipeline {
            do {
                let config = try ConfigLoader.load(path: pipeline)
                options = config.extractOptions
                tolerance = config.sessionRules.outOfOrderTolerance
                if inputs.isEmpty { inputs = config.inputs }
            } catch {
                fail(error)
            }
        }
        if format != "auto" || pipeline == nil { options.format = LogFormat(parsing: format) ?? .auto }
        options.readAhead = !noReadAhead
        let start = ContinuousClock.now
        var events = 0
        let result: ExtractResult
        do {
            let files = try InputFiles.resolve(inputs)
            let scans = try InputScan.scan(files, options: options, tolerance: tolerance)
            let merged = try MergedEvents(scans.map(\.inputFile), options: options)
            while try merged.next() != nil { events += 1 }
            result = merged.result
        } catch {
            // an input error exits 2, an unusable temporary folder for sorting 1, as in every command
            fail(error)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(Self.accounting(result.quality, events: events), terminator: "")
        let q = result.quality
        print("time: \(String(format: "%.3f", seconds)) s")
        print("lines/s: \(seconds > 0 ? Int((Double(q.read) / seconds).rounded()) : 0)")
        print("peak RSS: \(String(format: "%.1f", Self.peakRSSMegabytes())) MB")
    }

    /// The accounting as aligned text: one block per file, then the totals and the samples.
    static func accounting(_ q: DataQuality, events: Int) -> String {
        var out = ""
        let grouping = DigitGrouping(separator: ",")
        func n(_ v: Int) -> String { grouping.string(v) }
        func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        func block(_ name: String, read: Int, parsed: Int, filtered: Int, rejected: Int, outcomes: [LineOutcome: Int], damage: String?) {
            out += "\(name)\n"
            out += "  read \(pad(n(read), 13))   parsed \(pad(n(parsed), 13))   filtered \(pad(n(filtered), 13))   rejected \(pad(n(rejected), 11))"
            out += read == parsed + filtered + rejected ? "\n" : "   (UNBALANCED)\n"
            for o in LineOutcome.allCases {
                guard let c = outcomes[o], c > 0 else { continue }
                out += "    \(o.isRejected ? "rejected" : o.isValueNote ? "noted   " : "filtered") \(o.rawValue + String(repeating: " ", count: max(0, 16 - o.rawValue.count))) \(pad(n(c), 13))  \(o.explanation)\n"
            }
            if let damage { out += "    damage: \(damage)\n" }
        }
        for f in q.files {
            block(f.file, read: f.read, parsed: f.parsed, filtered: f.filtered, rejected: f.rejected, outcomes: f.outcomes, damage: f.damage)
            if let r = f.resort {
                out += "    not in time order: sorted \(r.spilledRuns == 0 ? "in memory" : "through \(r.spilledRuns) temporary runs"), \(n(r.moved)) of \(n(r.events)) events moved\n"
            }
        }
        if q.files.count > 1 {
            var all: [LineOutcome: Int] = [:]
            for o in LineOutcome.allCases { all[o] = q.count(o) }
            block("total (\(q.files.count) files)", read: q.read, parsed: q.parsed, filtered: q.filtered, rejected: q.rejected, outcomes: all, damage: nil)
        }
        let samples = LineOutcome.allCases.flatMap { o in (q.samples[o] ?? []).map { (o, $0) } }
        if !samples.isEmpty {
            out += "samples (IP and e-mail addresses and customer ids masked):\n"
            for (o, s) in samples {
                out += "  \(o.rawValue) \((s.file as NSString).lastPathComponent):\(s.line): \(s.text)\n"
            }
        }
        out += "events: \(n(events))\n"
        return out
    }

    /// The process's peak resident set size (getrusage's ru_maxrss is in KiB on Linux, bytes on macOS).
    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
