import JourneysCore
import Sessionize
import Testing

/// The presets reproduce the rules of the tools teams compare with.
@Suite struct PresetTests {
    @Test func matomo() {
        let r = SessionRules.matomo
        #expect(r.timeout == 1800 && r.newVisitOnCampaignChange && r.splitAtMidnight)
        #expect(r.maxVisitLength == 86_400 && r.outOfOrderTolerance == 300 && r.identity == .standard)
        #expect(r.campaignChange == .nameOrKeyword)
        #expect(r.summary == "matomo: timeout 30 min, new visit on campaign name or keyword change, split at midnight, max visit 24 h, out-of-order tolerance 5 min")
    }

    @Test func ga4() {
        let r = SessionRules.ga4
        #expect(r.timeout == 1800 && !r.newVisitOnCampaignChange && !r.splitAtMidnight && r.identity == .standard)
        #expect(r.campaignChange == .off)
    }

    /// Turning the campaign rule on keeps a preset's way of comparing campaigns, else compares
    /// every parameter; off is off.
    @Test func newVisitOnCampaignChangeKeepsThePresetsWay() {
        var matomo = SessionRules.matomo
        matomo.newVisitOnCampaignChange = true
        #expect(matomo.campaignChange == .nameOrKeyword)
        matomo.newVisitOnCampaignChange = false
        #expect(matomo.campaignChange == .off)
        var ga4 = SessionRules.ga4
        ga4.newVisitOnCampaignChange = true
        #expect(ga4.campaignChange == .anyParameter)
        #expect(ga4.summary.contains("new visit on campaign change"))
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
