import HashCore

/// A method's parameters with every default filled in, validated against its
/// declarations: what a run records and what the method reads its values from.
public struct ResolvedParameters: Hashable, Sendable {
    /// The method's name.
    public let method: String
    /// Parameter name → value, for every declared parameter.
    public let values: [String: ParameterValue]

    /// Resolves `given` (name → text) against `specs`: unknown names are errors that
    /// suggest the nearest name; values are parsed by kind; missing ones take defaults.
    ///
    /// - Throws: ``ParameterError``.
    public init(method: String, specs: [ParameterSpec], given: [String: String]) throws {
        var values: [String: ParameterValue] = [:]
        let names = specs.map(\.name)
        for (name, text) in given {
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw ParameterError.unknownParameter(method: method, parameter: name, known: names,
                                                      suggestion: NearestName.suggestion(for: name, among: names))
            }
            values[name] = try spec.parse(text, method: method)
        }
        for spec in specs where values[spec.name] == nil {
            values[spec.name] = spec.defaultValue
        }
        self.method = method
        self.values = values
    }

    /// The values as sorted `name=value` texts (canonical; for run ids and logs).
    public var assignments: [String] {
        values.keys.sorted().map { "\($0)=\(values[$0]!)" }
    }

    public func real(_ name: String) -> Double {
        switch values[name] {
        case let .real(value): return value
        case let .integer(value): return Double(value)
        default: preconditionFailure("parameter \(name) of \(method) is not a number")
        }
    }

    public func optionalReal(_ name: String) -> Double? {
        if case .automatic = values[name] { return nil }
        return real(name)
    }

    public func integer(_ name: String) -> Int {
        guard case let .integer(value) = values[name] else {
            preconditionFailure("parameter \(name) of \(method) is not an integer")
        }
        return value
    }

    public func optionalInteger(_ name: String) -> Int? {
        if case .automatic = values[name] { return nil }
        return integer(name)
    }

    public func ratio(_ name: String) -> SimilarityRatio {
        guard case let .ratio(value) = values[name] else {
            preconditionFailure("parameter \(name) of \(method) is not a ratio")
        }
        return value
    }

    public func choice(_ name: String) -> String {
        guard case let .choice(value) = values[name] else {
            preconditionFailure("parameter \(name) of \(method) is not a choice")
        }
        return value
    }
}
