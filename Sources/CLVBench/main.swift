import CLVModels
import Foundation
import JourneysCore
import Statistics

// `make bench` (and by hand): the time of the BG/NBD and Gamma-Gamma fits on simulated customers.
//
//     CLVBench [--customers N] [--runs R] [--old] [--summaries FILE]
//
// Prints one line per measurement: the median wall time of R fits of each model, the rows the
// likelihood sums over, the search's iterations and whether it converged. With --old, also the
// search the fits used before analytic derivatives: `Minimizer` (Nelder–Mead from (1, 1, 1, 1), up
// to 20,000 iterations with restarts, then finite-difference Newton) on the row-by-row likelihood,
// once, with its number of likelihood evaluations. With --summaries, also R BG/NBD fits on the
// customers of FILE, one `x,recency days,age days` line each (a history's (x, t_x, T)), with the
// likelihood evaluations the search took and its verdict.

var customers = 200_000, runs = 3, old = false
var summariesPath: String? = nil
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--customers": customers = Int(arguments.next() ?? "") ?? customers
    case "--runs": runs = Int(arguments.next() ?? "") ?? runs
    case "--old": old = true
    case "--summaries": summariesPath = arguments.next()
    default:
        FileHandle.standardError.write(Data("CLVBench: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

/// Customers drawn from BG/NBD (r 0.6, alpha 8, a 0.9, b 3) and Gamma-Gamma (p 6, q 4, v 15),
/// watched for 1 to 104 weeks, purchase times cut to days; the tests' `SimulatedShop`, shortened.
func simulate(_ count: Int, seed: UInt64) -> [CustomerSummary] {
    var g = SplitMix64(seed: seed)
    func uniform() -> Double { (Double(g.next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    func gamma(_ shape: Double) -> Double {
        if shape < 1 { return gamma(shape + 1) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let z = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
            let t = 1 + c * z
            guard t > 0 else { continue }
            let v3 = t * t * t
            if log(uniform()) < 0.5 * z * z + d - d * v3 + d * log(v3) { return d * v3 }
        }
    }
    let asOf = 30_000
    return (0..<count).map { _ in
        let days = 7 + Int(g.below(722)), weeks = Double(days) / 7
        let rate = gamma(0.6) / 8
        let x = gamma(0.9), y = gamma(3)
        let drop = x / (x + y), nu = gamma(4) / 15
        var orders = [CLVModels.Order(day: asOf - days, value: (gamma(6) / nu * 100).rounded() / 100)]
        var now = 0.0
        while rate > 0 {
            now += -log(uniform()) / rate
            if now > weeks { break }
            orders.append(CLVModels.Order(day: asOf - days + min(Int(now * 7), days), value: (gamma(6) / nu * 100).rounded() / 100))
            if uniform() < drop { break }
        }
        return CustomerSummary(orders: orders, asOf: asOf)!
    }
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let summaries = simulate(customers, seed: 2026)
var bgRows = WeightedRows(bgnbd: []), ggRows = WeightedRows(gammaGamma: [])
let rowSeconds = median((0..<runs).map { _ in seconds { bgRows = WeightedRows(bgnbd: summaries); ggRows = WeightedRows(gammaGamma: summaries) } })
print(String(format: "grouping both models' rows seconds=%.3f", rowSeconds))
print("customers=\(customers) bgnbd_rows=\(bgRows.count) gammagamma_rows=\(ggRows.count) repeat_customers=\(bgRows.repeatCustomers)")

var bgTimes: [Double] = [], ggTimes: [Double] = []
var bg: Fit<BGNBD.Parameters>?, gg: Fit<GammaGamma.Parameters>?
for _ in 0..<runs {
    bgTimes.append(seconds { bg = BGNBD.fit(summaries) })
    ggTimes.append(seconds { gg = GammaGamma.fit(summaries) })
}
if let bg, let gg {
    print(String(format: "new bgnbd seconds=%.3f iterations=%d converged=%@ r=%.4f alpha=%.4f a=%.4f b=%.4f",
                 median(bgTimes), bg.iterations, "\(bg.converged)", bg.parameters.r, bg.parameters.alpha, bg.parameters.a, bg.parameters.b))
    print(String(format: "new gammagamma seconds=%.3f iterations=%d converged=%@ p=%.4f q=%.4f v=%.4f",
                 median(ggTimes), gg.iterations, "\(gg.converged)", gg.parameters.p, gg.parameters.q, gg.parameters.v))
}

if old {
    var evaluations = 0
    var result: Minimizer.Result?
    let bgSeconds = seconds {
        result = Minimizer().minimize({ u in
            evaluations += 1
            guard u.allSatisfy({ abs($0) <= 30 }) else { return .infinity }
            return -BGNBD.logLikelihood(BGNBD.parameters(fromLog: u), rows: bgRows)
        }, start: [0, 0, 0, 0])
    }
    if let result {
        let p = result.point.map(exp)
        print(String(format: "old bgnbd seconds=%.3f evaluations=%d iterations=%d converged=%@ r=%.4f alpha=%.4f a=%.4f b=%.4f",
                     bgSeconds, evaluations, result.iterations, "\(result.converged)", p[0], p[1], p[2], p[3]))
    }
    evaluations = 0
    let ggSeconds = seconds {
        result = Minimizer().minimize({ u in
            evaluations += 1
            guard u.allSatisfy({ abs($0) <= 30 }) else { return .infinity }
            return -GammaGamma.logLikelihood(GammaGamma.parameters(fromLog: u), rows: ggRows)
        }, start: [0, 0, 0])
    }
    if let result {
        let p = result.point.map(exp)
        print(String(format: "old gammagamma seconds=%.3f evaluations=%d iterations=%d converged=%@ p=%.4f q=%.4f v=%.4f",
                     ggSeconds, evaluations, result.iterations, "\(result.converged)", p[0], p[1], p[2]))
    }
}

if let summariesPath {
    guard let text = try? String(contentsOfFile: summariesPath, encoding: .utf8) else {
        FileHandle.standardError.write(Data("CLVBench: cannot read \(summariesPath)\n".utf8))
        exit(1)
    }
    var list: [CustomerSummary] = []
    for (number, line) in text.split(separator: "\n").enumerated() {
        let fields = line.split(separator: ",").compactMap { Double($0) }
        guard fields.count == 3 else {
            FileHandle.standardError.write(Data("CLVBench: \(summariesPath) line \(number + 1): expected x,recency days,age days\n".utf8))
            exit(1)
        }
        list.append(CustomerSummary(frequency: Int(fields[0]), recency: fields[1] / 7, age: fields[2] / 7))
    }
    let rows = WeightedRows(bgnbd: list)
    var fit: Fit<BGNBD.Parameters>?
    let times = (0..<runs).map { _ in seconds { fit = BGNBD.fit(list) } }
    if let fit {
        print(String(format: "file bgnbd customers=%d rows=%d seconds=%.3f iterations=%d evaluations=%d converged=%@ r=%.6g alpha=%.6g a=%.6g b=%.6g",
                     list.count, rows.count, median(times), fit.iterations, fit.evaluations, "\(fit.converged)",
                     fit.parameters.r, fit.parameters.alpha, fit.parameters.a, fit.parameters.b))
        print("file bgnbd issues: " + fit.issues.map(\.description).joined(separator: "; "))
    }
}
