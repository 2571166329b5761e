import ReportModel

/// The tables of values taken from the logs (entry pages, campaigns, search terms, products),
/// each with its columns and how they are counted. The values are masked by score and escaped
/// by the template like every logged string.
enum ValueTablesView {
    static func make(_ q: JourneyQuestions, style: NumberStyle) -> [[String: Any]] {
        func table(_ id: String, _ title: String, _ group: String, _ note: String, code: Bool, _ rows: [ValueRow],
                   _ columns: [String], _ cells: (ValueRow) -> [String]) -> [String: Any] {
            ["id": id, "title": title, "group": group, "note": note, "columns": columns, "hasRows": !rows.isEmpty,
             "rows": rows.map { ["value": Markup.clean($0.value), "code": code, "cells": cells($0)] as [String: Any] }]
        }
        let conversion: (ValueRow) -> String = { style.percent($0.conversionRate) }
        return [
            table("entry-pages", "Entry pages", "Entry page",
                  "The first page of the period's visits (addresses masked, as everywhere on the page). Conversion = visits with an order / visits.",
                  code: true, q.entryPages, ["Visits", "People", "Purchases", "Orders", "Revenue", "Conversion"]) {
                [style.integer($0.visits), style.integer($0.people), style.integer($0.purchases), style.integer($0.orders),
                 style.money($0.revenue), conversion($0)]
            },
            table("campaigns", "Campaigns", "Campaign",
                  "Visits by the campaign (utm_campaign) they came with. Conversion = visits with an order / visits.",
                  code: false, q.campaigns, ["Visits", "People", "Purchases", "Orders", "Revenue", "Conversion"]) {
                [style.integer($0.visits), style.integer($0.people), style.integer($0.purchases), style.integer($0.orders),
                 style.money($0.revenue), conversion($0)]
            },
            table("search-terms", "Search terms", "Term",
                  "Terms searched on the site search. Searches = its page views with the term; a visit counts once per term. Conversion = visits with an order / visits that searched it.",
                  code: false, q.searchTerms, ["Searches", "Visits", "People", "Purchases", "Conversion"]) {
                [style.integer($0.views), style.integer($0.visits), style.integer($0.people), style.integer($0.purchases), conversion($0)]
            },
            table("products", "Products", "Product page",
                  "Views = product page views; carts = adds to cart straight from the product page; orders = orders of the visits that added it. Ordered = visits that added it and ordered / visits that added it.",
                  code: true, q.products, ["Views", "People", "Carts", "Orders", "Ordered"]) {
                [style.integer($0.views), style.integer($0.people), style.integer($0.carts), style.integer($0.orders), conversion($0)]
            },
        ]
    }
}
