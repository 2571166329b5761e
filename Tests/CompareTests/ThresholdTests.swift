import Compare
import Testing

@Suite struct ThresholdTests {
    // MARK: Parsing

    @Test func parsesEachKindOfChange() throws {
        let list = try Threshold.list(parsing: "conversion_rate:-10%,nps:-5,cart_abandonment:+5pp")
        #expect(list == [
            Threshold(kpi: "conversion_rate", direction: .fall, amount: 10, unit: .percent),
            Threshold(kpi: "nps", direction: .fall, amount: 5, unit: .absolute),
            Threshold(kpi: "cart_abandonment", direction: .rise, amount: 5, unit: .percentagePoints),
        ])
        #expect(list.map(\.description) == ["conversion_rate:-10%", "nps:-5", "cart_abandonment:+5pp"])
        #expect(try Threshold(parsing: "aov:+2.5%") == Threshold(kpi: "aov", direction: .rise, amount: 2.5, unit: .percent))
        #expect(try Threshold(parsing: "revenue:-0") == Threshold(kpi: "revenue", direction: .fall, amount: 0, unit: .absolute))
    }

    @Test func whitespaceAroundEntriesAndTheColon() throws {
        #expect(try Threshold.list(parsing: "  conversion_rate:-10% ,\tnps : -5 ") == [
            Threshold(kpi: "conversion_rate", direction: .fall, amount: 10, unit: .percent),
            Threshold(kpi: "nps", direction: .fall, amount: 5, unit: .absolute),
        ])
        #expect(try Threshold.list(parsing: "") == [])
        #expect(try Threshold.list(parsing: "  ") == [])
    }

    @Test func malformedEntriesSayWhatWasExpected() {
        func error(_ text: String) -> String {
            do {
                _ = try Threshold.list(parsing: text)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(error("conversion_rate:10%") == "'conversion_rate:10%': expected a sign, + or -, before the change")
        #expect(error("conversion_rate-10%") == "'conversion_rate-10%': expected id:change, such as conversion_rate:-10%")
        #expect(error("conversion_rate:-x%") == "'conversion_rate:-x%': expected a number after the sign, such as 10 or 2.5")
        #expect(error("conversion_rate:-%") == "'conversion_rate:-%': expected a number after the sign, such as 10 or 2.5")
        #expect(error("conversion_rate:-1.2.3%") == "'conversion_rate:-1.2.3%': expected a number after the sign, such as 10 or 2.5")
        #expect(error("aov:+1" + String(repeating: "0", count: 400)).hasSuffix("expected a number after the sign, such as 10 or 2.5"))
        #expect(error("conversion_rate:-.5%") == "'conversion_rate:-.5%': expected a number after the sign, such as 10 or 2.5")
        #expect(error("conversion_rate:-10pct") ==
                "'conversion_rate:-10pct': expected % (relative), pp (percentage points) or nothing (the KPI's own unit) after the number, not 'pct'")
        #expect(error("conversion_rate:-10 %") ==
                "'conversion_rate:-10 %': expected % (relative), pp (percentage points) or nothing (the KPI's own unit) after the number, not ' %'")
        #expect(error("conversion_rate:") == "'conversion_rate:': expected a change after ':', such as -10%, +5pp or -5")
        #expect(error(":-10%") == "':-10%': expected a KPI id, such as conversion_rate, before ':'")
        #expect(error("conversion rate:-10%") ==
                "'conversion rate:-10%': expected a KPI id of letters, digits and _ before ':', not 'conversion rate'")
        // The first bad entry is named, trimmed, however many good ones came before.
        #expect(error("nps:-5, aov:3 ,bounce_rate:+1pp") == "'aov:3': expected a sign, + or -, before the change")
        #expect(error("nps:-5,,aov:-3") == "an empty entry: expected id:change, such as conversion_rate:-10%")
        #expect(error("nps:-5,") == "an empty entry: expected id:change, such as conversion_rate:-10%")
    }

    // MARK: Evaluation

    @Test func relativeChangesInEachDirection() throws {
        let fall = Threshold(kpi: "conversion_rate", direction: .fall, amount: 10, unit: .percent)
        #expect(try fall.isCrossed(base: 0.05, new: 0.044, isRate: true, isLargerThanNoise: true))   // -12%
        #expect(try !fall.isCrossed(base: 0.05, new: 0.046, isRate: true, isLargerThanNoise: true))  // -8%
        #expect(try !fall.isCrossed(base: 0.05, new: 0.06, isRate: true, isLargerThanNoise: true))   // a rise
        let rise = Threshold(kpi: "visits", direction: .rise, amount: 20, unit: .percent)
        #expect(try rise.isCrossed(base: 1000, new: 1250, isRate: false, isLargerThanNoise: true))
        #expect(try !rise.isCrossed(base: 1000, new: 1150, isRate: false, isLargerThanNoise: true))
        // Relative to |base|: from -200 to -250 is a fall of 25%.
        let profitFall = Threshold(kpi: "profit", direction: .fall, amount: 25, unit: .percent)
        #expect(try profitFall.isCrossed(base: -200, new: -250, isRate: false, isLargerThanNoise: true))
    }

    @Test func exactlyTheAmountCrosses() throws {
        // (0.027 - 0.03) / 0.03 is -0.09999999999999998 in binary: still a fall of 10%.
        let fall = Threshold(kpi: "conversion_rate", direction: .fall, amount: 10, unit: .percent)
        #expect(try fall.isCrossed(base: 0.03, new: 0.027, isRate: true, isLargerThanNoise: true))
        #expect(try fall.isCrossed(base: 200, new: 180, isRate: false, isLargerThanNoise: true))
        #expect(try !fall.isCrossed(base: 200, new: 180.001, isRate: false, isLargerThanNoise: true))
        // (0.12 - 0.07) * 100 is 4.999999999999999: still a rise of 5 pp.
        let rise = Threshold(kpi: "cart_abandonment", direction: .rise, amount: 5, unit: .percentagePoints)
        #expect(try rise.isCrossed(base: 0.07, new: 0.12, isRate: true, isLargerThanNoise: true))
        #expect(try !rise.isCrossed(base: 0.07, new: 0.1199, isRate: true, isLargerThanNoise: true))
        let nps = Threshold(kpi: "nps", direction: .fall, amount: 5, unit: .absolute)
        #expect(try nps.isCrossed(base: 42.5, new: 37.5, isRate: false, isLargerThanNoise: true))
        #expect(try !nps.isCrossed(base: 42.5, new: 37.6, isRate: false, isLargerThanNoise: true))
    }

    @Test func percentagePointsAndAbsoluteChanges() throws {
        let rise = Threshold(kpi: "cart_abandonment", direction: .rise, amount: 5, unit: .percentagePoints)
        #expect(try rise.isCrossed(base: 0.60, new: 0.66, isRate: true, isLargerThanNoise: true))
        #expect(try !rise.isCrossed(base: 0.60, new: 0.64, isRate: true, isLargerThanNoise: true))
        #expect(try !rise.isCrossed(base: 0.60, new: 0.50, isRate: true, isLargerThanNoise: true))
        let fall = Threshold(kpi: "bounce_rate", direction: .fall, amount: 2, unit: .percentagePoints)
        #expect(try fall.isCrossed(base: 0.40, new: 0.37, isRate: true, isLargerThanNoise: true))
        #expect(try !fall.isCrossed(base: 0.40, new: 0.39, isRate: true, isLargerThanNoise: true))
        let revenue = Threshold(kpi: "revenue", direction: .rise, amount: 500, unit: .absolute)
        #expect(try revenue.isCrossed(base: 10_000, new: 10_600, isRate: false, isLargerThanNoise: true))
        #expect(try !revenue.isCrossed(base: 10_000, new: 10_400, isRate: false, isLargerThanNoise: true))
    }

    @Test func noiseNeverFails() throws {
        for t in try Threshold.list(parsing: "conversion_rate:-10%,conversion_rate:-1pp,conversion_rate:-0.001") {
            #expect(try !t.isCrossed(base: 0.05, new: 0.01, isRate: true, isLargerThanNoise: false))
            #expect(try t.isCrossed(base: 0.05, new: 0.01, isRate: true, isLargerThanNoise: true))
        }
    }

    @Test func aRelativeChangeFromZeroNeverCrosses() throws {
        let rise = Threshold(kpi: "orders", direction: .rise, amount: 10, unit: .percent)
        #expect(try !rise.isCrossed(base: 0, new: 50, isRate: false, isLargerThanNoise: true))
        #expect(try !rise.isCrossed(base: .nan, new: 50, isRate: false, isLargerThanNoise: true))
        // In the KPI's own unit the same change does.
        #expect(try Threshold(kpi: "orders", direction: .rise, amount: 10, unit: .absolute)
            .isCrossed(base: 0, new: 50, isRate: false, isLargerThanNoise: true))
    }

    @Test func percentagePointsOnANonRateIsAnError() {
        let t = Threshold(kpi: "nps", direction: .fall, amount: 5, unit: .percentagePoints)
        #expect(throws: ThresholdError(entry: "nps:-5pp", reason:
            "pp (percentage points) is only for rates, and nps is not one: write nps:-5% for a relative change or nps:-5 in its own unit")) {
            try t.isCrossed(base: 40, new: 30, isRate: false, isLargerThanNoise: false)
        }
    }

    // MARK: Validation

    @Test func validationNamesTheFirstEntryItCannotCheck() throws {
        let known: Set = ["conversion_rate", "nps", "cart_abandonment", "aov"]
        let rates: Set = ["conversion_rate", "cart_abandonment"]
        let good = try Threshold.list(parsing: "conversion_rate:-10%,nps:-5,cart_abandonment:+5pp,aov:-3%")
        #expect(Threshold.firstError(in: good, known: known, rates: rates) == nil)
        #expect(Threshold.firstError(in: [], known: known, rates: rates) == nil)

        let unknown = try Threshold.list(parsing: "nps:-5,conversoin_rate:-10%,aov:+1pp")
        #expect(Threshold.firstError(in: unknown, known: known, rates: rates)?.description ==
                "'conversoin_rate:-10%': no KPI 'conversoin_rate'; the KPIs are aov, cart_abandonment, conversion_rate, nps")

        let notARate = try Threshold.list(parsing: "nps:-5,aov:+1.5pp,conversoin_rate:-10%")
        #expect(Threshold.firstError(in: notARate, known: known, rates: rates)?.description ==
                "'aov:+1.5pp': pp (percentage points) is only for rates, and aov is not one: write aov:+1.5% for a relative change or aov:+1.5 in its own unit")
    }
}
