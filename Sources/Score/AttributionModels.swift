import Sections
import Foundation
import JourneysCore
import ReportModel

/// Heuristic attribution: how much credit each channel of a converting journey gets.
package enum AttributionModels {
    /// One visit of a converting path: its channel and how long before the conversion it started.
    package struct Touch: Sendable, Equatable {
        package var channel: Channel
        package var secondsBeforeConversion: Int64
        package init(channel: Channel, secondsBeforeConversion: Int64) {
            self.channel = channel; self.secondsBeforeConversion = secondsBeforeConversion
        }
    }

    /// Credit per channel for one conversion (summing to 1) under each heuristic model.
    package static func credit(_ path: [Touch], halfLife: Int64) -> [Channel: Attribution] {
        var out: [Channel: Attribution] = [:]
        guard let first = path.first, let last = path.last else { return out }
        out[first.channel, default: Attribution()].firstTouch += 1
        out[last.channel, default: Attribution()].lastTouch += 1
        let nonDirect = path.last { $0.channel != .direct } ?? last
        out[nonDirect.channel, default: Attribution()].lastNonDirect += 1
        let n = Double(path.count)
        for t in path { out[t.channel, default: Attribution()].linear += 1 / n }
        let weights = path.map { pow(0.5, Double($0.secondsBeforeConversion) / Double(max(halfLife, 1))) }
        let total = weights.reduce(0, +)
        for (t, w) in zip(path, weights) { out[t.channel, default: Attribution()].timeDecay += w / total }
        for (k, t) in path.enumerated() {
            let share: Double
            switch path.count {
            case 1: share = 1
            case 2: share = 0.5
            default: share = (k == 0 || k == path.count - 1) ? 0.4 : 0.2 / Double(path.count - 2)
            }
            out[t.channel, default: Attribution()].positionBased += share
        }
        return out
    }
}
