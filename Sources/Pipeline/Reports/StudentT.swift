import Foundation

/// Critical values of Student's t distribution for two-sided 95% tests.
public enum StudentT {
    /// t_{0.975, ν}: the 0.975 quantile of Student's t with ν degrees of freedom, the
    /// value |t| must exceed for a two-sided test at the 5% level.
    ///
    /// For ν = 1…30 the value comes from a table of the quantiles to 6 decimals
    /// (scipy.stats.t.ppf(0.975, ν); they agree with the usual printed tables, e.g. the
    /// NIST/SEMATECH e-Handbook §1.3.6.7.2: 12.706, 4.303, 3.182, 2.776, …, 2.228 at
    /// ν = 10, …, 2.042 at ν = 30). For ν > 30 it is the Cornish–Fisher expansion about
    /// the normal quantile z = 1.959964 (Abramowitz & Stegun 26.7.5, four terms),
    /// t ≈ z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴, within 3·10⁻⁸ of the exact value for
    /// ν ≥ 30 (2.021075 at 40, 2.000298 at 60, 1.979930 at 120).
    ///
    /// - Precondition: `degreesOfFreedom` ≥ 1.
    public static func quantile975(degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "Student t needs at least one degree of freedom")
        if degreesOfFreedom <= table975.count { return table975[degreesOfFreedom - 1] }
        let z = 1.959963984540054
        let nu = Double(degreesOfFreedom)
        let g1 = (pow(z, 3) + z) / 4
        let g2 = (5 * pow(z, 5) + 16 * pow(z, 3) + 3 * z) / 96
        let g3 = (3 * pow(z, 7) + 19 * pow(z, 5) + 17 * pow(z, 3) - 15 * z) / 384
        let g4 = (79 * pow(z, 9) + 776 * pow(z, 7) + 1482 * pow(z, 5) - 1920 * pow(z, 3) - 945 * z) / 92160
        return z + g1 / nu + g2 / (nu * nu) + g3 / pow(nu, 3) + g4 / pow(nu, 4)
    }

    /// t_{0.975, ν} for ν = 1…30.
    private static let table975: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582,
        2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450,
        2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539,
        2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]
}
