import Foundation
import History
import JourneysCore
import Score

/// `journeys history clv`: the CLV models fitted on the history's orders up to a day, the orders
/// read as the history stage reads them for the report's "Predicted customer value".
package enum HistoryCLV {
    /// Fits both models on every order of `store` on or before `day` (a day in `zone`).
    package static func fit(_ store: HistoryStore, asOf day: CivilDate, zone: TimeZone) throws -> PredictedCLV {
        let end = day.adding(days: 1).startTime(in: zone)
        let orders = try HistoryStage.orders(store, before: end, periodStart: end, notRecordedBy: nil, logOrders: [], zone: zone)
        return PredictedCLV(orders, asOf: day)
    }
}
