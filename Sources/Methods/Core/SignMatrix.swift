import Linalg

/// ±1 matrices for the code-learning steps: sign with sign(0) = +1, and the count
/// of entries that differ between two of them.
enum SignMatrix {
    static func signs<Scalar: BLASScalar>(_ matrix: Matrix<Scalar>) -> Matrix<Scalar> {
        matrix.map { $0 >= 0 ? 1 : -1 }
    }

    static func changes<Scalar: BLASScalar>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>) -> Int {
        zip(a.elements, b.elements).reduce(0) { $0 + ($1.0 != $1.1 ? 1 : 0) }
    }

    /// ‖A − B‖²_F, accumulated in Double.
    static func squaredDistance<Scalar: BLASScalar>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>) -> Double {
        zip(a.elements, b.elements).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
    }

    /// ‖A‖²_F, accumulated in Double.
    static func squaredNorm<Scalar: BLASScalar>(_ a: Matrix<Scalar>) -> Double {
        a.elements.reduce(0.0) { $0 + Double($1) * Double($1) }
    }
}
