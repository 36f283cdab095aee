import ArgumentParser
import Datasets
import FileIO
import Foundation
import Pipeline

/// `hashlab run-one`: one configuration, end to end, printed or written as JSON. Exit
/// status: 0 with a result; 1 on an error; 3 for bad input data; 4 (``ExitCode/notApplicable``) when the
/// method declines the configuration by its definition (e.g. `itq` with more bits than
/// the modality has dimensions): `hashlab: not applicable: <reason>` on standard error,
/// nothing printed or written. In worker mode (`--planned`) see ``runPlanned(_:)``; in
/// Slurm worker mode (`--plan-file`) see ``runFromPlanFile(_:)``.
struct RunOne: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-one",
        abstract: "Train one method on one dataset split, encode, rank and evaluate.",
        discussion: """
            Example: hashlab run-one --dataset mfeat --protocol zero-shot --unseen 8,9 \
            --preprocess zscore --method aszh --bits 32 --seed 1 --param ratio=5/-1 --param lambda=0.01
            Cross-modal (both directions): hashlab run-one --dataset mfeat --protocol cross-modal --queries 200 \
            --modality fou --modality kar --method lemon --bits 32 --seed 1
            Online (a round per chunk): --protocol online --chunk 400 (database codes learned by default)
            Exit status: 0 with a result, 1 on an error, 3 for bad input data, 4 when the method declines the \
            configuration (e.g. itq with more bits than feature dimensions; the reason is printed).
            """)

    @Option(help: "Dataset name (in datasets/data) or path to an .h5 file.")
    var dataset: String?

    @Option(name: .customLong("protocol"), help: "zero-shot, cross-modal or online.")
    var protocolKind: String = "zero-shot"

    @Option(help: "Zero-shot: unseen class names, comma-separated.")
    var unseen: String?

    @Option(help: "Zero-shot: take the unseen classes from this stored split's test_unseen part.")
    var unseenSplit: String?

    @Option(help: "Number of queries (zero-shot: sampled from unseen items; cross-modal: sampled from all).")
    var queries: Int?

    @Option(help: "Zero-shot database: rest (default), unseen, seen or all.")
    var database: String?

    @Option(help: "Cap on training items (zero-shot: sample of the seen items; cross-modal: first of the database).")
    var training: Int?

    @Option(help: "Cross-modal, online: use this stored split's train/test parts instead of sampling.")
    var storedSplit: String?

    @Option(help: "Online: training items per round (default 2000).")
    var chunk: Int?

    @Option(help: "Cross-modal, online: database codes encoded (cross-modal default) or learned (online default).")
    var databaseCodes: String?

    @Option(help: "Feature preprocessing, fitted to the training items: none (default), center, zscore or l2.")
    var preprocess: String?

    @Option(help: "Method name (see hashlab methods).")
    var method: String?

    @Option(help: "Code length in bits.")
    var bits: Int?

    @Option(help: "Seed of the split and of the method.")
    var seed: UInt64 = 0

    @Option(name: .customLong("param"), help: "A method parameter as name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "The modality to hash (default: the dataset's first); twice for a cross-modal pair.")
    var modality: [String] = []

    @Option(name: [.customLong("cutoff"), .customShort("k")], help: "K for mAP@K, P@K, R@K (repeatable).")
    var cutoffs: [Int] = [100, 1000]

    @Option(help: "Write the result as JSON to this file.")
    var out: String?

    @Option(help: "Worker mode (hashlab run): a planned run as JSON, computed into --store.")
    var planned: String?

    @Option(help: "Slurm worker mode: a plan file of hashlab run --executor slurm; computes entry --offset + --index into --store.")
    var planFile: String?

    @Option(help: "Slurm worker mode: the array task's index (SLURM_ARRAY_TASK_ID).")
    var index: Int?

    @Option(help: "Slurm worker mode: the plan entry of the array's task 0.")
    var offset: Int = 0

    @Option(help: "Worker mode: the result store (results/runs).")
    var store: String?

    @Option(name: .customLong("dataset-sha256"),
            help: "Worker mode: the dataset's SHA-256 as the scheduler computed it (else the file is hashed).")
    var datasetSHA256: String?

    @Flag(help: "Worker mode: compute the run even when the store has it.")
    var force = false

    @OptionGroup var options: RootOption

    func run() throws {
        if let planned {
            return try runPlanned(planned)
        }
        if let planFile {
            return try runFromPlanFile(planFile)
        }
        guard let dataset, let method, let bits else {
            throw ValidationError("run-one needs --dataset, --method and --bits (or --planned or --plan-file with --store)")
        }
        try reportingErrors {
            let (retrievalProtocol, preprocessing, databaseCodes) = try protocolSettings()
            guard modality.count <= 2 else {
                throw ValidationError("--modality: give one modality, or two for a cross-modal pair, not \(modality.count)")
            }
            let run = try SingleRun(
                dataset: dataset, retrievalProtocol: retrievalProtocol, preprocessing: preprocessing, method: method,
                parameters: try RunOne.parse(parameters), bits: bits, modalities: modality,
                databaseCodes: databaseCodes, seed: seed, cutoffs: cutoffs)
            let result: RunResult
            do {
                result = try run.execute(catalog: DatasetCatalog(root: options.root)) {
                    StandardError.write("hashlab: \($0)\n")
                }
            } catch {
                guard let reason = SingleRun.notApplicableReason(of: error) else { throw error }
                StandardError.write("hashlab: not applicable: \(reason)\n")
                throw ExitCode.notApplicable
            }
            print(result.summary)
            if let out {
                try writeAtomically(try result.json(), to: out)
            }
        }
    }

    /// The protocol, the feature preprocessing and the database codes the options
    /// describe, built by ``ProtocolSettings`` (a spec's `protocol:` goes through the
    /// same place).
    func protocolSettings() throws
        -> (retrievalProtocol: RetrievalProtocol, preprocessing: FeaturePreprocessing, databaseCodes: DatabaseCodes) {
        let settings = ProtocolSettings(
            kind: protocolKind, unseen: unseen.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            unseenSplit: unseenSplit, queries: queries, database: database, training: training, storedSplit: storedSplit,
            chunk: chunk, databaseCodes: databaseCodes, preprocess: preprocess)
        do {
            return (try settings.retrievalProtocol(), try settings.preprocessing(), try settings.databaseCodeSource())
        } catch let ProtocolError.invalidParameter(name, reason) {
            let option = name == "kind" ? "protocol" : name.replacingOccurrences(of: "_", with: "-")
            throw ValidationError("--\(option): \(reason)")
        }
    }

    static func parse(_ assignments: [String]) throws -> [String: String] {
        var parameters: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ValidationError("--param \"\(assignment)\" is not of the form name=value")
            }
            parameters[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return parameters
    }
}
