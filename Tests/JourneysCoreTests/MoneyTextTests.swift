import JourneysCore
import Testing

/// Order values as shops write them, and inputs that must never trap.
@Suite struct MoneyTextTests {
    func cents(_ s: String) -> Int64? {
        if case .cents(let c) = MoneyText.read(s) { return c }
        return nil
    }

    @Test func readsTheWaysShopsWriteMoney() {
        let cases: [(String, Int64)] = [
            ("89.90", 8990), ("89,90", 8990), ("1,234.56", 123_456), ("1.234,56", 123_456), ("1 234,56", 123_456),
            ("1\u{A0}234,56", 123_456), ("1\u{202F}234,56", 123_456), ("1'234.56", 123_456),
            ("+3", 300), ("12.5EUR", 1250), ("EUR 12.50", 1250), ("eur12.50", 1250), ("€12,50", 1250), ("12.50 €", 1250),
            ("$5", 500), ("5 $", 500), ("£7.5", 750), ("¥100", 10_000), ("  42  ", 4200), (".5", 50), ("0", 0),
            ("1,234,567", 123_456_700), ("1.234.567,8", 123_456_780), ("12 345 678.9", 1_234_567_890),
            // rounding: half away from zero on the third decimal, the rest ignored
            ("19.999", 2000), ("0.005", 1), ("0.004999", 0), ("2.675", 268), ("0,005", 1),
            // a single comma: thousands when exactly three digits follow a first group of 1-3
            ("1,234", 123_400), ("12,345", 1_234_500), ("1,2345", 123), ("0,123", 12), ("1234,567", 123_457),
            ("1,23", 123), ("1,5", 150),
            // a single point is always a decimal point
            ("1.234", 123),
            ("9999999999999.99", 999_999_999_999_999), ("92233720368547758.07", .max),
        ]
        for (text, expected) in cases {
            #expect(MoneyText.read(text) == .cents(expected), "\(text)")
        }
    }

    /// Given the shop's currency, another currency's code or symbol is unreadable; so are three
    /// letters that are no currency (`NaN5`, `abc12`).
    @Test func onlyTheShopsCurrencyIsRead() {
        for (text, cents) in [("12,50 EUR", Int64(1250)), ("eur 12.50", 1250), ("€12,50", 1250), ("12.50€", 1250), ("12.50", 1250)] {
            #expect(MoneyText.read(text, currency: "EUR") == .cents(cents), "\(text)")
        }
        for text in ["15000JPY", "¥15000", "USD 99.99", "$5", "£3", "abc12", "NaN5", "Inf12", "XXX1,234"] {
            #expect(MoneyText.read(text, currency: "EUR") == .unreadable, "\(text)")
        }
        #expect(MoneyText.read("$5", currency: "USD") == .cents(500))
        #expect(MoneyText.read("¥15000", currency: "JPY") == .cents(1_500_000))
        #expect(MoneyText.read("CHF 12.50", currency: "CHF") == .cents(1250))
        #expect(MoneyText.read("€12.50", currency: "CHF") == .unreadable)
        #expect(MoneyText.read("15000JPY") == .cents(1_500_000))
    }

    @Test func refusesWhatIsNotAnAmount() {
        for text in ["-3", "-0.5", "€-5", "1e2", "1E2", "NaN", "nan", "Infinity", "inf", "abc", "1.2.3", "12 34", "1,2,3",
                     "1.234,567,89", "1,234.567.8", "12.", "12,", ".", ",", "EUR", "€", "EUR 12 USD", "12..5", "1 2", "0x10",
                     "12.5.EUR", "1,,234", "--3", "+", "+-3", "12EURO", "1 234.567 8"] {
            #expect(MoneyText.read(text) == .unreadable, "\(text)")
        }
        for text in ["", "-", "  ", "\u{A0}"] {
            #expect(MoneyText.read(text) == .missing, "'\(text)'")
        }
    }

    @Test func tooLargeIsNeverAnAmount() {
        #expect(MoneyText.read("92233720368547758.08") == .tooLarge)
        #expect(MoneyText.read("9223372036854775807") == .tooLarge)
        #expect(MoneyText.read(String(repeating: "9", count: 100_000)) == .tooLarge)
        #expect(MoneyText.read(String(repeating: "9", count: 100_000) + ".5") == .tooLarge)
        #expect(MoneyText.read("1" + String(repeating: ",000", count: 20_000)) == .tooLarge)
        // a long run of zeros is still a small number; long decimals are rounded
        #expect(MoneyText.read(String(repeating: "0", count: 50_000) + "12.5") == .cents(1250))
        #expect(MoneyText.read("1." + String(repeating: "9", count: 50_000)) == .cents(200))
        #expect(MoneyText.read(String(repeating: "1,", count: 5_000) + "5") == .unreadable)
    }

    /// Whole amounts written in every style read back to their cents.
    @Test func everyStyleReadsBackRandomAmounts() {
        var rng = SplitMix64(seed: 0x5EED)
        for _ in 0..<20_000 {
            let units = Int64(rng.below(1_000_000_000_000))
            let hundredths = Int64(rng.below(100))
            let digits = String(units)
            func grouped(_ sep: String) -> String {
                var out = ""
                for (i, c) in digits.enumerated() {
                    if i > 0 && (digits.count - i) % 3 == 0 { out += sep }
                    out.append(c)
                }
                return out
            }
            let frac = (hundredths < 10 ? "0" : "") + String(hundredths)
            let styles = [digits + "." + frac, digits + "," + frac, grouped(",") + "." + frac, grouped(".") + "," + frac,
                          grouped(" ") + "," + frac, grouped("\u{A0}") + "." + frac, "EUR " + grouped(",") + "." + frac,
                          grouped(".") + "," + frac + " €", "$" + grouped(",") + "." + frac, "+" + digits + "." + frac]
            let style = styles[Int(rng.below(UInt64(styles.count)))]
            #expect(MoneyText.read(style) == .cents(units * 100 + hundredths), "\(style)")
        }
    }

    /// Any number of decimals rounds half away from zero, checked against integer arithmetic on
    /// the whole digit string.
    @Test func roundsHalfAwayFromZero() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let decimals = 3 + Int(rng.below(4))
            let scale = (0..<decimals).reduce(Int64(1)) { p, _ in p * 10 }
            let whole = Int64(rng.below(10_000_000))
            let fraction = Int64(rng.below(UInt64(scale)))
            var fractionText = String(fraction)
            fractionText = String(repeating: "0", count: decimals - fractionText.count) + fractionText
            let exact = whole * scale + fraction  // the amount in 1/scale units
            let expected = (exact * 100 * 2 + scale) / (2 * scale)  // half up, non-negative
            #expect(MoneyText.read("\(whole).\(fractionText)") == .cents(expected), "\(whole).\(fractionText)")
        }
    }

    /// Random bytes and random strings of money's characters never trap, and what reads is never negative.
    @Test func randomInputNeverTraps() {
        var rng = SplitMix64(seed: 99)
        let alphabet: [String] = ["0", "1", "5", "9", ".", ",", " ", "'", "+", "-", "e", "E", "€", "$", "EUR", "\u{A0}", "N", "a", "x", "%"]
        for round in 0..<30_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(rng.below(40))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                let text = (0..<Int(rng.below(30))).map { _ in alphabet[Int(rng.below(UInt64(alphabet.count)))] }.joined()
                bytes = Array(text.utf8)
            }
            let reading = bytes.withUnsafeBytes { MoneyText.read($0) }
            if case .cents(let c) = reading { #expect(c >= 0) }
        }
    }
}
