import Foundation
import Linalg

/// Builds a dataset from the cross-modal files researchers pass around (Wikipedia,
/// NUS-WIDE, IAPR TC-12, …): MAT v5, MAT v7.3 or plain HDF5 files written by h5py,
/// holding per part (`_tr`, `_te`) one feature matrix per modality and one label
/// variable, which a ``MATVariableMap`` names. Dimensions are those MATLAB or NumPy
/// shows (see ``SourceArray``).
///
/// - Items: part 1's items, then part 2's, …; named parts are stored as the split
///   `/splits/given/<part>` of 0-based item indices (one unnamed part: no split).
/// - Labels are class ids when every label variable is a vector (1-D, N × 1 or
///   1 × N): integers, 0-based when the smallest id over all parts is 0 and 1-based
///   otherwise, stored one-hot over C classes, C the largest id (1-based) or the
///   largest id + 1 (0-based), named by their ids (`"1"`…`"C"` or `"0"`…`"C-1"`).
///   Otherwise every label variable is a multi-hot matrix of 0 and 1, N × C or C × N,
///   all with the same C, classes named by column, `"1"`…`"C"`. A map's class-name
///   variable (char array, cell of strings, HDF5 strings) names the classes instead:
///   then C is its length, ids must lie in it, and matrices must have C classes.
/// - Orientation: a part's item count is its label vector's length, or the axis
///   length of its label matrix that every feature matrix of the part also has. A
///   matrix lies items × D or D × items according to which axis has that count; a
///   square one (both axes) takes the orientation of the other parts of its modality
///   (or of the labels), which the log reports, and is an error when they have none or
///   disagree. Every part of a modality must have the same D.
/// - Features must be finite; a NaN or infinity is reported by item and column.
///
/// Every variable is checked for shape before any feature is read.
enum GenericMATImporter {
    static func contents(_ sources: MATSources, map: MATVariableMap, name: String,
                         note: (String) -> Void) throws -> DatasetContents {
        let labelArrays = try map.labels.map { try SourceArray($0, in: sources) }
        let featureArrays = try map.modalities.map { try $0.variables.map { try SourceArray($0, in: sources) } }
        for array in labelArrays where !(1...2).contains(array.dimensions.count) {
            throw MATFileError.notTwoDimensional(file: array.file.path, variable: array.variable,
                                                 dimensions: array.dimensions)
        }
        for array in featureArrays.joined() where array.dimensions.count != 2 {
            throw MATFileError.notTwoDimensional(file: array.file.path, variable: array.variable,
                                                 dimensions: array.dimensions)
        }
        for array in labelArrays.dropFirst() where array.isVector != labelArrays[0].isVector {
            throw ImportError.labelKindMismatch(file: array.file.path, variable: array.variable,
                                                dimensions: array.dimensions, reference: labelArrays[0].reference,
                                                referenceDimensions: labelArrays[0].dimensions)
        }
        let classNames = try map.classNames.map { variable in
            ClassNames(names: try sources.strings(variable),
                       reference: "\"\(variable)\" in \(try sources.file(holding: variable).path)")
        }
        let labels = labelArrays[0].isVector
            ? try oneHotLabels(labelArrays, classNames: classNames?.names)
            : try multiHotLabels(labelArrays, features: featureArrays, classNames: classNames, note: note)
        note("labels \(map.labels.joined(separator: ", ")): \(labels.encoding), \(labels.classes.count) classes")

        let layouts = try featureArrays.map {
            try featureLayout($0, items: labels.partItems, labelArrays: labelArrays, note: note)
        }
        var modalities: [DatasetContents.Modality] = []
        for (modality, (arrays, layout)) in zip(map.modalities, zip(featureArrays, layouts)) {
            var elements: [Float] = []
            elements.reserveCapacity(labels.matrix.rows * layout.dimension)
            for (array, axis) in zip(arrays, layout.axes) {
                let part = array.itemRows(try array.storedElements(as: Float.self), itemsAlong: axis)
                if let offset = part.elements.firstIndex(where: { !$0.isFinite }) {
                    throw ImportError.nonFiniteFeature(file: array.file.path, variable: array.variable,
                                                       item: offset / part.columns, column: offset % part.columns)
                }
                elements.append(contentsOf: part.elements)
            }
            let features = Matrix(rows: labels.matrix.rows, columns: layout.dimension, elements: elements)
            modalities.append(.init(name: modality.name, features: features))
        }

        var splits: [DatasetContents.Split] = []
        if !map.partNames.isEmpty {
            let ends = labels.partItems.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
            splits = [.init(name: MATVariableMap.splitName,
                            parts: map.partNames.enumerated().map { ($1, Array(ends[$0]..<ends[$0 + 1])) })]
            note("split \(MATVariableMap.splitName): " + zip(map.partNames, labels.partItems)
                .map { "\($0) (\($1) items)" }.joined(separator: ", "))
        }
        var provenance = ["labels": labels.encoding]
        for (list, arrays) in zip(map.modalities.map(\.name), featureArrays) + [("labels", labelArrays)] {
            provenance["variables:\(list)"] = arrays.map { Self.source($0.file, $0.variable) }.joined(separator: ", ")
        }
        if let variable = map.classNames {
            provenance["variables:classes"] = Self.source(try sources.file(holding: variable), variable)
        }
        return DatasetContents(name: name, modalities: modalities, labels: labels.matrix, classes: labels.classes,
                               splits: splits, provenance: provenance)
    }

    /// The labels of all parts, stacked, with the number of items of each part.
    struct Labels {
        var matrix: Matrix<UInt8>
        var classes: [String]
        var partItems: [Int]
        /// How the source held them, for the log and the provenance.
        var encoding: String
    }

    /// The class names a map's variable gives, and that variable as messages refer to it.
    struct ClassNames {
        var names: [String]
        var reference: String
    }

    /// Class-id vectors (see the type's documentation) as one-hot labels.
    ///
    /// - Throws: ``ImportError/invalidValue(file:variable:position:value:expected:)``
    ///   for an id that is not an integer ≥ 0, or outside the class names.
    static func oneHotLabels(_ arrays: [SourceArray], classNames: [String]?) throws -> Labels {
        let ids = try arrays.map { array in
            try array.storedElements(as: Double.self).enumerated().map { position, value in
                guard let id = Int(exactly: value), id >= 0 else {
                    throw ImportError.invalidValue(file: array.file.path, variable: array.variable, position: position,
                                                   value: value, expected: "a class id (an integer, 0 or more)")
                }
                return id
            }
        }
        let first = ids.joined().min() == 0 ? 0 : 1
        let count = classNames?.count ?? (ids.joined().max() ?? 0) + 1 - first
        for (array, partIDs) in zip(arrays, ids) {
            if let position = partIDs.firstIndex(where: { $0 - first >= count }) {
                throw ImportError.invalidValue(file: array.file.path, variable: array.variable, position: position,
                                               value: Double(partIDs[position]),
                                               expected: "a \(first)-based class id in \(first)…\(first + count - 1)")
            }
        }
        var matrix = Matrix<UInt8>(rows: ids.reduce(0) { $0 + $1.count }, columns: count, repeating: 0)
        for (item, id) in ids.joined().enumerated() { matrix[item, id - first] = 1 }
        return Labels(matrix: matrix, classes: classNames ?? (first..<first + count).map(String.init),
                      partItems: ids.map(\.count), encoding: "class ids, \(first)-based")
    }

    /// Multi-hot label matrices (see the type's documentation), oriented against the
    /// feature matrices of their parts.
    ///
    /// - Throws: ``ImportError/invalidValue(file:variable:position:value:expected:)``
    ///   for an entry other than 0 or 1; ``ImportError/itemCountMismatch(file:variable:dimensions:reference:items:)``
    ///   naming a feature matrix with no axis of the labels' lengths;
    ///   ``ImportError/ambiguousItemCount(file:variable:dimensions:)``,
    ///   ``ImportError/unresolvedOrientation(file:variable:dimensions:items:)`` or
    ///   ``ImportError/dimensionMismatch(file:variable:found:expected:reference:unit:)``.
    static func multiHotLabels(_ arrays: [SourceArray], features: [[SourceArray]], classNames: ClassNames?,
                               note: (String) -> Void) throws -> Labels {
        let values = try arrays.map { array in
            try array.storedElements(as: Double.self).enumerated().map { position, value in
                guard value == 0 || value == 1 else {
                    throw ImportError.invalidValue(file: array.file.path, variable: array.variable, position: position,
                                                   value: value, expected: "0 or 1")
                }
                return UInt8(value)
            }
        }
        var ownAxes: [SourceArray.ItemAxis?] = []
        var ownItems: [Int?] = []
        for (part, array) in arrays.enumerated() {
            var candidates = array.dimensions[0] == array.dimensions[1] ? [array.dimensions[0]] : array.dimensions
            for feature in features.map({ $0[part] }) {
                let shared = candidates.filter(feature.dimensions.contains)
                guard !shared.isEmpty else {
                    throw ImportError.itemCountMismatch(file: feature.file.path, variable: feature.variable,
                                                        dimensions: feature.dimensions, reference: array.reference,
                                                        items: candidates)
                }
                candidates = shared
            }
            let items = candidates.count == 1 ? candidates[0] : nil
            ownItems.append(items)
            ownAxes.append(items.flatMap { axis(of: array.dimensions, items: $0) })
        }
        let axes = try agreedAxes(ownAxes, of: arrays, note: note) { part in
            let array = arrays[part]
            guard let items = ownItems[part] else {
                return ImportError.ambiguousItemCount(file: array.file.path, variable: array.variable,
                                                      dimensions: array.dimensions)
            }
            return ImportError.unresolvedOrientation(file: array.file.path, variable: array.variable,
                                                     dimensions: array.dimensions, items: items)
        }
        let parts = arrays.indices.map { part in arrays[part].itemRows(values[part], itemsAlong: axes[part]) }
        let classCount = classNames?.names.count ?? parts[0].columns
        for (array, part) in zip(arrays, parts) where part.columns != classCount {
            throw ImportError.dimensionMismatch(file: array.file.path, variable: array.variable, found: part.columns,
                                                expected: classCount,
                                                reference: classNames?.reference ?? arrays[0].reference,
                                                unit: "classes")
        }
        return Labels(matrix: Matrix(rows: parts.reduce(0) { $0 + $1.rows }, columns: classCount,
                                     elements: parts.flatMap(\.elements)),
                      classes: classNames?.names ?? (0..<classCount).map { String($0 + 1) },
                      partItems: parts.map(\.rows), encoding: "multi-hot")
    }

    /// The item axis of each feature matrix of one modality, given each part's item
    /// count, and the modality's feature dimension.
    ///
    /// - Throws: ``ImportError/itemCountMismatch(file:variable:dimensions:reference:items:)``
    ///   when no axis has the count; ``ImportError/unresolvedOrientation(file:variable:dimensions:items:)``
    ///   for a square matrix the other parts do not orient;
    ///   ``ImportError/dimensionMismatch(file:variable:found:expected:reference:unit:)``
    ///   when the parts' feature dimensions differ.
    static func featureLayout(_ arrays: [SourceArray], items: [Int], labelArrays: [SourceArray],
                              note: (String) -> Void) throws
        -> (axes: [SourceArray.ItemAxis], dimension: Int) {
        let own = try arrays.indices.map { part -> SourceArray.ItemAxis? in
            let array = arrays[part]
            guard array.dimensions.contains(items[part]) else {
                throw ImportError.itemCountMismatch(file: array.file.path, variable: array.variable,
                                                    dimensions: array.dimensions,
                                                    reference: labelArrays[part].reference, items: [items[part]])
            }
            return axis(of: array.dimensions, items: items[part])
        }
        let axes = try agreedAxes(own, of: arrays, note: note) { part in
            ImportError.unresolvedOrientation(file: arrays[part].file.path, variable: arrays[part].variable,
                                              dimensions: arrays[part].dimensions, items: items[part])
        }
        let dimensions = zip(arrays, axes).map { array, axis in array.dimensions[axis == .rows ? 1 : 0] }
        for (array, dimension) in zip(arrays, dimensions) where dimension != dimensions[0] {
            throw ImportError.dimensionMismatch(file: array.file.path, variable: array.variable, found: dimension,
                                                expected: dimensions[0], reference: arrays[0].reference,
                                                unit: "feature dimensions")
        }
        return (axes, dimensions[0])
    }

    /// The axis of a 2-D variable of `dimensions` with `items` entries, `nil` when both have.
    static func axis(of dimensions: [Int], items: Int) -> SourceArray.ItemAxis? {
        dimensions[0] == dimensions[1] ? nil : dimensions[0] == items ? .rows : .columns
    }

    /// Each part's own axis or, for a part without one, the axis all parts that have
    /// one agree on, which `note` reports: it is an assumption (the parts of a
    /// family were stored alike), not a fact of the file.
    ///
    /// - Throws: `unresolved(part)` when they have none or disagree.
    static func agreedAxes(_ own: [SourceArray.ItemAxis?], of arrays: [SourceArray], note: (String) -> Void,
                           unresolved: (Int) -> ImportError) throws -> [SourceArray.ItemAxis] {
        let known = Set(own.compactMap { $0 })
        return try own.enumerated().map { part, axis in
            if let axis { return axis }
            guard known.count == 1, let agreed = known.first else { throw unresolved(part) }
            let others = zip(arrays, own).compactMap { $1 == nil ? nil : $0.variable }
            note("\(arrays[part].file.path): \(arrays[part].variable) is "
                 + arrays[part].dimensions.map(String.init).joined(separator: " × ")
                 + ": taken one item per \(agreed == .rows ? "row" : "column"), as in "
                 + others.joined(separator: ", "))
            return agreed
        }
    }

    /// `file.mat:variable`, as the provenance records a source variable.
    static func source(_ file: MATFile, _ variable: String) -> String {
        URL(fileURLWithPath: file.path).lastPathComponent + ":" + variable
    }
}
