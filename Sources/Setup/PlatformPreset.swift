import Foundation
import JourneysCore
import Touchpoints
import Yams

/// A shop platform's shipped URL scheme (`pipelines/platforms/<name>.yaml`): the paths that give
/// the platform away and the touchpoint rules of its pages. The files are built into the binary.
package struct PlatformPreset: Sendable {
    package var name: String
    package var title: String
    package var fingerprints: [String]
    /// The rules as written in the file, one line each, and as rules.
    package var ruleLines: [String]
    package var rules: [TouchpointRule]

    /// The presets built in, by name.
    package static let all: [PlatformPreset] = {
        let files: [(String, [UInt8])] = [("magento2", PackageResources.magento2_yaml), ("prestashop", PackageResources.prestashop_yaml),
                                          ("shopify", PackageResources.shopify_yaml), ("shopware6", PackageResources.shopware6_yaml),
                                          ("woocommerce", PackageResources.woocommerce_yaml)]
        return files.map { name, bytes in
            do { return try PlatformPreset(yaml: String(decoding: bytes, as: UTF8.self)) } catch {
                fatalError("built-in platform preset \(name).yaml: \(error)")
            }
        }
    }()

    package static func named(_ name: String) -> PlatformPreset? { all.first { $0.name == name } }

    /// Reads a preset file: `name`, `title`, `fingerprints` (globs) and `rules` (as in a pipeline config).
    package init(yaml: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any],
              let name = root["name"] as? String, let title = root["title"] as? String,
              let fingerprints = root["fingerprints"] as? [String], let rules = root["rules"] as? [[String: Any]] else {
            throw PresetError(message: "expected name, title, fingerprints and rules")
        }
        self.name = name; self.title = title; self.fingerprints = fingerprints
        self.rules = try rules.map { r in
            guard let tp = r["touchpoint"] as? String, let phaseText = r["phase"] as? String, let phase = Phase(rawValue: phaseText) else {
                throw PresetError(message: "a rule needs touchpoint and phase")
            }
            let pattern: TouchpointRule.Pattern
            if let p = r["path"] as? String { pattern = .glob(p) } else if let x = r["regex"] as? String { pattern = .regex(x) } else {
                throw PresetError(message: "rule \(tp) needs path or regex")
            }
            let step = (r["funnel_step"] as? String).flatMap(FunnelStep.init(rawValue:))
            return TouchpointRule(pattern: pattern, touchpoint: tp, phase: phase, funnelStep: step)
        }
        ruleLines = yaml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("- {") }
    }

    /// Share of `pathViews`' page views on this platform's fingerprint paths, and how many
    /// distinct fingerprints were seen.
    package func fingerprintShare(_ pathViews: [String: Int]) -> (share: Double, distinct: Int) {
        let regexes = fingerprints.compactMap { try? TouchpointRule(pattern: .glob($0), touchpoint: "", phase: .awareness).compiled() }
        var hits = 0, total = 0
        var seen = Set<Int>()
        for (path, n) in pathViews {
            total += n
            let range = NSRange(path.startIndex..., in: path)
            if let k = regexes.firstIndex(where: { $0.firstMatch(in: path, range: range) != nil }) { hits += n; seen.insert(k) }
        }
        return (total == 0 ? 0 : Double(hits) / Double(total), seen.count)
    }

    /// The platform whose fingerprints carry the largest share (at least a fifth, from at least
    /// three distinct fingerprints) of the page views.
    package static func detect(_ pathViews: [String: Int]) -> (preset: PlatformPreset, share: Double)? {
        var best: (PlatformPreset, Double)? = nil
        for p in all {
            let (share, distinct) = p.fingerprintShare(pathViews)
            if share >= 0.2 && distinct >= 3 && share > (best?.1 ?? 0) { best = (p, share) }
        }
        return best
    }
}

/// A platform preset file that cannot be read.
package struct PresetError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
