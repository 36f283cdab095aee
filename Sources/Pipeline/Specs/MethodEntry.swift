import HashCore
import Methods

/// One entry of a spec's `methods` list: a method, an optional label, its parameters
/// as axes (checked against the method's declarations value by value) and its zip
/// groups. The label becomes the run's `label` axis, so entries of one method with
/// different settings (e.g. ASZH's balance modes) can be told apart, faceted and
/// compared in reports.
///
/// ```yaml
/// - method: aszh
///   label: exact-balance
///   params: {ratio: ["1/-5", "5/-1"], lambda: [1e-2, 1e-3], balance: exact}
///   zip: [ratio, lambda]          # or a list of such groups
/// ```
struct MethodEntry: Sendable {
    static let keys = ["method", "label", "params", "zip"]

    let name: String
    /// The entry's `label`, if any.
    let label: String?
    /// Where the method's name is written.
    let location: SpecLocation
    /// One axis per given parameter, in the order written.
    let parameters: [SweepAxis]
    let zipGroups: [Sweep.ZipGroup]

    /// - Throws: ``SpecError/parameter(_:_:)`` for an unknown method, an unknown
    ///   parameter (at its key) or a value the parameter does not take (at the value);
    ///   the errors of ``SpecNode`` and ``SweepAxis`` for the entry's shape.
    init(_ node: SpecNode) throws {
        let fields = try node.fields(known: Self.keys, required: ["method"])
        let nameNode = fields["method"]!
        name = try nameNode.text("a method name")
        location = nameNode.location
        label = try fields["label"]?.name("a label")
        let method: any HashingMethod.Type
        do {
            method = try MethodRegistry.method(named: name)
        } catch let error as ParameterError {
            throw SpecError.parameter(location, error)
        }
        let declared = method.parameters.map(\.name)
        parameters = try fields["params"]?.entries(known: nil).map { entry in
            guard let declaration = method.parameters.first(where: { $0.name == entry.name }) else {
                throw SpecError.parameter(entry.keyLocation, .unknownParameter(
                    method: method.name, parameter: entry.name, known: declared,
                    suggestion: NearestName.suggestion(for: entry.name, among: declared)))
            }
            let axis = try SweepAxis(name: entry.name, node: entry.value)
            for value in axis.values {
                do {
                    _ = try declaration.parse(value.text, method: method.name)
                } catch let error as ParameterError {
                    throw SpecError.parameter(value.location, error)
                }
            }
            return axis
        } ?? []
        zipGroups = try fields["zip"].map { zip in
            let elements = try zip.elementsOrSelf()
            let groups = elements.contains(where: \.isSequence) ? elements : [zip]
            return try groups.map { group in
                Sweep.ZipGroup(location: group.location, members: try group.elementsOrSelf().map {
                    AxisValue(text: try $0.text("an axis name"), location: $0.location)
                })
            }
        } ?? []
    }
}
