import Linalg

/// ±1 matrices for the code-learning steps: sign with sign(0) = +1, and the count
/// of entries that differ between two of them.
enum SignMatrix {
    static func signs(_ matrix: Matrix<Float>) -> Matrix<Float> {
        matrix.map { $0 >= 0 ? 1 : -1 }
    }

    static func changes(_ a: Matrix<Float>, _ b: Matrix<Float>) -> Int {
        zip(a.elements, b.elements).reduce(0) { $0 + ($1.0 != $1.1 ? 1 : 0) }
    }

    /// ‖A − B‖²_F, accumulated in Double.
    static func squaredDistance(_ a: Matrix<Float>, _ b: Matrix<Float>) -> Double {
        zip(a.elements, b.elements).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
    }

    /// ‖A‖²_F, accumulated in Double.
    static func squaredNorm(_ a: Matrix<Float>) -> Double {
        a.elements.reduce(0.0) { $0 + Double($1) * Double($1) }
    }
}
