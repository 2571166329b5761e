import JourneysCore
import Sessionize
import Testing

/// The presets reproduce the rules of the tools teams compare with.
@Suite struct PresetTests {
    @Test func matomo() {
        let r = SessionRules.matomo
        #expect(r.timeout == 1800 && r.newVisitOnCampaignChange && r.splitAtMidnight)
        #expect(r.maxVisitLength == 86_400 && r.outOfOrderTolerance == 300 && r.identity == .standard)
        #expect(r.summary == "matomo: timeout 30 min, new visit on campaign change, split at midnight, max visit 24 h, out-of-order tolerance 5 min")
    }

    @Test func ga4() {
        let r = SessionRules.ga4
        #expect(r.timeout == 1800 && !r.newVisitOnCampaignChange && !r.splitAtMidnight && r.identity == .standard)
    }

    @Test func awstatsVisitorIsTheHost() {
        let r = SessionRules.awstats
        #expect(r.timeout == 3600 && !r.newVisitOnCampaignChange && !r.splitAtMidnight)
        #expect(r.identity == .hostOnly)
        #expect(r.identity.rawValue == "host_only")
        #expect(r.summary.hasSuffix(", visitor = host"))
    }

    @Test func presetsByName() {
        for name in SessionRules.presetNames {
            #expect(SessionRules.preset(named: name)?.preset == name)
        }
        #expect(SessionRules.preset(named: "adobe") == nil)
        #expect(SessionRules.preset(named: "matomo") != SessionRules.preset(named: "ga4"))
    }
}
