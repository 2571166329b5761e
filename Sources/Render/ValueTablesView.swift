import ReportModel
import Sections

/// The tables of values taken from the logs (entry pages, campaigns, search terms, products),
/// each with its columns and how they are counted. The values are masked by score and escaped
/// by the template like every logged string.
enum ValueTablesView {
    static func make(_ q: JourneyQuestions, labels: PageLabels) -> [[String: Any]] {
        let style = labels.style
        func table(_ id: String, _ key: String, code: Bool, _ rows: [ValueRow], _ columns: [String],
                   _ cells: (ValueRow) -> [String]) -> [String: Any] {
            ["id": id, "title": labels.text("loggedValues.\(key).title"), "group": labels.text("loggedValues.\(key).group"),
             "note": labels.text("loggedValues.\(key).note"), "columns": columns.map { labels.text("col.\($0)") }, "hasRows": !rows.isEmpty,
             "rows": rows.map { ["value": Markup.clean($0.value), "code": code, "cells": cells($0)] as [String: Any] }]
        }
        let conversion: (ValueRow) -> String = { style.percent($0.conversionRate) }
        // Entry pages and campaigns show their orders, not also their visits with an order
        // (report.json `purchases`): the same figure on nearly every row, as a visit seldom orders twice.
        return [
            table("entry-pages", "entryPages", code: true, q.entryPages, ["visits", "people", "orders", "revenue", "conversion"]) {
                [style.integer($0.visits), style.integer($0.people), style.integer($0.orders),
                 style.money($0.revenue), conversion($0)]
            },
            table("campaigns", "campaigns", code: false, q.campaigns, ["visits", "people", "orders", "revenue", "conversion"]) {
                [style.integer($0.visits), style.integer($0.people), style.integer($0.orders),
                 style.money($0.revenue), conversion($0)]
            },
            table("search-terms", "searchTerms", code: false, q.searchTerms, ["searches", "visits", "people", "purchases", "conversion"]) {
                [style.integer($0.views), style.integer($0.visits), style.integer($0.people), style.integer($0.purchases), conversion($0)]
            },
            table("products", "products", code: true, q.products, ["views", "people", "carts", "orders", "ordered"]) {
                [style.integer($0.views), style.integer($0.people), style.integer($0.carts), style.integer($0.orders), conversion($0)]
            },
        ]
    }
}
