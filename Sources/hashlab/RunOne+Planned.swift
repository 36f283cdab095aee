import ArgumentParser
import Datasets
import Foundation
import Pipeline

extension RunOne {
    /// Worker mode: computes the planned run `json` into the store (see
    /// ``RunExecution``); exits 0 when the run is stored as ok or not applicable (a
    /// final outcome, like ok), 1 when it is stored as failed or cannot be stored or
    /// locked, and ``LocalScheduler/busyStatus`` (75), at once, when another process
    /// holds the run's lock: the scheduler tries the run again later.
    func runPlanned(_ json: String) throws {
        guard let store else { throw ValidationError("--planned needs --store") }
        let stored = try reportingErrors {
            let run = try JSONDecoder().decode(PlannedRun.self, from: Data(json.utf8))
            let execution = RunExecution(store: RunStore(directory: store), catalog: DatasetCatalog(root: options.root))
            do {
                return try execution.execute(run, datasetSHA256: datasetSHA256, force: force, waiting: false) {
                    StandardError.write("hashlab: \($0)\n")
                }
            } catch let RunLockError.held(path) {
                let owner = RunLockOwner(record: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
                StandardError.write("hashlab: busy: \(path) is held by \(owner.map(\.description) ?? "another process")\n")
                throw ExitCode(LocalScheduler.busyStatus)
            }
        }
        try report(stored)
    }

    /// Prints a stored run's reason when not applicable, its error when failed (and
    /// then exits 1).
    func report(_ stored: StoredRun) throws {
        if let reason = stored.reason {
            StandardError.write("hashlab: run \(stored.id) is not applicable: \(reason)\n")
        }
        if let error = stored.error {
            StandardError.write("hashlab: run \(stored.id) failed: \(error)\n")
            throw ExitCode.failure
        }
    }
}
