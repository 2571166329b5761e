import JourneysCore
import Sessionize
import Testing

/// A request with another campaign than the visit's landing campaign starts a new visit: under
/// the `any` rule when any utm parameter, click id or click id value differs; under matomo when
/// Matomo's campaign name or keyword differs; ga4 and awstats do not split on campaigns.
@Suite struct CampaignTests {
    let newsletter = utm(10, 11, 12, key: 1)
    let instagram = utm(20, 21, 22, key: 2)
    let anyParameter = rules(.matomo) { $0.campaignChange = .anyParameter }

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
                                     rules: anyParameter, zone: berlin)
        #expect(visits.map(\.campaign) == [nil, newsletter])
    }

    /// Matomo does not split a direct entry's visit on a campaign: the visit takes the campaign
    /// over. A visit that came from another site (an external referrer) is split.
    @Test func matomoGivesADirectEntrysVisitTheCampaign() {
        let direct = sessionize([event(t0, path: 1), event(t0 + 60, path: 2, campaign: newsletter),
                                 event(t0 + 120, path: 3, campaign: newsletter), event(t0 + 180, path: 4, campaign: instagram)],
                                rules: .matomo, zone: berlin)
        #expect(direct.visits.map(\.pageNumbers) == [[1, 2, 3], [4]])
        #expect(direct.visits.map(\.campaign) == [newsletter, instagram])
        var fromBlog = event(t0, path: 1)
        fromBlog.referrerHost = Symbol(raw: 99)
        let referred = sessionize([fromBlog, event(t0 + 60, path: 2, campaign: newsletter)], rules: .matomo, zone: berlin)
        #expect(referred.visits.map(\.campaign) == [nil, newsletter])
    }

    @Test func aDifferentUtmFieldIsAnotherCampaign() {
        var termChanged = newsletter
        termChanged.termAndContent = 7
        for other in [utm(10, 11, 13), utm(10, 99, 12), utm(99, 11, 12), termChanged] {
            let (visits, _) = sessionize([event(t0, campaign: newsletter), event(t0 + 60, campaign: other)],
                                         rules: anyParameter, zone: berlin)
            #expect(visits.count == 2)
        }
    }

    @Test func clickIDsAreCampaigns() {
        let google = Campaign(clickID: .gclid, clickValue: 5), facebook = Campaign(clickID: .fbclid, clickValue: 5)
        let same = sessionize([event(t0, campaign: google), event(t0 + 60, campaign: google)],
                              rules: anyParameter, zone: berlin)
        #expect(same.visits.count == 1)
        let other = sessionize([event(t0, campaign: google), event(t0 + 60, campaign: facebook)],
                               rules: anyParameter, zone: berlin)
        #expect(other.visits.map(\.campaign) == [google, facebook])
    }

    /// A second ad click carries a click id value of its own: a new visit, though the kind of
    /// click id and every utm parameter are the same.
    @Test func aNewClickIDValueIsANewAdClick() {
        let first = Campaign(clickID: .gclid, clickValue: 5), second = Campaign(clickID: .gclid, clickValue: 6)
        let (visits, _) = sessionize([event(t0, path: 1, campaign: first), event(t0 + 60, path: 2),
                                      event(t0 + 120, path: 3, campaign: second)], rules: anyParameter, zone: berlin)
        #expect(visits.map(\.pageNumbers) == [[1, 2], [3]])
    }

    /// Matomo compares the campaign name and keyword only: another keyword is a new visit,
    /// another source or content under the same name and keyword, or a click id alone, is not.
    @Test func matomoSplitsOnNameOrKeyword() {
        var sameNameOtherKeyword = newsletter
        sameNameOtherKeyword.nameAndKeyword = 3
        let split = sessionize([event(t0, campaign: newsletter), event(t0 + 60, campaign: sameNameOtherKeyword)],
                               rules: .matomo, zone: berlin)
        #expect(split.visits.count == 2)
        var otherSourceAndContent = utm(99, 11, 12, key: 1)
        otherSourceAndContent.termAndContent = 9
        let adClick = Campaign(clickID: .gclid, clickValue: 6)
        for other in [otherSourceAndContent, adClick] {
            let (visits, _) = sessionize([event(t0, campaign: newsletter), event(t0 + 60, campaign: other)],
                                         rules: .matomo, zone: berlin)
            #expect(visits.count == 1)
        }
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
