/// The purchase funnel's steps, in order: product view -> add to cart -> checkout -> purchase.
package enum FunnelStep: String, CaseOrdered, Sendable, Codable {
    case productView = "product_view"
    case addToCart = "add_to_cart"
    case checkout
    case purchase

    package var label: String {
        switch self {
        case .productView: "Product view"
        case .addToCart: "Add to cart"
        case .checkout: "Checkout"
        case .purchase: "Purchase"
        }
    }
}
