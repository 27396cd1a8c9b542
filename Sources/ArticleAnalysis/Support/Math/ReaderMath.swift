/// Natural logarithm and exponential for the reader stages, which use no Foundation.
///
/// Accuracy to about 1e-12 is far more than ranking and confidence need.
enum ReaderMath {
    static let ln2 = 0.693_147_180_559_945_3

    /// ln(x) for x > 0 (returns -infinity for 0 and below).
    static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x > 0 ? x : -.infinity }
        // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); ln m by the atanh series of
        // y = (m - 1) / (m + 1), |y| < 0.172, where ten terms reach 1e-16.
        var e = Double(x.exponent)
        var m = x.significand
        if m > 1.414_213_562_373_095 { m /= 2; e += 1 }
        let y = (m - 1) / (m + 1)
        let y2 = y * y
        var term = y, sum = 0.0
        var n = 1.0
        while n < 20 {
            sum += term / n
            term *= y2
            n += 2
        }
        return 2 * sum + e * ln2
    }

    /// e^x (0 below -745, infinity above 709).
    static func exp(_ x: Double) -> Double {
        if x < -745 { return 0 }
        if x > 709 { return .infinity }
        // e^x = 2^k * e^r with |r| <= ln2 / 2.
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0
        for n in 1...13 {  // |r| <= 0.35: the 14th term is below 1e-16
            term *= r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }
}
