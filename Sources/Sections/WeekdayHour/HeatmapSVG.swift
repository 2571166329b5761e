/// Visits by weekday (rows, Monday first) and hour of the visit's start (columns) as a heatmap:
/// each cell shaded by its visits (ten steps of the accent colour, relative to the busiest hour)
/// and printing them, with the cell's visits and orders in its title, and each day's totals of
/// visits and orders in two columns at the end of the row; `tables` gives the same numbers as
/// text tables, so colour never carries them alone.
enum HeatmapSVG {
    static let cell = 34.0, rowHeight = 26.0, left = 46.0, top = 22.0

    /// Both forms, wide first: what the page's weekday x hour figure holds.
    static func figure(_ w: WeekdayHour, labels: PageLabels) -> String {
        wideForm(svg(w, labels: labels)) + narrowSVG(w, labels: labels)
    }

    /// The shade of `visits` among ten, relative to the busiest hour.
    static func shade(_ visits: Int, busiest: Int) -> Int { busiest == 0 ? 0 : min(9, visits * 10 / busiest) }

    /// The width a column of totals needs for `texts` at 11 px: 7.5 px a character is wider than
    /// any character of the fonts the page names, so that words of any language fit.
    static func totalsWidth(_ texts: [String]) -> Double { 14 + 7.5 * Double(texts.map(\.count).max() ?? 0) }

    static func svg(_ w: WeekdayHour, labels: PageLabels) -> String {
        let style = labels.style
        let days = labels.weekdays
        let busiest = w.visits.flatMap { $0 }.max() ?? 0
        let total = w.visits.flatMap { $0 }.reduce(0, +), orders = w.orders.flatMap { $0 }.reduce(0, +)
        // the days' totals: a column of visits and one of orders, each as wide as its longest text
        let columns = [(labels.text("col.visits"), w.visits), (labels.text("col.orders"), w.orders)].map { head, grid in
            (head: head, days: (0..<7).map { style.integer(row(grid, $0).reduce(0, +)) })
        }
        let widths = columns.map { totalsWidth([$0.head] + $0.days) }
        let width = Int(left + cell * 24 + widths.reduce(0, +)), height = Int(top + rowHeight * 7 + 4)
        var svg = SVGBuilder(width: width, height: height,
                             label: labels.text("weekdayHour.chart.label", ["visits": style.integer(total), "orders": style.integer(orders)]))
        for h in 0..<24 {
            svg.element("text", ["x": fmt(left + cell * (Double(h) + 0.5)), "y": "15", "text-anchor": "middle", "class": "hm-hour"],
                        text: h < 10 ? "0\(h)" : "\(h)")
        }
        var right = left + cell * 24
        var ends: [Double] = []
        for (k, column) in columns.enumerated() {
            right += widths[k]
            ends.append(right - 4)
            svg.element("text", ["x": fmt(right - 4), "y": "15", "text-anchor": "end", "class": "hm-total-label"], text: column.head)
        }
        for d in 0..<7 {
            let y = top + rowHeight * Double(d)
            let visits = row(w.visits, d), orderRow = row(w.orders, d)
            svg.element("text", ["x": fmt(left - 8), "y": fmt(y + rowHeight / 2 + 4), "text-anchor": "end", "class": "label"], text: days[d])
            for h in 0..<24 {
                let v = visits[h], x = left + cell * Double(h)
                let shade = shade(v, busiest: busiest)
                svg.open("g", ["class": "hm h\(shade)"])
                svg.title(labels.text("weekdayHour.chart.cell", ["day": days[d], "from": hour(h), "to": hour(h + 1),
                                                                 "visits": style.integer(v), "orders": style.integer(orderRow[h])]))
                svg.element("rect", ["x": fmt(x + 1), "y": fmt(y + 1), "width": fmt(cell - 2), "height": fmt(rowHeight - 2), "rx": "2"])
                svg.element("text", ["x": fmt(x + cell / 2), "y": fmt(y + rowHeight / 2 + 4), "text-anchor": "middle"], text: style.integer(v))
                svg.close("g")
            }
            for (k, column) in columns.enumerated() {
                svg.element("text", ["x": fmt(ends[k]), "y": fmt(y + rowHeight / 2 + 4), "text-anchor": "end", "class": "hm-total"],
                            text: column.days[d])
            }
        }
        return svg.finished()
    }

    /// The phone's form: the same grid turned, a row per hour and a column per weekday, so that
    /// it fits 340 px with its numbers at reading size; the days' totals of visits and orders
    /// are its last two rows.
    static func narrowSVG(_ w: WeekdayHour, labels: PageLabels) -> String {
        let style = labels.style
        let days = labels.weekdays
        let busiest = w.visits.flatMap { $0 }.max() ?? 0
        let total = w.visits.flatMap { $0 }.reduce(0, +), orders = w.orders.flatMap { $0 }.reduce(0, +)
        let left = 84.0, column = 36.0, row = 20.0, head = 18.0
        let width = Int(left + column * 7), height = Int(head + row * 24 + 6 + 2 * row + 4)
        var svg = SVGBuilder(width: width, height: height,
                             label: labels.text("weekdayHour.chart.label", ["visits": style.integer(total), "orders": style.integer(orders)]),
                             form: "narrow-form")
        for d in 0..<7 {
            svg.element("text", ["x": fmt(left + column * (Double(d) + 0.5)), "y": "13", "text-anchor": "middle", "class": "hm-hour"], text: days[d])
        }
        for h in 0..<24 {
            let y = head + row * Double(h)
            svg.element("text", ["x": fmt(left - 8), "y": fmt(y + row / 2 + 4), "text-anchor": "end", "class": "hm-hour"], text: hour(h))
            for d in 0..<7 {
                let v = Self.row(w.visits, d)[h], x = left + column * Double(d)
                svg.open("g", ["class": "hm h\(shade(v, busiest: busiest))"])
                svg.title(labels.text("weekdayHour.chart.cell", ["day": days[d], "from": hour(h), "to": hour(h + 1),
                                                                 "visits": style.integer(v), "orders": style.integer(Self.row(w.orders, d)[h])]))
                svg.element("rect", ["x": fmt(x + 1), "y": fmt(y + 1), "width": fmt(column - 2), "height": fmt(row - 2), "rx": "2"])
                svg.element("text", ["x": fmt(x + column / 2), "y": fmt(y + row / 2 + 4), "text-anchor": "middle"], text: style.integer(v))
                svg.close("g")
            }
        }
        // the days' totals, under a line: visits, then orders
        let totalsTop = head + row * 24 + 6
        svg.element("path", ["d": "M0,\(fmt(totalsTop - 3)) H\(width)", "class": "hm-rule"])
        for (k, (key, grid)) in [("col.visits", w.visits), ("col.orders", w.orders)].enumerated() {
            let y = totalsTop + row * Double(k)
            svg.element("text", ["x": fmt(left - 8), "y": fmt(y + row / 2 + 4), "text-anchor": "end", "class": "hm-total-label"], text: labels.text(key))
            for d in 0..<7 {
                svg.element("text", ["x": fmt(left + column * (Double(d) + 0.5)), "y": fmt(y + row / 2 + 4), "text-anchor": "middle", "class": "hm-total"],
                            text: style.integer(Self.row(grid, d).reduce(0, +)))
            }
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
