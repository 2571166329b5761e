import CLVModels
import Foundation
import Testing

/// Our fits against PyPI `lifetimes` 0.11.3 (BetaGeoFitter, GammaGammaFitter) on the same 20,000
/// simulated customers: Fixtures/simulated_clv_summaries.csv and simulated_clv_lifetimes.csv, both
/// written by scripts/clv_reference.py (see Fixtures/README.md).
@Suite struct LifetimesReferenceTests {
    struct Reference {
        var summaries: [CustomerSummary] = []
        var values: [String: Double] = [:]
    }

    static let reference: Reference = {
        var result = Reference()
        let summaries = try! String(contentsOf: CDNOW.folder.appendingPathComponent("simulated_clv_summaries.csv"), encoding: .utf8)
        for line in summaries.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map { Int($0)! }
            let (x, txDays, ageDays, cents, count) = (f[0], f[1], f[2], f[3], f[4])
            let summary = CustomerSummary(frequency: x, recency: Double(txDays) / 7, age: Double(ageDays) / 7,
                                          monetaryValue: x > 0 ? Double(cents) / 100 / Double(x) : nil)
            result.summaries += Array(repeating: summary, count: count)
        }
        let parameters = try! String(contentsOf: CDNOW.folder.appendingPathComponent("simulated_clv_lifetimes.csv"), encoding: .utf8)
        for line in parameters.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            result.values["\(f[0]).\(f[1])"] = Double(f[2])!
        }
        return result
    }()

    @Test func theFixtureIsWhatTheScriptWrote() {
        #expect(Self.reference.summaries.count == 20_000)
        #expect(Self.reference.values["simulation.customers"] == 20_000)
    }

    /// lifetimes stops where BFGS's gradient of the MEAN log-likelihood is below 1e-9, which
    /// leaves each log-parameter within about 1e-9 times the inverse Hessian's diagonal (at most
    /// about 150 here) of the maximum: 1e-6 relative. Our search stops far closer. So each
    /// parameter agrees within 1e-5, ten times that, and our log-likelihood is at least as high as
    /// the one at lifetimes' parameters.
    @Test func bgnbdAgreesWithLifetimes() {
        let fit = BGNBD.fit(Self.reference.summaries)
        #expect(fit.converged && fit.isStable, "\(fit.issues)")
        let v = Self.reference.values
        let ours = fit.parameters
        for (name, value) in [("r", ours.r), ("alpha", ours.alpha), ("a", ours.a), ("b", ours.b)] {
            let theirs = v["bgnbd.\(name)"]!
            #expect(abs(value / theirs - 1) < 1e-5, "\(name): ours \(value), lifetimes \(theirs)")
        }
        let theirs = BGNBD.Parameters(r: v["bgnbd.r"]!, alpha: v["bgnbd.alpha"]!, a: v["bgnbd.a"]!, b: v["bgnbd.b"]!)
        #expect(fit.logLikelihood >= BGNBD.logLikelihood(theirs, customers: Self.reference.summaries) - 1e-9 * abs(fit.logLikelihood))
    }

    @Test func gammaGammaAgreesWithLifetimes() {
        let fit = GammaGamma.fit(Self.reference.summaries)
        #expect(fit.converged && fit.isStable, "\(fit.issues)")
        let v = Self.reference.values
        let ours = fit.parameters
        for (name, value) in [("p", ours.p), ("q", ours.q), ("v", ours.v)] {
            let theirs = v["gammaGamma.\(name)"]!
            #expect(abs(value / theirs - 1) < 1e-5, "\(name): ours \(value), lifetimes \(theirs)")
        }
        let theirs = GammaGamma.Parameters(p: v["gammaGamma.p"]!, q: v["gammaGamma.q"]!, v: v["gammaGamma.v"]!)
        #expect(fit.logLikelihood >= GammaGamma.logLikelihood(theirs, customers: Self.reference.summaries) - 1e-9 * abs(fit.logLikelihood))
    }
}
