import Linalg

/// ASZH's Z-step: maximise tr(ZᵀC) over ZᵀZ = N·I, with or without Zᵀ1 = 0
/// (the discrete-graph-hashing Z-step of Liu et al., NIPS 2014, Eq. 13).
///
/// With C̄ = J·C (J = I − 11ᵀ/N, the centring matrix) when balanced, C̄ = C when not:
/// eigen-decompose the K × K matrix C̄ᵀC̄ = V·Σ²·Vᵀ, keep the r directions with
/// σ² > 10⁻¹²·σ²_max, U = C̄·V_r·Σ_r⁻¹ (N × r), complete U with K − r random orthonormal
/// columns Ū orthogonal to U (and to 1 when balanced) and V_r with the remaining
/// eigenvectors V̄, then Z = √N·[U Ū]·[V_r V̄]ᵀ. C comes in Double and the step runs in
/// Double, so ZᵀZ = N·I and Zᵀ1 = 0 hold to about 1e-12 relative; Z is returned as
/// Float. The threshold sits 10⁴ above the eigensolver's absolute error on C̄ᵀC̄
/// (~10⁻¹⁶·σ²_max): a looser one (10⁻⁶ before) sent directions that carry part of
/// tr(ZᵀC) to the random completion, and the objective rose between iterations that
/// changed no bit.
enum OrthogonalZStep {
    /// The maximiser and the rank r of C̄ (r < K means random completion was needed).
    static func solve(_ c: Matrix<Double>, centred: Bool, generator: inout SeededGenerator) throws
        -> (z: Matrix<Float>, rank: Int) {
        let count = c.rows
        let bits = c.columns
        var target = c
        if centred { target = target.centred(by: target.columnMeans()) }
        let (values, vectors): ([Double], Matrix<Double>)
        do {
            (values, vectors) = try target.transposedProduct().symmetricEigendecomposition()
        } catch {
            throw TrainingError.numerical(method: ASZH.name, step: "Z-step", reason: "\(error)")
        }
        let largest = values.last ?? 0
        let kept = (0..<bits).reversed().filter { values[$0] > 1e-12 * largest && largest > 0 }
        let others = (0..<bits).reversed().filter { !kept.contains($0) }
        var left = Matrix<Double>.zeros(rows: count, columns: bits)
        var right = Matrix<Double>.zeros(rows: bits, columns: bits)
        let projected = Matrix.product(target, vectors)                     // C̄·V
        for (slot, index) in kept.enumerated() {
            let scale = 1 / values[index].squareRoot()
            for row in 0..<count { left[row, slot] = projected[row, index] * scale }
            for row in 0..<bits { right[row, slot] = vectors[row, index] }
        }
        if !others.isEmpty {
            let completion = try orthonormalCompletion(of: left, filled: kept.count, centred: centred,
                                                       columns: others.count, generator: &generator)
            for (offset, index) in others.enumerated() {
                let slot = kept.count + offset
                for row in 0..<count { left[row, slot] = completion[row, offset] }
                for row in 0..<bits { right[row, slot] = vectors[row, index] }
            }
        }
        let z = Matrix.product(left, right, transposeB: true) * Double(count).squareRoot()
        return (z.map { Float($0) }, kept.count)
    }

    /// `columns` orthonormal N-vectors orthogonal to the first `filled` columns of
    /// `basis` (and to 1 when `centred`): Gaussian vectors with those directions
    /// projected out twice, then orthonormalised.
    static func orthonormalCompletion(of basis: Matrix<Double>, filled: Int, centred: Bool, columns: Int,
                                      generator: inout SeededGenerator) throws -> Matrix<Double> {
        let count = basis.rows
        var fixed = Matrix<Double>.zeros(rows: count, columns: filled + (centred ? 1 : 0))
        for row in 0..<count {
            for column in 0..<filled { fixed[row, column] = basis[row, column] }
            if centred { fixed[row, filled] = 1 / Double(count).squareRoot() }
        }
        var random = generator.normalMatrix(rows: count, columns: columns, as: Double.self)
        for _ in 0..<2 where fixed.columns > 0 {
            random = random - Matrix.product(fixed, Matrix.product(fixed, random, transposeA: true))
        }
        do {
            return try random.orthonormalizedColumns()
        } catch {
            throw TrainingError.numerical(method: ASZH.name, step: "Z-step completion", reason: "\(error)")
        }
    }
}
