import Linalg

/// One round of LEMON's code learning (§3.2.3): the alternation over P, the chunk's
/// relaxed codes V, the rotation R and the chunk's codes B, with the old items present
/// only through their sums (``LEMONSums``). Items are rows (B, V: n × r; L, U: n × c),
/// so every formula below is the transpose of the paper's; S_ab = (r_s − r_d)·U_aU_bᵀ
/// + r_d·11ᵀ between item sets a and b is never formed. Each step reads the sums of the
/// old items plus the chunk's terms at the current B and V.
struct LEMONRound {
    /// The chunk's labels L and unit label vectors U (n × c).
    let labels: Matrix<Double>
    let embedding: Matrix<Double>
    /// The sums over the items absorbed before the chunk.
    let previous: LEMONSums
    let alpha: Double
    let beta: Double
    let gamma: Double
    /// r_s and r_d.
    let same: Double
    let different: Double

    /// What a round learned about its chunk.
    struct Outcome {
        /// The chunk's codes B (±1) and relaxed codes V (n × r).
        var codes: Matrix<Double>
        var relaxed: Matrix<Double>
        /// R after the last iteration.
        var rotation: Matrix<Double>
        /// The objective (Eq. 8) and the bits of B that changed, per iteration.
        var iterations: [TrainingDiagnostics.Iteration]
        /// The smallest number of singular directions a V-step kept.
        var smallestRank: Int
    }

    var count: Int { labels.rows }

    /// Runs `iterations` passes of the P-, V-, R- and B-steps (the authors' order) from
    /// codes B, relaxed codes V and rotation R.
    func run(codes initialCodes: Matrix<Double>, relaxed initialRelaxed: Matrix<Double>,
             rotation initialRotation: Matrix<Double>, iterations: Int, generator: inout SeededGenerator) throws
        -> Outcome {
        var outcome = Outcome(codes: initialCodes, relaxed: initialRelaxed, rotation: initialRotation, iterations: [],
                              smallestRank: initialCodes.columns)
        for _ in 0..<iterations {
            let projection = try labelProjection(relaxed: outcome.relaxed)
            let target = relaxedTarget(codes: outcome.codes, rotation: outcome.rotation, projection: projection)
            let (relaxed, rank) = try BalancedOrthogonalStep.solve(target, generator: &generator)
            outcome.relaxed = relaxed
            outcome.smallestRank = min(outcome.smallestRank, rank)
            outcome.rotation = try rotation(codes: outcome.codes, relaxed: relaxed)
            let codes = SignMatrix.signs(codeDrive(relaxed: relaxed, rotation: outcome.rotation))
            let changed = SignMatrix.changes(codes, outcome.codes)
            outcome.codes = codes
            outcome.iterations.append(.init(objective: objective(codes: codes, relaxed: relaxed,
                                                                 rotation: outcome.rotation, projection: projection),
                                            bitsChanged: changed))
        }
        return outcome
    }

    /// P-step (Eq. 9), transposed: Pᵀ = (C2 + γI)⁻¹C1ᵀ (r × c), so that L ≈ V·Pᵀ.
    func labelProjection(relaxed: Matrix<Double>) throws -> Matrix<Double> {
        var gram = previous.c2 + relaxed.transposedProduct()
        for index in 0..<gram.rows { gram[index, index] += gamma }
        do {
            return try gram.solvingPositiveDefinite(previous.c1.transposed() + Matrix.product(relaxed, labels,
                                                                                              transposeA: true))
        } catch {
            throw TrainingError.numerical(method: LEMON.name, step: "P-step", reason: "\(error)")
        }
    }

    /// The V-step's target Z (n × r; Eq. 13, transposed):
    ///
    ///     Z = B·R + α·r·S_{new,all}·B_all + β·L·P
    ///       = B·R + α·r·((r_s − r_d)·U·C3ᵀ + r_d·1·C4ᵀ) + β·L·P
    ///
    /// with `projection` = Pᵀ (r × c) and C3, C4 over the old items and the chunk at B.
    func relaxedTarget(codes: Matrix<Double>, rotation: Matrix<Double>, projection: Matrix<Double>) -> Matrix<Double> {
        let c3 = previous.c3 + Matrix.product(codes, embedding, transposeA: true)
        let c4 = zip(previous.c4, codes.columnSums()).map { $0 + $1 }
        let weight = alpha * Double(codes.columns)
        var target = Matrix.product(codes, rotation)
            + Matrix.product(embedding, c3, transposeB: true, alpha: weight * (same - different))
            + Matrix.product(labels, projection, transposeB: true, alpha: beta)
        target.addToEveryRow(c4.map { weight * different * $0 })
        return target
    }

    /// R-step (Eqs. 18–20): R = A·Âᵀ for the SVD C5 = A·Σ·Âᵀ, C5 = BᵀV over the old
    /// items and the chunk; the orthogonal R minimising ‖B − V·Rᵀ‖² over all items.
    func rotation(codes: Matrix<Double>, relaxed: Matrix<Double>) throws -> Matrix<Double> {
        do {
            let (a, _, ât) = try (previous.c5 + Matrix.product(codes, relaxed, transposeA: true))
                .singularValueDecomposition()
            return Matrix.product(a, ât)
        } catch {
            throw TrainingError.numerical(method: LEMON.name, step: "R-step", reason: "\(error)")
        }
    }

    /// The B-step's values (Eq. 22, transposed), whose signs are the codes:
    ///
    ///     V·Rᵀ + α·r·S_{new,all}·V_all = V·Rᵀ + α·r·((r_s − r_d)·U·C6ᵀ + r_d·1·C7ᵀ)
    ///
    /// with C6, C7 over the old items and the chunk at V.
    func codeDrive(relaxed: Matrix<Double>, rotation: Matrix<Double>) -> Matrix<Double> {
        let c6 = previous.c6 + Matrix.product(relaxed, embedding, transposeA: true)
        let c7 = zip(previous.c7, relaxed.columnSums()).map { $0 + $1 }
        let weight = alpha * Double(relaxed.columns)
        var drive = Matrix.product(relaxed, rotation, transposeB: true)
            + Matrix.product(embedding, c6, transposeB: true, alpha: weight * (same - different))
        drive.addToEveryRow(c7.map { weight * different * $0 })
        return drive
    }

    /// The online objective (Eq. 8) at B, V, R and P (`projection` = Pᵀ), from sums:
    ///
    ///     ‖B_all − V_all·Rᵀ‖² + α·(s(new, old) + s(old, new) + s(new, new))
    ///       + β‖L_all − V_all·Pᵀ‖² + βγ‖P‖²,   s(a, b) = ‖V_a·B_bᵀ − r·S_ab‖²
    ///
    /// where s(a, b) = ⟨V_aᵀV_a, B_bᵀB_b⟩ − 2r·((r_s − r_d)⟨C6_a, C3_b⟩ + r_d·C7_a·C4_b)
    /// + r²·((r_s − r_d)²⟨U_aᵀU_a, U_bᵀU_b⟩ + 2(r_s − r_d)r_d·(U_aᵀ1)·(U_bᵀ1) + r_d²·n_a·n_b).
    /// Each step minimises it exactly over its variable (with VᵀV = n·I for every chunk,
    /// the terms quadratic in V or in B are constants), so it does not rise after the
    /// first iteration of a round.
    func objective(codes: Matrix<Double>, relaxed: Matrix<Double>, rotation: Matrix<Double>,
                   projection: Matrix<Double>) -> Double {
        let chunk = LEMONSums(codes: codes, relaxed: relaxed, labels: labels, embedding: embedding)
        let all = previous + chunk
        let bits = Double(codes.columns)
        let shared = same - different
        func similarity(_ a: LEMONSums, _ b: LEMONSums) -> Double {
            Self.inner(a.c2, b.codeGram)
                - 2 * bits * (shared * Self.inner(a.c6, b.c3) + different * Self.dot(a.c7, b.c4))
                + bits * bits * (shared * shared * Self.inner(a.embeddingGram, b.embeddingGram)
                    + 2 * shared * different * Self.dot(a.embeddingSums, b.embeddingSums)
                    + different * different * Double(a.count) * Double(b.count))
        }
        let quantization = Double(all.count) * bits + Self.trace(all.c2) - 2 * Self.inner(all.c5, rotation)
        let reconstruction = all.labelSquaredNorm - 2 * Self.inner(all.c1.transposed(), projection)
            + Self.inner(Matrix.product(all.c2, projection), projection)
        return quantization
            + alpha * (similarity(chunk, previous) + similarity(previous, chunk) + similarity(chunk, chunk))
            + beta * reconstruction + beta * gamma * SignMatrix.squaredNorm(projection)
    }

    /// ⟨A, B⟩ = Σ a_ij·b_ij.
    static func inner(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Double {
        dot(a.elements, b.elements)
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0.0) { $0 + $1.0 * $1.1 }
    }

    static func trace(_ a: Matrix<Double>) -> Double {
        (0..<a.rows).reduce(0.0) { $0 + a[$1, $1] }
    }
}

extension Matrix<Double> {
    /// Adds `values` (one per column) to every row.
    fileprivate mutating func addToEveryRow(_ values: [Double]) {
        for row in 0..<rows {
            for column in 0..<columns { self[row, column] += values[column] }
        }
    }
}
