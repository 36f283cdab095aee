import Pipeline

/// The records of a cross-modal online sweep, made by hand: methods lsh and itq × bits
/// 16 and 32 × seeds 1 and 2, each run evaluated in two directions (fou→kar, kar→fou)
/// after each of three rounds.
///
/// A run gives one record per direction and round (axes `method`, `bits`, `seed`,
/// `direction`, `round`; metrics `map` and `train_seconds`) and one final record per
/// direction (no `round`; the third round's `map`). Seed 1 scores `center − spread` and
/// seed 2 `center + spread`, so over the two seeds the mean is `center` and the sample
/// standard deviation √(2 · spread² / 1) = √2 · spread, where
///
///     center = 0.30 (lsh) or 0.40 (itq) + 0.10 at 32 bits + 0.05 for kar→fou + 0.02 · round
///     spread = 0.01 · round
///
/// `train_seconds` is round × (1 for lsh, 2 for itq) for seed 1 and 0.5 more for seed 2.
enum CrossModalOnlineRecords {
    static let methods = ["lsh", "itq"]
    static let bits = ["16", "32"]
    static let directions = ["fou→kar", "kar→fou"]
    static let rounds = [1, 2, 3]
    static let seeds = ["1", "2"]

    /// The mean map over seeds of a cell.
    static func center(method: String, bits: String, direction: String, round: Int) -> Double {
        (method == "itq" ? 0.40 : 0.30) + (bits == "32" ? 0.10 : 0) + (direction == "kar→fou" ? 0.05 : 0)
            + 0.02 * Double(round)
    }

    /// Half the difference between the seeds' map in a cell.
    static func spread(round: Int) -> Double {
        0.01 * Double(round)
    }

    static func map(method: String, bits: String, direction: String, round: Int, seed: String) -> Double {
        center(method: method, bits: bits, direction: direction, round: round)
            + (seed == "1" ? -1 : 1) * spread(round: round)
    }

    static func trainSeconds(method: String, round: Int, seed: String) -> Double {
        Double(round) * (method == "itq" ? 2 : 1) + (seed == "1" ? 0 : 0.5)
    }

    /// Every round record, then every final record.
    static var records: [ReportRecord] {
        var rounds: [ReportRecord] = []
        var finals: [ReportRecord] = []
        var run = 0
        for method in methods {
            for bits in bits {
                for seed in seeds {
                    run += 1
                    for direction in directions {
                        let axes = ["method": method, "bits": bits, "seed": seed, "direction": direction]
                        for round in Self.rounds {
                            rounds.append(ReportRecord(
                                axes: axes.merging(["round": "\(round)"]) { $1 },
                                metrics: ["map": map(method: method, bits: bits, direction: direction, round: round,
                                                     seed: seed),
                                          "train_seconds": trainSeconds(method: method, round: round, seed: seed)],
                                run: run))
                        }
                        let final = map(method: method, bits: bits, direction: direction, round: 3, seed: seed)
                        finals.append(ReportRecord(axes: axes, metrics: ["map": final], run: run))
                    }
                }
            }
        }
        return rounds + finals
    }
}
