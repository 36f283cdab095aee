import Methods

extension SingleRun {
    /// Why the run is *not applicable* when `error`, thrown by ``execute(catalog:log:)``,
    /// says that the method declines the configuration by its definition
    /// (``Methods/TrainingError/isNotApplicable``, e.g. ITQ asked for more bits than the
    /// modality has dimensions); nil for every other error, which is a failure. The
    /// reason is the error's description, so runs declined for the same cause share
    /// one reason, e.g. `itq: 64 bits need at least 64 feature dimensions, the features
    /// have 47`. The one place that decides: the store (``RunExecution``) and
    /// `hashlab run-one` both ask here.
    public static func notApplicableReason(of error: any Error) -> String? {
        guard let error = error as? TrainingError, error.isNotApplicable else { return nil }
        return error.description
    }
}
