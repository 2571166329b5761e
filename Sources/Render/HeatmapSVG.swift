import ReportModel

/// Visits by weekday (rows, Monday first) and hour of the visit's start (columns) as a heatmap:
/// each cell shaded by its visits (ten steps of the accent colour, relative to the busiest hour)
/// and printing them, with the cell's visits and orders in its title, and each day's totals at the
/// end of the row; `tables` gives the same numbers as text tables, so colour never carries them
/// alone.
enum HeatmapSVG {
    static let cell = 34.0, rowHeight = 26.0, left = 46.0, top = 22.0, totals = 178.0

    static func svg(_ w: WeekdayHour, labels: PageLabels) -> String {
        let style = labels.style
        let days = labels.weekdays
        let busiest = w.visits.flatMap { $0 }.max() ?? 0
        let total = w.visits.flatMap { $0 }.reduce(0, +), orders = w.orders.flatMap { $0 }.reduce(0, +)
        func dayTotal(_ d: Int) -> String {
            labels.text("weekdayHour.chart.dayTotal", ["visits": style.integer(row(w.visits, d).reduce(0, +)),
                                                      "orders": style.integer(row(w.orders, d).reduce(0, +))])
        }
        // Room for the longest day total: German words run longer than English ones.
        let longest = (0..<7).map { dayTotal($0).count }.max() ?? 0
        let width = Int(left + cell * 24 + max(totals, 16 + 6.5 * Double(longest))), height = Int(top + rowHeight * 7 + 4)
        var svg = SVGBuilder(width: width, height: height,
                             label: labels.text("weekdayHour.chart.label", ["visits": style.integer(total), "orders": style.integer(orders)]))
        for h in 0..<24 {
            svg.element("text", ["x": fmt(left + cell * (Double(h) + 0.5)), "y": "15", "text-anchor": "middle", "class": "hm-hour"],
                        text: h < 10 ? "0\(h)" : "\(h)")
        }
        for d in 0..<7 {
            let y = top + rowHeight * Double(d)
            let visits = row(w.visits, d), orderRow = row(w.orders, d)
            svg.element("text", ["x": fmt(left - 8), "y": fmt(y + rowHeight / 2 + 4), "text-anchor": "end", "class": "label"], text: days[d])
            for h in 0..<24 {
                let v = visits[h], x = left + cell * Double(h)
                let shade = busiest == 0 ? 0 : min(9, v * 10 / busiest)
                svg.open("g", ["class": "hm h\(shade)"])
                svg.title(labels.text("weekdayHour.chart.cell", ["day": days[d], "from": hour(h), "to": hour(h + 1),
                                                                 "visits": style.integer(v), "orders": style.integer(orderRow[h])]))
                svg.element("rect", ["x": fmt(x + 1), "y": fmt(y + 1), "width": fmt(cell - 2), "height": fmt(rowHeight - 2), "rx": "2"])
                svg.element("text", ["x": fmt(x + cell / 2), "y": fmt(y + rowHeight / 2 + 4), "text-anchor": "middle"], text: style.integer(v))
                svg.close("g")
            }
            svg.element("text", ["x": fmt(left + cell * 24 + 10), "y": fmt(y + rowHeight / 2 + 4), "class": "value"],
                        text: dayTotal(d))
        }
        return svg.finished()
    }

    /// The same numbers as two text tables (visits, orders): a row per weekday, a column per hour
    /// and the day's total.
    static func tables(_ w: WeekdayHour, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        func table(_ title: String, _ grid: [[Int]]) -> [String: Any] {
            ["title": title,
             "rows": (0..<7).map { d -> [String: Any] in
                 let r = row(grid, d)
                 return ["day": labels.weekdays[d], "cells": r.map { style.integer($0) }, "total": style.integer(r.reduce(0, +))]
             }]
        }
        return ["hours": (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" },
                "grids": [table(labels.text("col.visits"), w.visits), table(labels.text("col.orders"), w.orders)]]
    }

    /// Day `d` of a grid as 24 hours, whatever the grid's shape (missing hours count 0).
    static func row(_ grid: [[Int]], _ d: Int) -> [Int] {
        let r = d < grid.count ? grid[d] : []
        return (0..<24).map { $0 < r.count ? r[$0] : 0 }
    }

    static func hour(_ h: Int) -> String { (h < 10 ? "0\(h)" : "\(h)") + ":00" }
}
