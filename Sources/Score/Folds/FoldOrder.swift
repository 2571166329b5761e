import JourneysCore
import Sections

/// Where a converting visit stands in the data read: visits are ordered by start, then device, and
/// a person's own visits keep their order. Credits are summed in this order in `finish`, so that
/// floating-point sums do not depend on how people were split into partials.
struct ConversionOrder: Comparable, Codable {
    var start: Int64
    var device: UInt64
    /// Sets apart two people whose conversions started in the same second on one shared device.
    var visitor: UInt64
    /// The visit's position among its person's visits.
    var position: Int

    static func < (a: Self, b: Self) -> Bool {
        (a.start, a.device, a.visitor, a.position) < (b.start, b.device, b.visitor, b.position)
    }
}

/// Where a person stands in the list of journeys: by first visit start, then visitor pseudonym,
/// as journeys are built. Lists that are kept per person are put back into this order in `finish`.
struct JourneyOrder: Comparable, Codable {
    var start: Int64
    var visitor: UInt64

    static func < (a: Self, b: Self) -> Bool { (a.start, a.visitor) < (b.start, b.visitor) }
}

extension PersonVisits {
    /// The pseudonym the person's journey goes by: the customer when they ever logged in, else
    /// the device of their first visit.
    var visitor: Pseudonym {
        visits.first { !$0.customer.isNone }?.customer ?? visits.first?.device ?? .none
    }

    /// The order of this person's conversion at position `k`.
    func conversionOrder(_ k: Int, visitor: Pseudonym) -> ConversionOrder {
        ConversionOrder(start: visits[k].start, device: visits[k].device.raw, visitor: visitor.raw, position: k)
    }

    var journeyOrder: JourneyOrder { JourneyOrder(start: visits.first?.start ?? 0, visitor: visitor.raw) }
}
