import JourneysCore
import Sessionize
import Testing

/// Journeys: a visit's person is its customer, else the one customer its device logged in as,
/// else the device. A device shared by several customers keeps its anonymous visits to itself.
@Suite struct IdentityStitchingTests {
    let day: Int64 = 86_400
    let laptop: UInt64 = 1, phone: UInt64 = 2, stranger: UInt64 = 3
    let alice: UInt64 = 100, bob: UInt64 = 200

    @Test func anonymousVisitsBeforeAndAfterLoginJoinTheCustomer() {
        let (visits, _) = sessionize([
            event(t0, device: laptop, path: 1),                                   // day 0, anonymous
            event(t0 + 60, device: stranger, path: 9),                            // day 0, someone else
            event(t0 + day, device: laptop, path: 2),                              // day 1, logs in mid-visit
            event(t0 + day + 120, device: laptop, path: 3, customer: alice),
            event(t0 + day + 3600, device: phone, path: 4, customer: alice),       // day 1, her phone
            event(t0 + 2 * day, device: laptop, path: 5),                          // day 2, logged out
        ])
        #expect(visits.map(\.device.raw) == [laptop, stranger, laptop, phone, laptop])
        // Logging in mid-visit continues the visit, which then belongs to the customer.
        #expect(visits[2].pageNumbers == [2, 3])
        #expect(visits[2].customer.raw == alice)

        let journeys = JourneyBuilder.journeys(of: visits)
        #expect(journeys.count == 2)
        #expect(journeys[0].visitor.raw == alice)
        #expect(journeys[0].visits == [0, 2, 3, 4])
        #expect(journeys[1].visitor.raw == stranger)
        #expect(journeys[1].visits == [1])
    }

    @Test func aDeviceOfTwoCustomersKeepsItsAnonymousVisits() {
        let (visits, _) = sessionize([
            event(t0, device: laptop, path: 1, customer: alice),
            event(t0 + day, device: laptop, path: 2),
            event(t0 + 2 * day, device: laptop, path: 3, customer: bob),
            event(t0 + 3 * day, device: laptop, path: 4),
        ])
        let journeys = JourneyBuilder.journeys(of: visits)
        #expect(journeys.map(\.visitor.raw) == [alice, laptop, bob])
        #expect(journeys.map(\.visits) == [[0], [1, 3], [2]])
    }

    @Test func anotherCustomerMidVisitStartsANewVisit() {
        let (visits, _) = sessionize([
            event(t0, device: laptop, path: 1, customer: alice),
            event(t0 + 60, device: laptop, path: 2),
            event(t0 + 120, device: laptop, path: 3, customer: bob),
            event(t0 + 180, device: laptop, path: 4),
        ])
        #expect(visits.map(\.pageNumbers) == [[1, 2], [3, 4]])
        #expect(visits.map(\.customer.raw) == [alice, bob])
        #expect(JourneyBuilder.journeys(of: visits).map(\.visitor.raw) == [alice, bob])
    }

    @Test func journeysDoNotDependOnTheOrderOfVisits() {
        let (visits, _) = sessionize([
            event(t0, device: laptop, path: 1),
            event(t0 + day, device: laptop, path: 2, customer: alice),
            event(t0 + 2 * day, device: phone, path: 3),
        ])
        let reversed = Array(visits.reversed())
        let journeys = JourneyBuilder.journeys(of: reversed)
        // Indexes refer to the reversed list: laptop day 0 is 2, laptop day 1 is 1, phone is 0.
        #expect(journeys.map(\.visitor.raw) == [alice, phone])
        #expect(journeys.map(\.visits) == [[2, 1], [0]])
    }

    @Test func aCustomerAndADeviceWithTheSamePseudonymStayApart() {
        let (visits, _) = sessionize([
            event(t0, device: 7, path: 1),
            event(t0 + 60, device: 8, path: 2, customer: 7),
        ])
        let journeys = JourneyBuilder.journeys(of: visits)
        #expect(journeys.map(\.visits) == [[0], [1]])
    }
}
