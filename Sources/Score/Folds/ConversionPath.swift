import JourneysCore
import Sections

/// The journey to one conversion: the person's visits within the lookback window, up to and
/// including the converting one. The heuristic models and the Markov chain read the same path.
enum ConversionPath {
    static func touches(_ person: PersonVisits, upTo k: Int, lookback: Int64) -> [AttributionModels.Touch] {
        let start = person.visits[k].start
        var touches: [AttributionModels.Touch] = []
        for j in 0...k where person.visits[j].start >= start - lookback {
            touches.append(AttributionModels.Touch(channel: person.mapped[j].channel, secondsBeforeConversion: start - person.visits[j].start))
        }
        return touches
    }
}
