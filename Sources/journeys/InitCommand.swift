import ArgumentParser
import Extract
import Foundation
import Pipeline
import Setup

/// `journeys init`: a shop's first pipeline config, learned from its own logs.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Propose a commented pipeline config for a shop, learned from its access logs or tracking events.",
        discussion: """
            Reads the logs twice: groups the paths into patterns (an item id or slug becomes *, \
            language and market prefixes are recognised), then names the patterns by what visitors \
            do on them (the page carrying a unique order id beside an amount is the confirmation, \
            the pages between cart and confirmation the checkout, ...). With --platform, or when the \
            log shows a platform's own paths, that platform's shipped URL scheme comes first. Prints \
            what share of page views the rules cover, the funnel steps found and how sure it is, and \
            what it could not place. The config names the log format found in each file's first line; for \
            JSON-lines events it lists the fields found, for a CSV export the columns recognised by name. Exit code 2 when an input cannot be read or --out exists.
            """)

    @Option(name: .long, parsing: .singleValue, help: "A log file, folder or glob; repeat for several.")
    var input: [String] = []

    @Option(name: .long, help: "Start from a platform's URL scheme: shopify, woocommerce, magento2, shopware6, prestashop, none (learn every rule), or auto (detect).")
    var platform: String = "auto"

    @Option(name: .long, help: "Where to write the config (YAML).")
    var out: String

    @Flag(name: .long, help: "Replace --out when it exists.")
    var force = false

    func validate() throws {
        guard !input.isEmpty else { throw ValidationError("give at least one --input (a file, folder or glob)") }
        guard ["auto", "none"].contains(platform) || PlatformPreset.named(platform) != nil else {
            throw ValidationError("--platform '\(platform)' is none of auto, none, \(PlatformPreset.all.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        if !force && FileManager.default.fileExists(atPath: out) {
            fail(UsageError("\(out): exists; give --force to replace it"))
        }
        let choice: PlatformChoice = platform == "auto" ? .detect : platform == "none" ? .none : .preset(platform)
        let setup: ShopSetup
        do {
            let files = try InputFiles.resolve(input)
            setup = try ShopSetup.run(files: files, platform: choice)
        } catch {
            fail(error)
        }
        guard setup.survey.tally.pageViews > 0 else {
            fail(UsageError("\(input.joined(separator: " ")): no page view or event among \(setup.survey.tally.read) lines "
                            + "(\(setup.survey.tally.malformed) unreadable); journeys init reads access logs (Combined, Common), JSON-lines "
                            + "events with a time field, and CSV exports whose header names a time and an event-type column"))
        }
        // Inputs as the config lists them: relative to the config's folder, as configs read them.
        let folder = URL(fileURLWithPath: (out as NSString).deletingLastPathComponent.isEmpty ? "." : (out as NSString).deletingLastPathComponent).standardizedFileURL.path
        let inputs = input.map { i -> String in
            let absolute = URL(fileURLWithPath: i).standardizedFileURL.path
            return absolute.hasPrefix(folder + "/") ? String(absolute.dropFirst(folder.count + 1)) : absolute
        }
        let yaml = ConfigWriter.yaml(setup, inputs: inputs, name: ((out as NSString).lastPathComponent as NSString).deletingPathExtension)
        do {
            try yaml.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            fail(error)
        }
        print(SetupSummary.text(setup, out: out), terminator: "")
    }
}

/// `journeys rules`: the touchpoint rules of a config against a log.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check a config's touchpoint rules against logs.",
        subcommands: [RulesCheckCommand.self])
}

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Coverage by rule, unmatched paths as patterns, rules that match nothing or are shadowed, the funnel as the rules see it.",
        discussion: "Reads the logs once (access logs, or tracking events as the config maps them). Exit code 2 when the config or an input cannot be read, or the inputs hold no access-log page view.")

    @Option(name: .long, help: "The pipeline config (YAML) whose touchpoint rules are checked.")
    var pipeline: String

    @Option(name: .long, parsing: .singleValue, help: "A log file, folder or glob (default: the config's inputs); repeat for several.")
    var input: [String] = []

    func run() throws {
        do {
            let config = try ConfigLoader.load(path: pipeline)
            let files = try InputFiles.resolve(input.isEmpty ? config.inputs : input)
            let check = try RulesCheck.run(rules: config.touchpointRules, files: files,
                                           orderKey: config.orderIDParameter, valueKey: config.orderValueParameter,
                                           events: config.extractOptions)
            guard check.tally.pageViews > 0 else {
                throw UsageError("\(files.joined(separator: " ")): no page view or event among \(check.tally.read) lines; "
                                 + "journeys rules check reads access logs (Combined, Common), JSON-lines events and CSV exports as the config maps them")
            }
            print(check.text, terminator: "")
        } catch {
            fail(error)
        }
    }
}
