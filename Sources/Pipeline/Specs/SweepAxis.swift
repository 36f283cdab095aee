import Foundation

/// One value of a spec's axis as written: its text and where it stands.
struct AxisValue: Hashable, Sendable {
    let text: String
    let location: SpecLocation

    /// The value as an integer in `range`.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` for anything but an integer;
    ///   ``SpecError/invalidValue(_:reason:)`` outside `range`.
    func integer(in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text) else { throw SpecError.wrongType(location, expected: "an integer") }
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : "\(range.upperBound)"
            throw SpecError.invalidValue(location, reason: "\(value) is not in \(range.lowerBound)...\(upper)")
        }
        return value
    }
}

/// A spec key whose runs take one or more values: `modality`, `bits`, `seeds`, a
/// protocol setting or a method parameter. Written as a list it is *swept* — its values multiply the
/// runs and it becomes an axis of every run; written as one value it is fixed.
struct SweepAxis: Hashable, Sendable {
    /// The axis name in ``PlannedRun/axes`` (`seed` for the `seeds` key).
    let name: String
    let values: [AxisValue]
    let isSwept: Bool

    /// One value (`lambda: 1e-2`) or a list of values (`bits: [16, 32]`).
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` for a mapping or nested list;
    ///   ``SpecError/invalidValue(_:reason:)`` for an empty list.
    init(name: String, node: SpecNode) throws {
        let elements = try node.elementsOrSelf()
        guard !elements.isEmpty else { throw SpecError.invalidValue(node.location, reason: "needs at least one value") }
        self.name = name
        values = try elements.map { AxisValue(text: try $0.text(), location: $0.location) }
        isSwept = node.isSequence
    }

    /// Sets of names (`noun`: `class` for unseen classes, `modality` for a cross-modal
    /// pair), each one text of comma-separated names: a list of lists sweeps over sets
    /// (`[[8, 9], [3, 5]]`), a flat list (`[8, 9]`) or one text (`"8,9"`) is one set.
    ///
    /// - Throws: ``SpecError/wrongType(_:expected:)`` for a mapping or a name holding a
    ///   comma; ``SpecError/invalidValue(_:reason:)`` for an empty list.
    init(classSetsNamed name: String, node: SpecNode, noun: String = "class") throws {
        let sets = try node.elementsOrSelf()
        guard !sets.isEmpty else { throw SpecError.invalidValue(node.location, reason: "needs at least one \(noun)") }
        if sets.contains(where: \.isSequence), let flat = sets.first(where: { !$0.isSequence }) {
            throw SpecError.wrongType(flat.location, expected: "a list of \(noun) names, as the other sets")
        }
        self.name = name
        isSwept = sets.contains(where: \.isSequence)
        values = try (isSwept ? sets : [node]).map { set in
            let names: [String]
            if set.isSequence {
                names = try set.elements().map { element in
                    let name = try element.text("a \(noun) name")
                    guard !name.contains(",") else {
                        throw SpecError.wrongType(element.location, expected: "a \(noun) name without commas")
                    }
                    return name
                }
            } else {
                names = Self.classNames(try set.text("\(noun) names"))
            }
            return AxisValue(text: names.joined(separator: ","), location: set.location)
        }
    }

    /// The class names of a comma-separated text, such as a class-set axis value.
    static func classNames(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
