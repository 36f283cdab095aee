import HashCore

/// A slice of a sweep, as `--only` gives it: axis → the values accepted on it.
/// `method=aszh,bits=32` keeps the runs with method aszh and 32 bits; `bits=32|64`
/// accepts either value. A run is kept when it has every axis named, with one of the
/// values accepted on it; the filter naming no axis keeps every run.
public struct RunFilter: Sendable, Equatable {
    /// Axis → the values accepted on it.
    public let conditions: [String: Set<String>]

    /// The filter that keeps every run.
    public static let everyRun = RunFilter(conditions: [:])

    private init(conditions: [String: Set<String>]) {
        self.conditions = conditions
    }

    /// Reads `axis=value[|value…][,axis=value[|value…]…]`; an axis named twice accepts
    /// the values of both clauses.
    ///
    /// - Throws: ``RunFilterError/malformed(clause:)`` for a clause that is not
    ///   `axis=value` with a non-empty axis and values.
    public init(_ text: String) throws {
        var conditions: [String: Set<String>] = [:]
        for clause in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = clause.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let values = parts.count == 2 ? parts[1].split(separator: "|", omittingEmptySubsequences: false) : []
            guard parts.count == 2, !parts[0].isEmpty, !values.isEmpty, !values.contains(where: \.isEmpty) else {
                throw RunFilterError.malformed(clause: String(clause))
            }
            conditions[String(parts[0]), default: []].formUnion(values.map(String.init))
        }
        self.conditions = conditions
    }

    /// Checks the filter against the runs of `specs`: each axis it names is an axis of
    /// one of their runs, and each value it accepts is one some run takes on that axis.
    /// It may still keep no run, when no run has all the values together.
    ///
    /// - Throws: ``RunFilterError/unknownAxis(axis:known:suggestion:)`` or
    ///   ``RunFilterError/unknownValue(axis:value:known:suggestion:)``, for the first
    ///   axis by name that is unknown or has an unknown value, with the nearest valid
    ///   name.
    public func check(against specs: [ExperimentSpec]) throws {
        let vocabulary = SpecVocabulary(runs: specs.flatMap(\.runs), metricNames: [])
        for axis in conditions.keys.sorted() {
            guard let known = vocabulary.axisValues[axis] else {
                throw RunFilterError.unknownAxis(axis: axis, known: vocabulary.axisNames,
                                                 suggestion: NearestName.suggestion(for: axis,
                                                                                   among: vocabulary.axisNames))
            }
            for value in conditions[axis]!.sorted() where !known.contains(value) {
                throw RunFilterError.unknownValue(axis: axis, value: value, known: known,
                                                  suggestion: NearestName.suggestion(for: value, among: known))
            }
        }
    }

    /// Whether a run with `axes` is kept.
    public func matches(_ axes: [String: String]) -> Bool {
        conditions.allSatisfy { axis, values in axes[axis].map(values.contains) ?? false }
    }
}
