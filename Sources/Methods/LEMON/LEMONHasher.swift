import HashCore
import Linalg

/// LEMON's online state: the sums over the items absorbed so far (C1…C7 and the
/// objective's, ``LEMONSums``), the rotation R, the codes of every absorbed item in
/// arrival order (frozen once learned) and per modality the hash function with its sums
/// H_m and F_m (``LEMONHashFunction``). Its size depends on the dimensions and the bits,
/// and grows with the items only by their packed codes.
public struct LEMONHasher: OnlineHasher {
    /// The method's settings.
    public let method: LEMON
    /// Code length r.
    public let bits: Int
    /// The modalities of the first chunk, in its order; every chunk must have them.
    public private(set) var modalities: [String] = []
    /// r_s and r_d, resolved on the first chunk (only `zero-mean` depends on it).
    private(set) var similarity: (same: Double, different: Double)?
    /// The sums over every absorbed item.
    private(set) var sums: LEMONSums?
    /// R after the latest round; the next round starts from it.
    private(set) var rotation: Matrix<Double>?
    /// The hash function of each modality.
    private(set) var hashFunctions: [String: LEMONHashFunction] = [:]
    /// The packed codes of the absorbed items (``BinaryCodes`` layout), appended per round.
    private var codeWords: [UInt64] = []
    private var codeCount = 0
    /// The number of chunks absorbed.
    public private(set) var rounds = 0
    /// The latest round's: objective (Eq. 8) and changed bits per iteration, phase
    /// seconds (`setup`, `iterations`, `hash functions`) and notes (`round`, `items`,
    /// `ratio`, `v_rank`: the fewest singular directions of ZJ a V-step kept).
    public private(set) var diagnostics = TrainingDiagnostics()

    init(method: LEMON, bits: Int) {
        self.method = method
        self.bits = bits
    }

    /// The learned codes of every absorbed item, in arrival order; nil before the first
    /// chunk.
    public var trainingCodes: BinaryCodes? {
        guard codeCount > 0 else { return nil }
        do {
            return try BinaryCodes(count: codeCount, bitCount: bits, words: codeWords)
        } catch {
            preconditionFailure("LEMON: codes packed by BinaryCodes no longer unpack: \(error)")
        }
    }

    /// sgn(x·W_mᵀ) for the rows x of `features`, in Double.
    ///
    /// - Throws: ``TrainingError/unknownModality(_:known:)``.
    public func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes {
        guard let hashFunction = hashFunctions[modality] else {
            throw TrainingError.unknownModality(modality, known: modalities)
        }
        return try hashFunction.encode(features, modality: modality)
    }

    public mutating func absorb(_ chunk: TrainingSet, generator: inout SeededGenerator) throws {
        _ = try absorbRound(chunk, generator: &generator)
    }

    /// Absorbs `chunk` and returns what its round learned about it (its B and V).
    ///
    /// - Throws: ``TrainingError/tooFewItems(method:found:needed:)`` for a chunk of at
    ///   most r items (V1 = 0 and VVᵀ = n·I need n > r);
    ///   ``TrainingError/unknownModality(_:known:)`` for a chunk without a modality of
    ///   the first; ``TrainingError/numerical(method:step:reason:)``.
    mutating func absorbRound(_ chunk: TrainingSet, generator: inout SeededGenerator) throws -> LEMONRound.Outcome {
        var times = PhaseTimes()
        guard chunk.count > bits else {
            throw TrainingError.tooFewItems(method: LEMON.name, found: chunk.count, needed: bits + 1)
        }
        let modalities = self.modalities.isEmpty ? chunk.modalities : self.modalities
        let features = try modalities.map { try chunk.features(of: $0) }
        let labels = chunk.labels.map(Double.init)
        let embedding = UnitLabelVectors.of(labels)
        let previous = sums ?? LEMONSums(bits: bits, classes: labels.columns)
        precondition(previous.c1.rows == labels.columns,
                     "LEMON: the chunk has \(labels.columns) classes, the first had \(previous.c1.rows)")
        let (same, different) = similarity ?? method.ratio.resolved(
            similarPairFraction: UnitLabelVectors.meanInnerProduct(embedding))
        let codes = SignMatrix.signs(generator.normalMatrix(rows: chunk.count, columns: bits, as: Double.self))
        let relaxed = generator.normalMatrix(rows: chunk.count, columns: bits, as: Double.self)
        let start = rotation ?? generator.orthonormalMatrix(rows: bits, columns: bits, as: Double.self)
        times.lap("setup")

        let round = LEMONRound(labels: labels, embedding: embedding, previous: previous, alpha: method.alpha,
                               beta: method.beta, gamma: method.gamma, same: same, different: different)
        let outcome = try round.run(codes: codes, relaxed: relaxed, rotation: start, iterations: method.iterations,
                                    generator: &generator)
        let packed = try BinaryCodes(signsOf: outcome.codes)
        times.lap("iterations")

        var hashFunctions = self.hashFunctions
        for (modality, x) in zip(modalities, features) {
            hashFunctions[modality] = try LEMONHashFunction(x, codes: outcome.codes, after: hashFunctions[modality],
                                                            ridge: method.xi, modality: modality)
        }
        times.lap("hash functions")

        self.modalities = modalities
        similarity = (same, different)
        sums = previous + LEMONSums(codes: outcome.codes, relaxed: outcome.relaxed, labels: labels,
                                    embedding: embedding)
        rotation = outcome.rotation
        codeWords.append(contentsOf: packed.words)
        codeCount += packed.count
        self.hashFunctions = hashFunctions
        rounds += 1
        diagnostics = TrainingDiagnostics(iterations: outcome.iterations, phaseSeconds: times.seconds, notes: [
            "round": "\(rounds)",
            "items": "\(codeCount)",
            "ratio": SimilarityRatio.values(same: same, different: different).description,
            "v_rank": "\(outcome.smallestRank)",
        ])
        return outcome
    }
}
