import Foundation
import Linalg

/// The precisions the RBF kernel map computes in: a BLAS scalar with its exponential.
/// Encoding uses `Float`; methods whose training amplifies rounding (KSH's greedy bits,
/// CNNH's coordinate descent) map their training items in `Double`.
public protocol KernelScalar: BLASScalar {
    /// e^value.
    static func exponential(_ value: Self) -> Self
}

extension Float: KernelScalar {
    public static func exponential(_ value: Float) -> Float { expf(value) }
}

extension Double: KernelScalar {
    public static func exponential(_ value: Double) -> Double { exp(value) }
}
