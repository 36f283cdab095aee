import HashCore

/// Maps spec names to methods. Adding a method = one file with a type conforming to
/// ``HashingMethod`` + one line in ``methods``.
public enum MethodRegistry {
    /// Every method, in the order tables list them.
    public static let methods: [any HashingMethod.Type] = [
        LSH.self,
        BOLSH.self,
        ITQ.self,
        SDH.self,
        KSH.self,
        CNNH.self,
        ASZH.self,
        LEMON.self,
        DLFH.self,
        CCAITQ.self,
        SCM.self,
    ]

    /// The method called `name`.
    ///
    /// - Throws: ``ParameterError/unknownMethod(name:known:suggestion:)``.
    public static func method(named name: String) throws -> any HashingMethod.Type {
        guard let method = methods.first(where: { $0.name == name }) else {
            let known = methods.map { $0.name }
            throw ParameterError.unknownMethod(name: name, known: known,
                                               suggestion: NearestName.suggestion(for: name, among: known))
        }
        return method
    }

    /// The method `name` configured with `given` (`name → text`), and its resolved
    /// parameters (defaults filled in).
    ///
    /// - Throws: ``ParameterError``.
    public static func make(_ name: String, parameters given: [String: String]) throws
        -> (method: any HashingMethod, parameters: ResolvedParameters) {
        let type = try method(named: name)
        let resolved = try ResolvedParameters(method: name, specs: type.parameters, given: given)
        return (try type.init(parameters: resolved), resolved)
    }
}
