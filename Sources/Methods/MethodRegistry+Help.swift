extension MethodRegistry {
    /// Every method with its summary and parameters (name, default, meaning), for
    /// `hashlab methods`.
    public static var help: String {
        methods.map { method in
            var lines = ["\(method.name): \(method.summary)"]
            for spec in method.parameters {
                lines.append("    \(spec.name) = \(spec.defaultValue)  \(spec.help)")
            }
            if method.parameters.isEmpty { lines.append("    (no parameters)") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
