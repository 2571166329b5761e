import Foundation

extension Significance {
    /// Two Net Promoter Scores, each from its promoters, detractors and answers: NPS = 100 (P - D)
    /// / N has variance 100^2 (p + d - (p - d)^2) / N (promoters score +1, detractors -1, passives
    /// 0), and z = (NPS1 - NPS0) / sqrt(Var1 + Var0); significant when |z| >= 1.96.
    package static func nps(promoters p1: Int, detractors d1: Int, answers n1: Int,
                            against p0: Int, detractors d0: Int, answers n0: Int) -> NoiseTestResult {
        guard n1 > 0, n0 > 0, p1 >= 0, d1 >= 0, p1 + d1 <= n1, p0 >= 0, d0 >= 0, p0 + d0 <= n0 else { return .notTestable }
        func moments(_ p: Int, _ d: Int, _ n: Int) -> (Double, Double) {
            let pp = Double(p) / Double(n), dd = Double(d) / Double(n)
            return (100 * (pp - dd), 10_000 * (pp + dd - (pp - dd) * (pp - dd)) / Double(n))
        }
        let (a, va) = moments(p1, d1, n1), (b, vb) = moments(p0, d0, n0)
        guard va + vb > 0 else { return a == b ? NoiseTestResult(statistic: 0, pValue: 1, isSignificant: false) : .notTestable }
        let z = (a - b) / (va + vb).squareRoot()
        return NoiseTestResult(statistic: z, pValue: erfc(abs(z) / 2.0.squareRoot()), isSignificant: abs(z) >= 1.96)
    }
}
