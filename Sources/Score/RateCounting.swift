import Sections
import JourneysCore
import ReportModel
import Touchpoints

extension RateCounts {
    /// Counts one visit into the headline rates' numerators and denominators, by the KPIs'
    /// definitions: a purchase is a visit with an order, a cart a visit that reached add to cart.
    mutating func count(_ visit: Visit, _ mapped: MappedVisit) {
        visits += 1
        if visit.isBounce { bounces += 1 }
        if !visit.orders.isEmpty { purchases += 1 }
        if mapped.reached(.addToCart) {
            carts += 1
            if visit.orders.isEmpty { abandonedCarts += 1 }
        }
    }
}
