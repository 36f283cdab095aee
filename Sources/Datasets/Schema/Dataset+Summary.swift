extension Dataset {
    /// A human-readable description: items, modalities with dimensions, classes with
    /// item counts, splits with part sizes, attributes, provenance.
    public var summary: String {
        var lines = ["\(name): \(count) items, \(modalities.count) modalities, \(classes.count) classes",
                     "  file: \(path)"]
        lines.append("  modalities:")
        for modality in modalities {
            lines.append("    \(modality.name): \(modality.dimension)-d")
        }
        var perClass = [Int](repeating: 0, count: classes.count)
        var labelsPerItem = 0
        for item in 0..<count {
            for column in 0..<classes.count where labels[item, column] != 0 {
                perClass[column] += 1
                labelsPerItem += 1
            }
        }
        let mean = count == 0 ? 0 : Double(labelsPerItem) / Double(count)
        lines.append("  classes (items per class; \(String(format: "%.2f", mean)) labels per item):")
        let entries = zip(classes, perClass).map { "\($0) \($1)" }
        for start in stride(from: 0, to: entries.count, by: 6) {
            lines.append("    " + entries[start..<min(start + 6, entries.count)].joined(separator: ", "))
        }
        if let attributes {
            lines.append("  attributes: \(attributes.rows) × \(attributes.columns)")
        }
        if !splits.isEmpty {
            lines.append("  splits:")
            for split in splits {
                let parts = split.parts.map { "\($0.name) \($0.items.count)" }.joined(separator: ", ")
                lines.append("    \(split.name): \(parts)")
            }
        }
        if !provenance.isEmpty {
            lines.append("  provenance:")
            for (key, value) in provenance.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(key): \(value)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
