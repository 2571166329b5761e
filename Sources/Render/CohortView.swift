import ReportModel
import Sections

/// The cohort table as a heatmap: one row per first-purchase month, one column per month since,
/// each cell shaded by the share still buying (ten steps) and printing it, so the colour is never
/// the only carrier of the number.
enum CohortView {
    static func make(_ table: CohortTable, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        return [
            "months": (0..<table.monthsSince).map { ["month": "+\($0)"] },
            "rows": table.rows.map { row -> [String: Any] in
                ["cohort": labels.period(row.cohort), "customers": style.integer(row.customers),
                 "cells": row.shares.map { share -> [String: Any] in
                     guard let share else { return ["text": "", "shade": "none"] }
                     return ["text": style.percent(share, places: 0), "shade": "h\(min(9, Int(share * 10)))"]
                 }]
            },
        ]
    }
}
