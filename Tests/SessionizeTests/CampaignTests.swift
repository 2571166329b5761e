import JourneysCore
import Sessionize
import Testing

/// A request with another campaign (utm source/medium/campaign, or a click id) than the visit's
/// landing campaign starts a new visit under matomo; ga4 and awstats do not split on campaigns.
@Suite struct CampaignTests {
    let newsletter = utm(10, 11, 12)
    let instagram = utm(20, 21, 22)

    @Test func sameCampaignRepeatedDoesNotSplit() {
        let (visits, _) = sessionize([
            event(t0, path: 1, campaign: newsletter),
            event(t0 + 60, path: 2),
            event(t0 + 120, path: 3, campaign: newsletter),
        ], rules: .matomo, zone: berlin)
        #expect(visits.count == 1)
        #expect(visits[0].pageNumbers == [1, 2, 3])
        #expect(visits[0].campaign == newsletter)
    }

    @Test func anotherCampaignStartsANewVisit() {
        let (visits, _) = sessionize([
            event(t0, path: 1, campaign: newsletter),
            event(t0 + 60, path: 2),
            event(t0 + 120, path: 3, campaign: instagram),
            event(t0 + 180, path: 4),
        ], rules: .matomo, zone: berlin)
        #expect(visits.map(\.pageNumbers) == [[1, 2], [3, 4]])
        #expect(visits.map(\.campaign) == [newsletter, instagram])
        #expect(visits.map(\.start) == [t0, t0 + 120])
        #expect(visits[0].end == t0 + 60)
    }

    @Test func aCampaignArrivingInADirectVisitStartsANewVisit() {
        let (visits, _) = sessionize([event(t0, path: 1), event(t0 + 60, path: 2, campaign: newsletter)],
                                     rules: .matomo, zone: berlin)
        #expect(visits.map(\.campaign) == [nil, newsletter])
    }

    @Test func aDifferentUtmFieldIsAnotherCampaign() {
        for other in [utm(10, 11, 13), utm(10, 99, 12), utm(99, 11, 12)] {
            let (visits, _) = sessionize([event(t0, campaign: newsletter), event(t0 + 60, campaign: other)],
                                         rules: .matomo, zone: berlin)
            #expect(visits.count == 2)
        }
    }

    @Test func clickIDsAreCampaigns() {
        let google = Campaign(clickID: .gclid), facebook = Campaign(clickID: .fbclid)
        let same = sessionize([event(t0, campaign: google), event(t0 + 60, campaign: google)],
                              rules: .matomo, zone: berlin)
        #expect(same.visits.count == 1)
        let other = sessionize([event(t0, campaign: google), event(t0 + 60, campaign: facebook)],
                               rules: .matomo, zone: berlin)
        #expect(other.visits.map(\.campaign) == [google, facebook])
    }

    @Test func ga4AndAwstatsKeepTheLandingCampaign() {
        for preset in [SessionRules.ga4, .awstats] {
            let (visits, _) = sessionize([
                event(t0, path: 1, campaign: newsletter),
                event(t0 + 60, path: 2, campaign: instagram),
            ], rules: preset, zone: berlin)
            #expect(visits.count == 1, "\(preset.preset)")
            #expect(visits[0].pageNumbers == [1, 2])
            #expect(visits[0].campaign == newsletter)
        }
    }
}
