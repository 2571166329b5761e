import JourneysCore

/// The knobs of `journeys sample`.
///
/// Exists so that the command line, `make report`, the end-to-end tests and the benchmark all
/// describe the demo shop the same way; equal options always give byte-identical log files.
/// The defaults describe five ISO weeks ending on Sunday 2026-11-22 (2026-W47).
package struct SampleOptions: Sendable {
    /// How many whole weeks (7 days each) to write, ending on `lastDay`.
    package var weeks: Int = 5
    /// Seed of the pseudo-random generator; the only source of variation.
    package var seed: UInt64 = 47
    /// Average human visits per day; every traffic volume scales linearly with it.
    package var dailyVisits: Int = 700
    /// The newest local (Europe/Berlin) day written.
    package var lastDay: (year: Int, month: Int, day: Int) = (2026, 11, 22)

    package init() {}

    /// Throws `SampleError.invalidOptions` when the options cannot describe a log.
    func validate() throws {
        guard weeks >= 1, weeks <= 520 else {
            throw SampleError.invalidOptions("weeks must be between 1 and 520, got \(weeks)")
        }
        guard dailyVisits >= 0, dailyVisits <= 10_000_000 else {
            throw SampleError.invalidOptions("daily visits must be between 0 and 10000000, got \(dailyVisits)")
        }
        guard CivilDate.isValid(year: lastDay.year, month: lastDay.month, day: lastDay.day),
              lastDay.year >= 1971, lastDay.year <= 9999 else {
            throw SampleError.invalidOptions(
                "last day \(lastDay.year)-\(lastDay.month)-\(lastDay.day) is not a valid date")
        }
    }
}
