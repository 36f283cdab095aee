import Linalg

/// LEMON's V-step (Eqs. 13–17): for a target Z (n × r, items × bits), the V maximising
///
///     ⟨Z, V⟩ = tr(ZᵀV)   s.t.  VᵀV = n·I,  Vᵀ1 = 0
///
/// (the paper's V ∈ R^{r×n} with VVᵀ = n·I and V1 = 0 is its transpose). With
/// J = I − 11ᵀ/n, ⟨Z, V⟩ = ⟨JZ, V⟩ on the constraint set, and for the thin SVD
/// JZ = A·Σ·Wᵀ the maximiser is V = √n·A·Wᵀ, with the maximum √n·Σσ_i = √n·‖JZ‖_*.
/// The paper's G, Ω and Q = JZᵀGΩ^{-1/2} (Eqs. 16–17) are W, Σ² and A; its Ḡ and Q̄
/// complete them where JZ is rank-deficient (σ_i = 0).
///
/// How it is computed, in Double: no n × n matrix is formed. The Householder reflection
/// H = I − w·wᵀ/(1 + 1/√n), w = 1/√n + e₁, maps 1/√n to −e₁, so rows 2…n of H·Z are the
/// coordinates Y ((n − 1) × r) of JZ in the orthonormal basis He₂ … Heₙ of 1⊥, and an
/// (n − 1) × k matrix M of coordinates is the n × k matrix H·[0; M] again (``lift(_:)``),
/// both at O(n·k). With the SVD Y = A·Σ·Wᵀ, the k directions with
/// σ_i > ``tolerance``·σ₁ are kept; the other r − k columns of A are replaced by Gaussian
/// columns with A's kept columns projected out (twice) and orthonormalised (QR), and
/// V = √n·H·[0; [A_k Ā]]·Wᵀ. Whatever is kept, the columns of H·[0; ·] are orthonormal
/// and orthogonal to 1 to rounding, so VᵀV = n·I and Vᵀ1 = 0 hold to about 1e-14
/// relative, and ⟨Z, V⟩ is within (r − k)·√n·tolerance·σ₁ of the maximum.
///
/// Why not the authors' eigendecomposition of ZJZᵀ with an absolute 1e-6 threshold: at
/// α = 1e4 the label terms make Z's large singular values ~10⁹ times its small ones, so
/// ZJZᵀ's eigenvalues span more than the 16 digits of a Double; its small eigenvalues
/// are rounding noise far above 1e-6, are kept, and Q = JZᵀGΩ^{-1/2} is then not
/// orthonormal: replaying that route on LEMON's third round (4 classes, 32 bits, 100
/// items) gave max |(VᵀV/n − I)_ij| of 0.6–1.2 and |Vᵀ1|/n up to 0.15, and 0.01–0.02
/// with 24 classes where Z has full rank (this step: ~1e-15). The SVD of the centred
/// coordinates gets every singular value to within ~1e-16·σ₁. The relative
/// threshold 1e-12 sits three decades above that noise, so directions that exist only
/// by rounding (when the codes are constant on each label set and Z has rank below r)
/// go to the seeded completion rather than to rounding-dependent singular vectors. The
/// authors' completion Q̄ = orth(randn) is not orthogonal to Q nor to 1; this one is.
enum BalancedOrthogonalStep {
    /// Singular values at most this fraction of the largest count as zero.
    static let tolerance = 1e-12

    /// The maximiser V (n × r) and the number k of singular directions of JZ kept
    /// (k < r: the rest was completed at random with `generator`). Needs n > r.
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` when the SVD fails
    ///   (NaN or infinite targets).
    static func solve(_ target: Matrix<Double>, generator: inout SeededGenerator) throws
        -> (relaxed: Matrix<Double>, rank: Int) {
        let (count, bits) = (target.rows, target.columns)
        precondition(count > bits,
                     "BalancedOrthogonalStep: \(count) items cannot hold \(bits) centred orthogonal columns")
        let (a, singularValues, wt): (Matrix<Double>, [Double], Matrix<Double>)
        do {
            (a, singularValues, wt) = try reduce(target).singularValueDecomposition()
        } catch {
            throw TrainingError.numerical(method: LEMON.name, step: "V-step", reason: "\(error)")
        }
        let largest = singularValues.first ?? 0
        let rank = singularValues.prefix { $0 > tolerance * largest && largest > 0 }.count
        var coordinates = a
        if rank < bits {
            let completion = try orthonormalCompletion(of: a, kept: rank, generator: &generator)
            for row in 0..<(count - 1) {
                for column in rank..<bits { coordinates[row, column] = completion[row, column - rank] }
            }
        }
        return (Matrix.product(lift(coordinates), wt, alpha: Double(count).squareRoot()), rank)
    }

    /// Rows 2…n of H·Z: the coordinates of JZ in the basis He₂ … Heₙ of 1⊥
    /// ((n − 1) × r). With s = 1/√n, row i of H·Z is z_i − s·t for t = wᵀZ/(1 + s).
    static func reduce(_ z: Matrix<Double>) -> Matrix<Double> {
        let (count, columns) = (z.rows, z.columns)
        let s = 1 / Double(count).squareRoot()
        let sums = z.columnSums()
        let shift = (0..<columns).map { s * (s * sums[$0] + z[0, $0]) / (1 + s) }
        var reduced = Matrix<Double>.zeros(rows: count - 1, columns: columns)
        for row in 1..<count {
            for column in 0..<columns { reduced[row - 1, column] = z[row, column] - shift[column] }
        }
        return reduced
    }

    /// H·[0; M] for coordinates M ((n − 1) × k): n × k, its columns in 1⊥. With
    /// q = s·Mᵀ1, row 1 is −qᵀ and row i > 1 is m_{i−1} − s·q/(1 + s).
    static func lift(_ m: Matrix<Double>) -> Matrix<Double> {
        let (count, columns) = (m.rows + 1, m.columns)
        let s = 1 / Double(count).squareRoot()
        let q = m.columnSums().map { s * $0 }
        var lifted = Matrix<Double>.zeros(rows: count, columns: columns)
        for column in 0..<columns { lifted[0, column] = -q[column] }
        for row in 1..<count {
            for column in 0..<columns { lifted[row, column] = m[row - 1, column] - s * q[column] / (1 + s) }
        }
        return lifted
    }

    /// `columns − kept` orthonormal columns orthogonal to the first `kept` columns of
    /// `basis`: Gaussian columns with those directions projected out twice, then
    /// orthonormalised.
    static func orthonormalCompletion(of basis: Matrix<Double>, kept: Int, generator: inout SeededGenerator) throws
        -> Matrix<Double> {
        let (rows, columns) = (basis.rows, basis.columns)
        var fixed = Matrix<Double>.zeros(rows: rows, columns: kept)
        for row in 0..<rows {
            for column in 0..<kept { fixed[row, column] = basis[row, column] }
        }
        var random = generator.normalMatrix(rows: rows, columns: columns - kept, as: Double.self)
        for _ in 0..<2 where kept > 0 {
            random = random - Matrix.product(fixed, Matrix.product(fixed, random, transposeA: true))
        }
        do {
            return try random.orthonormalizedColumns()
        } catch {
            throw TrainingError.numerical(method: LEMON.name, step: "V-step completion", reason: "\(error)")
        }
    }
}
