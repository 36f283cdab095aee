import HashCore
import Yams

/// A node of a spec file's YAML together with what error messages need: the file it
/// was read from and its key path. The typed reads throw ``SpecError`` at the node's
/// line.
struct SpecNode {
    let node: Node
    let file: String
    /// The key path: `""` for the document, `protocol.unseen`, `methods[0].params`.
    let key: String

    var location: SpecLocation {
        SpecLocation(file: file, line: node.mark?.line ?? 1, key: key)
    }

    /// The key path of this mapping's entry `name`.
    func path(_ name: String) -> String {
        key.isEmpty ? name : "\(key).\(name)"
    }

    /// A mapping's entries in order; with `known`, every key must be one of them.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` when this is not a mapping or a
    ///   key is not text; ``SpecError/unknownKey(_:known:suggestion:)`` at the key's line.
    func entries(known: [String]?) throws -> [(name: String, keyLocation: SpecLocation, value: SpecNode)] {
        guard let mapping = node.mapping else { throw SpecError.wrongType(location, expected: "a mapping") }
        return try mapping.map { keyNode, value in
            guard let name = keyNode.scalar?.string else {
                throw SpecError.wrongType(SpecLocation(file: file, line: keyNode.mark?.line ?? 1, key: key),
                                          expected: "text keys")
            }
            let keyLocation = SpecLocation(file: file, line: keyNode.mark?.line ?? 1, key: path(name))
            if let known, !known.contains(name) {
                throw SpecError.unknownKey(keyLocation, known: known,
                                           suggestion: NearestName.suggestion(for: name, among: known))
            }
            return (name, keyLocation, SpecNode(node: value, file: file, key: path(name)))
        }
    }

    /// A mapping's values by key, every key one of `known`, each of `required` present.
    ///
    /// - Throws: as ``entries(known:)``, and ``SpecError/missingKey(_:)`` at this
    ///   mapping's line.
    func fields(known: [String], required: [String] = []) throws -> [String: SpecNode] {
        let fields = Dictionary(try entries(known: known).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        for name in required where fields[name] == nil {
            throw SpecError.missingKey(SpecLocation(file: file, line: location.line, key: path(name)))
        }
        return fields
    }

    /// Whether this node is a list.
    var isSequence: Bool { node.sequence != nil }

    /// A list's elements, keyed `key[i]`.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` when this is not a list.
    func elements() throws -> [SpecNode] {
        guard let sequence = node.sequence else { throw SpecError.wrongType(location, expected: "a list") }
        return sequence.enumerated().map { SpecNode(node: $1, file: file, key: "\(key)[\($0)]") }
    }

    /// A list's elements, or this node alone when it is a single value.
    func elementsOrSelf() throws -> [SpecNode] {
        isSequence ? try elements() : [self]
    }

    /// A single value's text.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` for a list, a mapping or null.
    func text(_ expected: String = "a single value") throws -> String {
        guard let scalar = node.scalar, node.null == nil else {
            throw SpecError.wrongType(location, expected: expected)
        }
        return scalar.string
    }

    /// A name that goes into file names, report headings and axis values (an
    /// experiment's name, a method entry's label): 1 to 100 characters, no slash or
    /// control character, not starting with a dot.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` for anything but one value;
    ///   ``SpecError/invalidValue(_:reason:)`` for a name outside those rules.
    func name(_ expected: String) throws -> String {
        let name = try text(expected)
        let problem: String? = name.isEmpty ? "is empty"
            : name.count > 100 ? "has \(name.count) characters, more than 100"
            : name.hasPrefix(".") ? "starts with a dot (report files would be hidden)"
            : name.contains("/") ? "holds a slash"
            : name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) ? "holds a control character"
            : nil
        if let problem {
            throw SpecError.invalidValue(location, reason: "\(expected) \(problem); it names report files and table cells, "
                                         + "so it takes 1 to 100 characters, no slash, not starting with a dot")
        }
        return name
    }

    /// An integer in `range`.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` for anything but an integer;
    ///   ``SpecError/invalidValue(_:reason:)`` outside `range`.
    func integer(in range: ClosedRange<Int>) throws -> Int {
        try AxisValue(text: try text("an integer"), location: location).integer(in: range)
    }

    /// A finite number.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)``.
    func number() throws -> Double {
        guard let value = Double(try text("a number")), value.isFinite else {
            throw SpecError.wrongType(location, expected: "a number")
        }
        return value
    }

    /// `true` or `false`.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)``.
    func bool() throws -> Bool {
        guard node.scalar != nil, let value = node.bool else {
            throw SpecError.wrongType(location, expected: "true or false")
        }
        return value
    }
}
