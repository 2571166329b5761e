/// The six URL schemes the set-up tests learn: the five platforms' shipped schemes and one
/// made-up scheme whose words no list holds, under language prefixes.
extension URLScheme {
    static let all: [URLScheme] = [shopify, woocommerce, magento2, shopware6, prestashop, madeUp]

    static let shopify = URLScheme(
        name: "shopify", platform: "shopify", host: "shop.example.com",
        home: { _ in "/" },
        category: { c, _ in "/collections/\(SchemeLogs.categories[c])" },
        product: { i, c, r in r.chance(0.3) ? "/collections/\(SchemeLogs.categories[c])/products/\(SchemeLogs.slug(i))" : "/products/\(SchemeLogs.slug(i))" },
        search: { t, _ in "/search?q=\(t.replacingOccurrences(of: " ", with: "+"))&type=product" },
        addToCart: { _, _ in ("POST", "/cart/add", 302) }, addToCartTruth: ("Add to cart", "add_to_cart"),
        cart: { _ in "/cart" },
        checkout: { token, _ in ["/checkouts/\(token)", "/checkouts/\(token)?step=shipping_method", "/checkouts/\(token)?step=payment_method"] },
        confirmation: { id, value, token in "/checkouts/\(token)/thank_you?order_id=\(id)&total=\(value)" },
        carriesValue: true,
        orderID: { n, _ in String(1000 + n) },
        content: [("/pages/about-us", "About"), ("/pages/shipping", "Shipping"), ("/blogs/news/spring-lookbook", "Blog")],
        account: ["/account", "/account/orders", "/account/addresses"])

    static let woocommerce = URLScheme(
        name: "woocommerce", platform: "woocommerce", host: "www.example-store.de",
        home: { _ in "/" },
        category: { c, _ in "/product-category/\(SchemeLogs.categories[c])/" },
        product: { i, _, _ in "/product/\(SchemeLogs.slug(i))/" },
        search: { t, _ in "/search/\(t.replacingOccurrences(of: " ", with: "+"))/" },
        // The classic form posts to the item's own page with add-to-cart=ID in the body.
        addToCart: { i, _ in ("POST", "/product/\(SchemeLogs.slug(i))/", 302) }, addToCartTruth: ("Product", nil),
        cart: { _ in "/cart/" },
        checkout: { _, _ in ["/checkout/"] },
        // The order-received endpoint: the order's number in the path, its key in the query, no value.
        confirmation: { id, _, _ in "/checkout/order-received/\(id.split(separator: "_").last!)/?key=\(id)" },
        carriesValue: false,
        orderID: { n, r in "wc_order_\(String(format: "%08llx", r.next() % 0xFFFF_FFFF))_\(4000 + n)" },
        content: [("/about/", "About"), ("/shipping-returns/", "Shipping"), ("/contact/", "Contact")],
        account: ["/my-account/", "/my-account/orders/", "/my-account/edit-address/"])

    static let magento2 = URLScheme(
        name: "magento2", platform: "magento2", host: "store.example.com",
        home: { _ in "/" },
        category: { c, _ in "/\(["women", "men", "gear"][c % 3])/\(SchemeLogs.categories[c]).html" },
        product: { i, _, _ in "/\(SchemeLogs.slug(i)).html" },
        search: { t, _ in "/catalogsearch/result/?q=\(t.replacingOccurrences(of: " ", with: "+"))" },
        addToCart: { i, _ in ("POST", "/checkout/cart/add/uenc/aHR0cHM6Ly9zdG9yZS9\(i % 7)/product/\(i)/", 302) },
        addToCartTruth: ("Add to cart", "add_to_cart"),
        cart: { _ in "/checkout/cart/" },
        checkout: { _, _ in ["/checkout/", "/checkout/payment/"] },
        confirmation: { id, value, _ in "/checkout/onepage/success/?order_increment_id=\(id)&grand_total=\(value)" },
        carriesValue: true,
        orderID: { n, _ in String(format: "%09d", 100_000_000 + n) },
        content: [("/about-us", "About"), ("/customer-service", "Service"), ("/privacy-policy-cookie-restriction-mode", "Privacy")],
        account: ["/customer/account/", "/customer/account/login/", "/sales/order/history/"])

    static let shopware6 = URLScheme(
        name: "shopware6", platform: "shopware6", host: "www.beispiel-shop.de",
        home: { _ in "/" },
        category: { c, _ in "/\(["Damen", "Herren", "Outdoor"][c % 3])/\(SchemeLogs.categories[c].capitalized)/" },
        product: { i, _, _ in "/\(SchemeLogs.slug(i).capitalized)/SW\(10_000 + i)" },
        search: { t, _ in "/search?search=\(t.replacingOccurrences(of: " ", with: "+"))" },
        addToCart: { _, _ in ("POST", "/checkout/line-item/add", 302) }, addToCartTruth: ("Add to cart", "add_to_cart"),
        cart: { _ in "/checkout/cart" },
        checkout: { _, _ in ["/checkout/register", "/checkout/confirm"] },
        confirmation: { id, value, _ in "/checkout/finish?orderId=\(id)&amount=\(value)" },
        carriesValue: true,
        orderID: { _, r in String(format: "%016llx%016llx", r.next(), r.next()) },
        content: [("/Impressum/", "Impressum"), ("/Versand-und-Zahlung/", "Versand"), ("/Widerrufsbelehrung/", "Widerruf")],
        account: ["/account", "/account/order", "/account/profile"])

    static let prestashop = URLScheme(
        name: "prestashop", platform: "prestashop", host: "boutique.example.fr",
        home: { _ in "/" },
        category: { c, _ in "/\(3 + c)-\(SchemeLogs.categories[c])" },
        product: { i, c, _ in "/\(SchemeLogs.categories[c])/\(i)-\(SchemeLogs.slug(i)).html" },
        search: { t, _ in "/search?controller=search&s=\(t.replacingOccurrences(of: " ", with: "+"))" },
        // Adding posts to the cart controller itself, the same path as viewing the cart.
        addToCart: { i, _ in ("POST", "/cart?add=1&id_product=\(i)&token=a1b2c3", 302) }, addToCartTruth: ("Cart", nil),
        cart: { _ in "/cart?action=show" },
        checkout: { _, _ in ["/order"] },
        confirmation: { id, _, _ in "/order-confirmation?id_cart=\(Int(id)! * 3 + 11)&id_order=\(id)&key=f3c2a1" },
        carriesValue: false,
        orderID: { n, _ in String(500 + n) },
        content: [("/content/1-delivery", "Delivery"), ("/content/4-about-us", "About"), ("/content/3-terms-and-conditions-of-use", "Terms")],
        account: ["/my-account", "/order-history", "/identity"])

    /// Words no list knows, two market prefixes, a parameter `w` for the search term, a POST to
    /// add, three checkout steps and a confirmation with a comma-free amount in `amt`.
    static let madeUp = URLScheme(
        name: "made-up", platform: nil, host: "www.zorblax.example",
        home: { r in r.chance(0.5) ? "/de/" : "/at/" },
        category: { c, r in "/\(r.chance(0.5) ? "de" : "at")/grobb/\(SchemeLogs.categories[c])" },
        product: { i, _, r in "/\(r.chance(0.5) ? "de" : "at")/flim/\(i)/\(SchemeLogs.slug(i))" },
        search: { t, r in "/\(r.chance(0.5) ? "de" : "at")/quux?w=\(t.replacingOccurrences(of: " ", with: "+"))" },
        addToCart: { i, r in ("POST", "/\(r.chance(0.5) ? "de" : "at")/trg/plonk", 303) }, addToCartTruth: ("Add to cart", "add_to_cart"),
        cart: { r in "/\(r.chance(0.5) ? "de" : "at")/trg" },
        checkout: { _, _ in ["/de/vrk/eins", "/de/vrk/zwo", "/de/vrk/drei"] },
        confirmation: { id, value, _ in "/de/vrk/fertig?nr=\(id)&amt=\(value)" },
        carriesValue: true,
        orderID: { n, _ in "ZX-\(70_000 + n)" },
        content: [("/de/hilfe/versand", "Hilfe"), ("/de/hilfe/retoure", "Hilfe"), ("/at/hilfe/versand", "Hilfe")],
        account: ["/de/mein", "/de/mein/liste"])
}
