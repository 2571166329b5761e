/// One order of one customer: the day it was placed and what it was worth.
package struct Order: Sendable, Equatable {
    /// Days since 1970-01-01 (`CivilDate.dayNumber`); the models only look at which day, never the time.
    package var day: Int
    /// The order's value in the shop's currency; refunds may be negative.
    package var value: Double

    package init(day: Int, value: Double) {
        self.day = day
        self.value = value
    }
}
