import HashCore

/// The points of a sweep: the cartesian product of its axes' values, except that the
/// axes of a zip group vary together (the group's i-th point takes every member's
/// i-th value). Axes vary in the order given, the last fastest; a zip group stands
/// where its first member stands.
struct Sweep {
    /// Axes that vary together: `zip: [ratio, lambda]`.
    struct ZipGroup: Hashable, Sendable {
        let location: SpecLocation
        /// The members' axis names, where each is written.
        let members: [AxisValue]
    }

    /// Axis name → value, one per run, in order.
    let points: [[String: AxisValue]]

    /// - Throws: ``SpecError/notSwept(_:axis:swept:suggestion:)`` for a zip member
    ///   that is not a swept axis; ``SpecError/invalidValue(_:reason:)`` for an axis
    ///   in two groups; ``SpecError/zipLengths(_:lengths:)`` for members with different
    ///   numbers of values.
    init(axes: [SweepAxis], zip groups: [ZipGroup]) throws {
        let swept = axes.filter(\.isSwept)
        let sweptNames = swept.map(\.name)
        var groupOfAxis: [String: Int] = [:]
        for (index, group) in groups.enumerated() {
            var lengths: [String: Int] = [:]
            for member in group.members {
                guard let axis = swept.first(where: { $0.name == member.text }) else {
                    throw SpecError.notSwept(member.location, axis: member.text, swept: sweptNames,
                                             suggestion: NearestName.suggestion(for: member.text, among: sweptNames))
                }
                guard groupOfAxis[axis.name] == nil else {
                    throw SpecError.invalidValue(member.location, reason: "\(axis.name) is zipped twice")
                }
                groupOfAxis[axis.name] = index
                lengths[axis.name] = axis.values.count
            }
            guard Set(lengths.values).count <= 1 else { throw SpecError.zipLengths(group.location, lengths: lengths) }
        }

        var blocks: [[SweepAxis]] = []
        var blockOfGroup: [Int: Int] = [:]
        for axis in axes {
            if let group = groupOfAxis[axis.name], let block = blockOfGroup[group] {
                blocks[block].append(axis)
            } else {
                if let group = groupOfAxis[axis.name] { blockOfGroup[group] = blocks.count }
                blocks.append([axis])
            }
        }
        var points: [[String: AxisValue]] = [[:]]
        for block in blocks {
            points = points.flatMap { point in
                block[0].values.indices.map { index in
                    point.merging(block.map { ($0.name, $0.values[index]) }) { $1 }
                }
            }
        }
        self.points = points
    }
}
