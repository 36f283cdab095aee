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

    /// The most points one method entry's sweep may have: a million runs are weeks of
    /// work on a cluster, and a larger product is a mistake to report, not to expand
    /// (38 million runs once ran `plan` out of memory).
    static let maximumPoints = 1_000_000

    /// - Throws: ``SpecError/notSwept(_:axis:swept:suggestion:)`` for a zip member
    ///   that is not a swept axis; ``SpecError/invalidValue(_:reason:)`` for an axis
    ///   in two groups, an axis (or zip group) taking one value twice, or more than
    ///   ``maximumPoints`` points (at the axis with the most values, naming each factor); ``SpecError/zipLengths(_:lengths:)`` for members with
    ///   different numbers of values.
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
        for block in blocks {
            var seen = Set<[String]>()
            for index in block[0].values.indices {
                let values = block.map { $0.values[index].text }
                guard seen.insert(values).inserted else {
                    let names = block.map(\.name).joined(separator: ", ")
                    let value = values.count == 1 ? values[0] : "(" + values.joined(separator: ", ") + ")"
                    throw SpecError.invalidValue(block[0].values[index].location,
                                                 reason: "\(names) takes \(value) twice, which would list its runs twice")
                }
            }
        }
        let count = blocks.reduce(1.0) { $0 * Double($1[0].values.count) }
        guard count <= Double(Self.maximumPoints) else {
            let runs = count < 1e15 ? String(Int(count)) : "\(count)"
            let factors = blocks.filter { $0[0].values.count > 1 }
                .map { block in block.map(\.name).joined(separator: "+") + " \(block[0].values.count)" }
            let largest = blocks.max { $0[0].values.count < $1[0].values.count }![0]
            var location = largest.values[0].location
            if largest.isSwept, location.key.hasSuffix("[0]") { location.key.removeLast(3) }
            throw SpecError.invalidValue(location, reason: "the sweep expands to \(runs) runs ("
                                             + factors.joined(separator: " × ") + "); hashlab plans at most "
                                             + "\(Self.maximumPoints) per method entry — split the spec")
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
