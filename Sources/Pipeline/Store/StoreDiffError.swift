import Foundation

/// Why two result stores could not be compared: run files (`<id>.json`) that do not
/// read as runs. A corrupt file is not a missing run, so the comparison refuses rather
/// than calling its run "only in" the other store.
public enum StoreDiffError: Error, Equatable, CustomStringConvertible {
    /// Each unreadable run file's path and what is wrong with it, in path order.
    case unreadableRuns([UnreadableRun])

    /// A run file that does not read as a run.
    public struct UnreadableRun: Hashable, Sendable {
        public var path: String
        /// `not JSON`, or what of a run's record is missing or mistyped.
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// One line per file: `PATH: not a run file (REASON)`.
    public var description: String {
        switch self {
        case let .unreadableRuns(files):
            return files.map { "\($0.path): not a run file (\($0.reason))" }.joined(separator: "\n")
        }
    }

    /// What is wrong with `data` as a run file, from the error decoding it gave.
    static func reason(_ data: Data, _ error: any Error) -> String {
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else { return "not JSON" }
        let path: ([any CodingKey]) -> String = { keys in
            keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
                .joined().trimmingCharacters(in: ["."])
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?:
            return "\(path(context.codingPath + [key])) is missing"
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?, let .dataCorrupted(context)?:
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
