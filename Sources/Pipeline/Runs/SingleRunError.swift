import Methods

/// A run that cannot start, or whose method cannot give what the protocol asks of it.
public enum SingleRunError: Error, Equatable, CustomStringConvertible {
    case invalidBits(Int)
    /// The modalities given are not what the method hashes (one, or two distinct
    /// paired ones).
    case modalities(method: String, needs: ModalityNeeds, given: [String])
    /// Learned database codes asked of a method that learns none (or not one per
    /// training item).
    case noLearnedCodes(method: String, found: Int?, expected: Int)

    public var description: String {
        switch self {
        case let .invalidBits(bits): return "bits must be in 1...4096, not \(bits)"
        case let .modalities(method, needs, given):
            let named = given.isEmpty ? "none" : given.joined(separator: ", ")
            switch needs {
            case .one:
                return "\(method) hashes one modality (single-modal); the run names \(named): "
                    + "cross-modal runs need a cross-modal method (see hashlab methods)"
            case .paired:
                return "\(method) is cross-modal: it needs two distinct paired modalities "
                    + "(a spec's modalities: [A, B], run-one's --modality A --modality B); the run names \(named)"
            }
        case let .noLearnedCodes(method, found, expected):
            return "\(method) learned " + (found.map { "codes for \($0) items" } ?? "no codes")
                + " where the database needs \(expected); use database_codes: encoded"
        }
    }
}
