import Foundation
import Pipeline
import Testing

/// The published pages on a phone: at 390 px wide none may scroll sideways (tables and charts
/// scroll inside their own frames). Measured in headless Chromium through its DevTools protocol
/// (`scripts/page_check.py`, PyPI websocket-client in the project's `.venv/`), reading
/// `document.documentElement.scrollWidth`; the pages themselves stay free of scripts.
@Suite(.serialized) struct PageWidthTests {
    struct Tools {
        var python: String
        var script: String
    }

    /// `make test` names the virtual environment's Python in `JOURNEYS_PYTHON` and installs
    /// Chromium (Debian's `chromium`); a plain `swift test` finds `.venv/` and `chromium` itself.
    static func tools() -> Tools? {
        let fm = FileManager.default
        let env = ProcessInfo.processInfo.environment
        let python = env["JOURNEYS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PipelineFixtures.repo.appendingPathComponent(".venv/bin/python").path
        let script = PipelineFixtures.repo.appendingPathComponent("scripts/page_check.py").path
        guard fm.isExecutableFile(atPath: python), fm.fileExists(atPath: script) else { return nil }
        let chromium = env["JOURNEYS_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["PATH"] ?? "").split(separator: ":").map { "\($0)/chromium" }.first { fm.isExecutableFile(atPath: $0) }
        guard let chromium, fm.isExecutableFile(atPath: chromium) else { return nil }
        // the protocol client must be importable
        guard (try? run(python, ["-c", "import websocket"]).status) == 0 else { return nil }
        return Tools(python: python, script: script)
    }

    static let missingReason = "the page check needs .venv/bin/python with websocket-client and Debian's chromium (`make test` installs both)"

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Subprocess.run(executable, arguments)
    }

    /// The page's scroll width at a viewport of `width` px.
    static func scrollWidth(_ tools: Tools, _ page: String, width: Int = 390, dark: Bool = false) throws -> Int? {
        let (status, output) = try run(tools.python, [tools.script, "width", page, "--width", String(width)] + (dark ? ["--dark"] : []))
        guard status == 0, let line = output.split(separator: "\n").last,
              let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Int] else {
            Issue.record("page_check failed on \(page): \(output)")
            return nil
        }
        return json["scrollWidth"]
    }

    /// In English and in German: German words are longer and must not widen the page either.
    @Test(arguments: ["en", "de"]) func thePublishedPagesFitAPhone(locale: String) throws {
        guard let tools = Self.tools() else { try RequiredTool.missing(Self.missingReason) }
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("phone-\(locale)")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W46")
        if locale != "en" {
            let weekly = try String(contentsOfFile: PipelineFixtures.weeklyConfig, encoding: .utf8)
            options.pipeline = try PipelineFixtures.writeConfig(weekly.replacingOccurrences(of: "\nlocale: en\n", with: "\nlocale: \(locale)\n"))
        }
        _ = try ReportPipeline.run(options, environment: [:])
        options.period = "2026-W47"
        _ = try ReportPipeline.run(options, environment: [:])
        let pages = [out + "/2026-W47/index.html", out + "/2026-W47/diff.html", out + "/index.html"]
        for page in pages {
            #expect(FileManager.default.fileExists(atPath: page), "\(page) was not written")
            for dark in [false, true] {
                let width = try Self.scrollWidth(tools, page, dark: dark)
                #expect(width == 390, "\(page) (\(locale)\(dark ? ", dark" : "")) is \(width.map(String.init) ?? "?") px wide at 390 px")
            }
        }
    }

    /// The check can fail: a page with a box wider than the phone is measured wider.
    @Test func aPageTooWideIsSeen() throws {
        guard let tools = Self.tools() else { try RequiredTool.missing(Self.missingReason) }
        let page = try PipelineFixtures.scratch("phone-wide") + "/wide.html"
        try #"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>w</title></head><body><div style="width:900px">x</div></body></html>"#
            .write(toFile: page, atomically: true, encoding: .utf8)
        let width = try Self.scrollWidth(tools, page)
        #expect((width ?? 0) > 390)
    }
}
