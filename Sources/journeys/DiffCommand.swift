import ArgumentParser
import Compare
import Foundation
import Pipeline

/// `journeys diff BASE NEW`: what changed between two periods, for a CI log or a pull request.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two periods' reports: a Markdown summary on stdout, optionally a page.",
        discussion: """
            BASE and NEW are report folders (output/2026-W46) or report.json files. Prints every key \
            figure with its change and whether the change is larger than noise, why conversion, cart \
            abandonment and bounce moved (traffic mix against rates within channels and devices), \
            what to act on first (by estimated effect on orders and revenue), and what appeared, \
            vanished or moved in the journey map and the paths (touchpoints by their ids, as \
            report.json keeps them; a run's own diff.html and diff.md use the config's names). Exit codes: 0 no threshold crossed; \
            1 a change larger than noise crossed a --fail-on threshold; 2 a usage or input error \
            (a missing report, a schema version or rules that cannot be compared, a bad threshold).
            """)

    @Argument(help: "The base report: a report folder or its report.json.")
    var base: String

    @Argument(help: "The new report: a report folder or its report.json.")
    var new: String

    @Option(name: .long, help: ArgumentHelp(
        "Fail (exit 1) when a change larger than noise crosses one of these thresholds.",
        discussion: "A comma-separated list of KPI id and change: conversion_rate:-10% (a relative fall of 10%), cart_abandonment:+5pp (a rise of 5 percentage points), nps:-5 (a fall of 5 in the KPI's own unit). Default: the pipeline config's diff.fail_on."))
    var failOn: String?

    @Option(name: .long, help: "Also write the comparison as a page in the report's look (validated).")
    var html: String?

    @Option(name: .long, help: "A pipeline config: its diff.fail_on, templates and publish.base_url.")
    var pipeline: String?

    @Option(name: .long, help: "The folder of templates and CSS for --html (default: the config's, else the built-in ones).")
    var templates: String?

    func run() throws {
        do {
            var thresholdText = failOn
            var templateFolder = templates
            var baseURL: String? = nil
            if let pipeline {
                let config = try ConfigLoader.load(path: pipeline)
                if thresholdText == nil, !config.diffFailOn.isEmpty { thresholdText = config.diffFailOn }
                if templates == nil { templateFolder = config.templates }
                baseURL = config.publishBaseURL
            }
            let thresholds = try thresholdText.map { text throws(ThresholdError) in try Threshold.list(parsing: text) }
            let diff = try ReportDiff.compare(base: try ReportComparison.load(base), new: try ReportComparison.load(new))
            let crossed = try thresholds.map { t throws(ThresholdError) in try diff.crossed(t) }
            if let html {
                let folder = (html as NSString).deletingLastPathComponent
                try ReportComparison.writePage(diff, templateFolder: templateFolder, to: html, root: folder.isEmpty ? "." : folder)
            }
            print(ReportComparison.markdown(diff, crossed: crossed, baseURL: baseURL), terminator: "")
            if let crossed, !crossed.isEmpty { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch let error as ThresholdError {
            stop("--fail-on: \(error)")
        } catch let error as CompareError {
            stop(error.description)
        } catch let error as ConfigError {
            stop(error.description)
        } catch let error as PublishError {
            stop(error.description)
        } catch let error as ValidationFailed {
            // the page of --templates is not valid: an input error, not a crossed threshold
            stop(error.description)
        } catch {
            fail(error)
        }
    }

    /// A usage or input error: one line, exit 2.
    func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("journeys: error: diff: \(message.split(whereSeparator: \.isNewline).joined(separator: " "))\n".utf8))
        Foundation.exit(2)
    }
}
