import Foundation
import JourneysCore
import Testing
@testable import Score
import ReportModel

/// Our attribution models against the numbers the R/Python package ChannelAttribution produced for
/// the same paths (`scripts/channel_attribution_check.py run` wrote them; this test reads only the
/// committed files in Fixtures/channel-attribution/).
@Suite("ChannelAttribution fixture")
struct ChannelAttributionFixtureTests {
    /// reference.json, as the script writes it.
    struct Reference: Decodable {
        struct Heuristic: Decodable {
            var first_touch_conversions: Double
            var first_touch_value: Double
            var last_touch_conversions: Double
            var last_touch_value: Double
            var linear_touch_conversions: Double
            var linear_touch_value: Double
        }
        struct Markov: Decodable {
            var total_conversions: Double
            var total_conversion_value: Double
            var removal_effects_conversion: Double
            var removal_effects_conversion_value: Double
        }
        struct Step: Decodable {
            var from: String
            var to: String
            var probability: Double
        }
        struct Exact: Decodable {
            var conversion_probability: Double
            var expected_value: Double
            var channels: [String: Markov]
        }
        var paths: Int
        var total_conversions: Int
        var total_conversion_value: Double
        var total_null: Int
        var heuristic_models: [String: Heuristic]
        var markov_model: [String: Markov]
        var transition_matrix: [Step]
        var exact: Exact
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/channel-attribution")

    /// paths.csv: `path,total_conversions,total_conversion_value,total_null`.
    static func loadPaths() throws -> [ChannelPath] {
        let text = try String(contentsOf: folder.appendingPathComponent("paths.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n")
        #expect(lines.removeFirst() == "path,total_conversions,total_conversion_value,total_null")
        return try lines.map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count == 4, let conv = Int(f[1]), let value = Double(f[2]), let nulls = Int(f[3]),
                  let path = ChannelPath(notation: String(f[0]), conversions: conv, value: value, nulls: nulls) else {
                throw FixtureError(line: String(line))
            }
            return path
        }
    }

    struct FixtureError: Error { var line: String }

    static func loadReference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: folder.appendingPathComponent("reference.json")))
    }

    /// Our heuristic credit of the paths: `AttributionModels.credit` per converting path, times
    /// its conversions (or value). ChannelAttribution's paths carry no times, so every visit is
    /// 0 seconds before the conversion (time decay is then linear).
    static func heuristics(_ paths: [ChannelPath]) -> (conversions: [Channel: Attribution], value: [Channel: Attribution]) {
        var conversions: [Channel: Attribution] = [:]
        var value: [Channel: Attribution] = [:]
        for p in paths where p.conversions > 0 {
            let touches = p.channels.map { AttributionModels.Touch(channel: $0, secondsBeforeConversion: 0) }
            for (c, a) in AttributionModels.credit(touches, halfLife: 7 * 86_400) {
                conversions[c, default: Attribution()].add(a, times: Double(p.conversions))
                value[c, default: Attribution()].add(a, times: p.value)
            }
        }
        return (conversions, value)
    }

    /// `a` equals `b` to `tolerance` of `scale` (or of 1 when smaller).
    static func close(_ a: Double, _ b: Double, _ tolerance: Double, scale: Double = 1) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(scale))
    }

    @Test("the fixture is realistic: hundreds of paths over all 7 channels, repeats, direct, non-converting paths")
    func fixtureShape() throws {
        let paths = try Self.loadPaths()
        let ref = try Self.loadReference()
        #expect(paths.count == ref.paths)
        #expect(paths.count >= 200)
        #expect(Set(paths.flatMap(\.channels)) == Set(Channel.allCases))
        #expect(paths.contains { p in zip(p.channels, p.channels.dropFirst()).contains { $0 == $1 } })
        #expect(paths.contains { $0.conversions == 0 && $0.nulls > 0 })
        #expect(paths.contains { $0.channels.count >= 8 })
        #expect(paths.reduce(0) { $0 + $1.conversions } == ref.total_conversions)
        #expect(paths.reduce(0) { $0 + $1.nulls } == ref.total_null)
    }

    @Test("first touch, last touch and linear equal ChannelAttribution's heuristic_models to 1e-9")
    func heuristicModels() throws {
        let paths = try Self.loadPaths()
        let ref = try Self.loadReference()
        let ours = Self.heuristics(paths)
        let valueScale = ref.total_conversion_value
        #expect(Set(ref.heuristic_models.keys) == Set(Channel.allCases.map(\.rawValue)))
        for (name, r) in ref.heuristic_models {
            let c = try #require(Channel(rawValue: name))
            let conv = ours.conversions[c] ?? Attribution()
            let value = ours.value[c] ?? Attribution()
            #expect(Self.close(conv.firstTouch, r.first_touch_conversions, 1e-9), "first touch \(name)")
            #expect(Self.close(conv.lastTouch, r.last_touch_conversions, 1e-9), "last touch \(name)")
            #expect(Self.close(conv.linear, r.linear_touch_conversions, 1e-9), "linear \(name)")
            #expect(Self.close(value.firstTouch, r.first_touch_value, 1e-9, scale: valueScale), "first touch value \(name)")
            #expect(Self.close(value.lastTouch, r.last_touch_value, 1e-9, scale: valueScale), "last touch value \(name)")
            #expect(Self.close(value.linear, r.linear_touch_value, 1e-9, scale: valueScale), "linear value \(name)")
        }
    }

    @Test("the Markov chain's transition probabilities equal ChannelAttribution's (repeats collapsed)")
    func transitionMatrix() throws {
        let chain = MarkovAttribution.Chain(try Self.loadPaths())
        let ref = try Self.loadReference()
        func state(_ name: String) throws -> MarkovAttribution.State {
            switch name {
            case "(start)": return .start
            case "(conversion)": return .conversion
            case "(null)": return .null
            default: return .channel(try #require(Channel(rawValue: name)))
            }
        }
        var steps: Set<String> = []
        for step in ref.transition_matrix {
            let p = chain.probability(from: try state(step.from), to: try state(step.to))
            #expect(Self.close(p, step.probability, 1e-12), "\(step.from) -> \(step.to)")
            steps.insert("\(step.from)>\(step.to)")
        }
        // the same set of steps, and no channel steps to itself
        #expect(Set(chain.transitions.map { "\($0.from.name)>\($0.to.name)" }) == steps)
        #expect(!chain.transitions.contains { $0.from == $0.to })
    }

    @Test("Markov credit is within 1% of total conversions (and value) of ChannelAttribution's simulation")
    func markovWithinOnePercent() throws {
        let paths = try Self.loadPaths()
        let ref = try Self.loadReference()
        let ours = MarkovAttribution.attribute(paths)
        let totalConversions = Double(ref.total_conversions)
        #expect(Set(ref.markov_model.keys) == Set(ours.credit.keys.map(\.rawValue)))
        for (name, r) in ref.markov_model {
            let c = try #require(Channel(rawValue: name))
            let credit = try #require(ours.credit[c])
            #expect(abs(credit.conversions - r.total_conversions) <= 0.01 * totalConversions, "conversions \(name)")
            #expect(abs(credit.value - r.total_conversion_value) <= 0.01 * ref.total_conversion_value, "value \(name)")
            // the removal effects the peer reports are P(visit c | conversion): the same quantity
            #expect(abs(ours.removalEffects[c]! - r.removal_effects_conversion) <= 0.01, "removal effect \(name)")
            #expect(abs(ours.valueRemovalEffects[c]! - r.removal_effects_conversion_value) <= 0.01, "value removal effect \(name)")
        }
        #expect(Self.close(ours.credit.values.reduce(0) { $0 + $1.conversions }, totalConversions, 1e-9, scale: totalConversions))
    }

    @Test("Markov credit equals the script's exact numpy solution to 1e-9")
    func markovExact() throws {
        let paths = try Self.loadPaths()
        let ref = try Self.loadReference()
        let ours = MarkovAttribution.attribute(paths)
        #expect(Self.close(ours.conversionProbability, ref.exact.conversion_probability, 1e-12))
        #expect(Self.close(ours.expectedValue, ref.exact.expected_value, 1e-9, scale: ref.exact.expected_value))
        for (name, e) in ref.exact.channels {
            let c = try #require(Channel(rawValue: name))
            #expect(Self.close(ours.credit[c]!.conversions, e.total_conversions, 1e-9, scale: e.total_conversions))
            #expect(Self.close(ours.credit[c]!.value, e.total_conversion_value, 1e-9, scale: ref.total_conversion_value))
            #expect(Self.close(ours.removalEffects[c]!, e.removal_effects_conversion, 1e-12))
            #expect(Self.close(ours.valueRemovalEffects[c]!, e.removal_effects_conversion_value, 1e-12))
        }
    }

    @Test("where the models disagree most on the fixture")
    func disagreement() throws {
        let paths = try Self.loadPaths()
        let heuristics = Self.heuristics(paths).conversions
        let markov = MarkovAttribution.credit(paths).mapValues(\.conversions)
        let total = Double(paths.reduce(0) { $0 + $1.conversions })
        let d = ModelDisagreement.largest(heuristics, markov: markov, totalOrders: total)
        // on this fixture only direct passes 10% of orders: 256 last touch vs 99 last non-direct of 737
        #expect(d.map(\.channel) == [.direct])
        #expect(d.first?.spread == 157)
        for x in d {
            #expect(x.shareOfOrders >= 0.10)
            #expect(x.lowest != x.highest)
        }
        // Direct closes many journeys (last touch) but last non-direct passes its credit on.
        #expect(d.first?.channel == .direct)
        #expect(d.first?.lowest == .lastNonDirect)
        #expect(d.first?.highest == .lastTouch)
    }
}

private extension Attribution {
    mutating func add(_ a: Attribution, times k: Double) {
        firstTouch += a.firstTouch * k
        lastTouch += a.lastTouch * k
        lastNonDirect += a.lastNonDirect * k
        linear += a.linear * k
        timeDecay += a.timeDecay * k
        positionBased += a.positionBased * k
    }
}
