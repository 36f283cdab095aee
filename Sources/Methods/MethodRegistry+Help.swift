extension MethodRegistry {
    /// Every method with its summary, what it hashes (cross-modal methods take a pair
    /// of modalities; online methods absorb a stream chunk by chunk) and parameters
    /// (name, default, meaning), for `hashlab methods`.
    public static var help: String {
        methods.map { method in
            let kinds = (method.modalityNeeds == .paired ? ["cross-modal"] : [])
                + (method is any OnlineHashingMethod.Type ? ["online"] : [])
            var lines = ["\(method.name)" + (kinds.isEmpty ? "" : " [\(kinds.joined(separator: ", "))]")
                         + ": \(method.summary)"]
            for spec in method.parameters {
                lines.append("    \(spec.name) = \(spec.defaultValue)  \(spec.help)")
            }
            if method.parameters.isEmpty { lines.append("    (no parameters)") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
