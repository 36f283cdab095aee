import Datasets
import Foundation

/// Computes one planned run into the store — what a `hashlab run-one --planned` worker
/// does: resolve the dataset and its hash, take the run's lock, remove the temporary
/// files a killed write of the run left, and unless the run is already done (another
/// process may have finished it while this one waited), execute it and write its file:
/// `ok` with the result, `not_applicable` with the reason when the method declines the
/// configuration (``SingleRun/notApplicableReason(of:)``), or `failed` with any other
/// error. Every file carries the provenance; it is written atomically once the run has
/// ended, under the lock, so a file once stored is rewritten only by `force`.
public struct RunExecution {
    public let store: RunStore
    public let catalog: DatasetCatalog
    public let fingerprint: DatasetFingerprint

    public init(store: RunStore, catalog: DatasetCatalog, fingerprint: DatasetFingerprint = DatasetFingerprint()) {
        self.store = store
        self.catalog = catalog
        self.fingerprint = fingerprint
    }

    /// The run's id (its dataset resolved through the catalog and hashed).
    ///
    /// - Throws: ``CatalogError`` when the dataset is not present, or
    ///   ``DatasetSourceError`` when it cannot be read.
    public func id(of run: PlannedRun) throws -> (id: String, datasetSHA256: String) {
        let sha = try fingerprint.sha256(of: try catalog.resolve(run.configuration.dataset))
        return (RunID.make(configuration: run.configuration, cutoffs: run.cutoffs, datasetSHA256: sha), sha)
    }

    /// Executes `run` unless done (or when `force`); returns its stored file.
    /// `datasetSHA256`, when given (by the scheduler, which hashed the dataset to plan),
    /// is taken as the dataset's hash instead of reading the file again.
    ///
    /// When not `waiting` and another process holds the run's lock, it throws at once
    /// instead of waiting (the local scheduler's workers, which the scheduler retries
    /// later). It logs `waiting for <lock>, held by <owner>` when it waits for the lock,
    /// `run <id> is already done` when it finds the run done, and
    /// `run <id> stored (<status>) by process <pid>, child of <parent pid>` once it has
    /// written the run's file.
    ///
    /// - Throws: ``RunLockError/held(path:)`` when not `waiting` and the lock is held;
    ///   otherwise only when the store cannot be written or locked
    ///   (``RunLockError/cannotOpen(path:reason:)``, the write's error), or the
    ///   dataset cannot be hashed; a failing or not applicable run is recorded, not thrown.
    @discardableResult
    public func execute(_ run: PlannedRun, datasetSHA256: String? = nil, force: Bool = false, waiting: Bool = true,
                        log: (String) -> Void) throws -> StoredRun {
        let (id, sha) = try datasetSHA256.map {
            (RunID.make(configuration: run.configuration, cutoffs: run.cutoffs, datasetSHA256: $0), $0)
        } ?? self.id(of: run)
        let lock: RunLock
        do {
            lock = try RunLock(store: store, id: id, waiting: false)
        } catch RunLockError.held(let path) where waiting {
            log("waiting for \(path), held by \(RunLock.owner(store: store, id: id)?.description ?? "another process")")
            lock = try RunLock(store: store, id: id)
        }
        store.removeTemporaries(of: id)
        if !force, let stored = store.finished(id, run) {
            log("run \(id) is already done")
            lock.release()
            return stored
        }
        let started = Date()
        let configuration = run.configuration
        var stored: StoredRun
        do {
            let result = try SingleRun(configuration: configuration, cutoffs: run.cutoffs).execute(catalog: catalog, log: log)
            stored = StoredRun(id: id, run: run, datasetSHA256: sha, status: .ok, error: nil, result: result,
                               provenance: .capture(root: catalog.root, started: started))
        } catch {
            let provenance = Provenance.capture(root: catalog.root, started: started)
            if let reason = SingleRun.notApplicableReason(of: error) {
                stored = StoredRun(id: id, run: run, datasetSHA256: sha, status: .notApplicable, error: nil,
                                   reason: reason, result: nil, provenance: provenance)
            } else {
                stored = StoredRun(id: id, run: run, datasetSHA256: sha, status: .failed, error: "\(error)", result: nil,
                                   provenance: provenance)
            }
        }
        try store.write(stored)
        log("run \(id) stored (\(stored.status.rawValue)) by process \(getpid()), child of \(getppid())")
        lock.release()
        return stored
    }
}
