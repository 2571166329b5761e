import CLVModels
import Foundation
import Testing

@Suite struct HypergeometricTests {
    /// (a, b, c, z, 2F1), the last from SciPy 1.17: `scipy.special.hyp2f1(a, b, c, z)`.
    static let reference: [(a: Double, b: Double, c: Double, z: Double, value: Double)] = [
        (1, 1, 2, 0.5, 1.3862943611198901),               // -log(1 - z) / z = 2 log 2
        (0.5, 0.5, 1.5, 0.25, 1.047197551196598),         // asin(sqrt z) / sqrt z = pi / 3
        (2.5, 3.2, 4.1, 0.47, 3.3612967919637935),
        (0.243, 2.426, 2.219, 0.5, 1.2070970070440417),   // BG/NBD's shape, x = 0
        (10.243, 12.426, 12.219, 0.6, 14097.063734220736), // ... x = 10
        (1.5, 2, 0.5, 0.3, 5.539358600583092),
        (3, 4, 5, 0.95, 739.2807449699088),               // slow: near z = 1
        (-2, 3, 4, 0.5, 0.4),                             // a polynomial
        (0.25, 1.5, -0.5, 0.3, 0.3737181767002516),       // negative c
    ]

    @Test func matchesSciPy() {
        for r in Self.reference {
            let value = Hypergeometric.f21(a: r.a, b: r.b, c: r.c, z: r.z)
            #expect(abs(value / r.value - 1) < 1e-13, "2F1(\(r.a), \(r.b); \(r.c); \(r.z)) = \(value), SciPy says \(r.value)")
        }
    }

    @Test func outsideItsDomainIsNaN() {
        #expect(Hypergeometric.f21(a: 1, b: 1, c: 2, z: 1).isNaN)
        #expect(Hypergeometric.f21(a: 1, b: 1, c: 2, z: -1.5).isNaN)
        #expect(Hypergeometric.f21(a: 1, b: 1, c: -2, z: 0.5).isNaN)
        #expect(Hypergeometric.f21(a: 1, b: 1, c: 0, z: 0.5).isNaN)
        #expect(Hypergeometric.f21(a: 1, b: 1, c: 2, z: 0) == 1)
    }

    /// 2F1(1, 1; 2; z) = -log(1 - z) / z also for negative z, where the terms alternate.
    @Test func alternatingSeries() {
        for z in [-0.9, -0.5, -0.1] {
            #expect(abs(Hypergeometric.f21(a: 1, b: 1, c: 2, z: z) - (-log1p(-z) / z)) < 1e-14)
        }
    }
}
