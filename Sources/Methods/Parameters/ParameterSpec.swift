import Foundation
import HashCore

/// A method parameter's declaration: name, kind, default and meaning.
public struct ParameterSpec: Sendable {
    /// The kinds of value a parameter takes.
    public enum Kind: Sendable, Equatable {
        case real(ClosedRange<Double>)
        case integer(ClosedRange<Int>)
        case ratio
        case choice([String])
        /// A real number or absent (e.g. σ: absent means "from the data").
        case optionalReal(ClosedRange<Double>)
        /// An integer or absent (e.g. DLFH's sampled columns: absent means "the code length").
        case optionalInteger(ClosedRange<Int>)
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: ParameterValue
    /// What the parameter means, for `hashlab methods` and error messages.
    public let help: String

    public init(_ name: String, _ kind: Kind, default defaultValue: ParameterValue, _ help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// Parses `text` as this parameter's value.
    ///
    /// - Throws: ``ParameterError/invalidValue(method:parameter:value:expected:)``.
    public func parse(_ text: String, method: String) throws -> ParameterValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func invalid(_ expected: String) -> ParameterError {
            .invalidValue(method: method, parameter: name, value: text, expected: expected)
        }
        switch kind {
        case let .real(range):
            guard let value = Double(trimmed), value.isFinite, range.contains(value) else {
                throw invalid("a number in \(range.lowerBound)...\(range.upperBound)")
            }
            return .real(value)
        case let .optionalReal(range):
            if trimmed == "auto" || trimmed == "none" { return .automatic }
            guard let value = Double(trimmed), value.isFinite, range.contains(value) else {
                throw invalid("\"auto\" or a number in \(range.lowerBound)...\(range.upperBound)")
            }
            return .real(value)
        case let .integer(range):
            guard let value = Int(trimmed), range.contains(value) else {
                throw invalid("an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return .integer(value)
        case let .optionalInteger(range):
            if trimmed == "auto" || trimmed == "none" { return .automatic }
            guard let value = Int(trimmed), range.contains(value) else {
                throw invalid("\"auto\" or an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return .integer(value)
        case .ratio:
            guard let ratio = SimilarityRatio(trimmed) else {
                throw invalid("a ratio r_s/r_d with r_s > r_d (e.g. 5/-1, 1/-5) or zero-mean")
            }
            return .ratio(ratio)
        case let .choice(options):
            guard options.contains(trimmed) else {
                throw invalid("one of \(options.joined(separator: ", "))"
                              + NearestName.hint(for: trimmed, among: options))
            }
            return .choice(trimmed)
        }
    }
}
