import HashCore
import Linalg

/// An open hashlab dataset file (DESIGN.md §4), validated on open.
///
/// Opening reads the small parts (labels, classes, splits, attributes, provenance)
/// into memory and streams every feature matrix once, a block at a time, to check it
/// is finite; features themselves are read on demand with ``features(_:)`` or
/// ``features(_:rows:)``, so opening AWA2 (37,322 × 2048) holds a few megabytes.
public final class Dataset: Sendable {
    /// The file's path as given to ``init(path:)``.
    public let path: String
    /// The root attribute `name` (the file name without `.h5` when absent).
    public let name: String
    /// The modalities in name order, each with its feature dimension.
    public let modalities: [Modality]
    /// `N × C` multi-hot labels.
    public let labels: Matrix<UInt8>
    /// The class names, in label-column order.
    public let classes: [String]
    /// The stored splits in name order.
    public let splits: [Split]
    /// `C × A` class attributes, when the file has them.
    public let attributes: Matrix<Float>?
    /// The root string attributes other than `name` (source, licence, citation,
    /// sha256 of sources, generator parameters).
    public let provenance: [String: String]

    /// A modality's name and feature dimension.
    public struct Modality: Sendable, Equatable {
        public let name: String
        public let dimension: Int

        public init(name: String, dimension: Int) {
            self.name = name
            self.dimension = dimension
        }
    }

    /// A stored split: named parts of 0-based item indices.
    public struct Split: Sendable, Equatable {
        public let name: String
        /// Parts in name order.
        public let parts: [Part]

        /// One part of a split.
        public struct Part: Sendable, Equatable {
            public let name: String
            public let items: [Int]
        }

        /// The items of the part called `name`, or `nil`.
        public func part(_ name: String) -> [Int]? {
            parts.first { $0.name == name }?.items
        }
    }

    /// Opens and validates the dataset file at `path`.
    ///
    /// - Throws: ``HDF5Error`` when the file cannot be read or an object has the wrong
    ///   rank or type (e.g. `/labels` not uint8) — a root attribute that holds one string
    ///   but cannot be read included (attributes of other types are skipped) — and ``DatasetError`` when the file is
    ///   not a valid dataset: a missing `/labels`, `/classes` or `/features`, a modality
    ///   whose row count differs from the labels', a NaN or infinite feature (naming the
    ///   modality and first bad row), labels other than 0/1, split indices out of range.
    public init(path: String) throws {
        let validation = DatasetValidation(file: path)
        let file = try HDF5File(reading: path)
        for required in ["/labels", "/classes", "/features"] where !file.exists(required) {
            throw DatasetError.missingObject(file: path, path: required)
        }
        let labels = try file.readMatrix("/labels", as: UInt8.self)
        try validation.checkLabels(labels, firstRow: 0)
        let classes = try file.readStrings("/classes")
        try validation.checkClasses(classes.count, labelColumns: labels.columns)

        var modalities: [Modality] = []
        for name in try file.members(ofGroup: "/features") {
            let shape = try file.shape(of: "/features/\(name)")
            guard shape.count == 2 else {
                throw HDF5Error.wrongRank(file: path, path: "/features/\(name)", expected: 2, found: shape)
            }
            try validation.checkRowCount(modality: name, rows: shape[0], expected: labels.rows)
            try file.forEachRowBlock("/features/\(name)", as: Float.self) { block, firstRow in
                try validation.checkFinite(modality: name, block: block, firstRow: firstRow)
            }
            modalities.append(Modality(name: name, dimension: shape[1]))
        }
        guard !modalities.isEmpty else { throw DatasetError.noModalities(file: path) }

        var splits: [Split] = []
        if file.exists("/splits") {
            for splitName in try file.members(ofGroup: "/splits") {
                var parts: [Split.Part] = []
                for partName in try file.members(ofGroup: "/splits/\(splitName)") {
                    let items = try file.readVector("/splits/\(splitName)/\(partName)", as: Int32.self)
                    try validation.checkSplit(split: splitName, part: partName, items: items, count: labels.rows)
                    parts.append(Split.Part(name: partName, items: items.map(Int.init)))
                }
                splits.append(Split(name: splitName, parts: parts))
            }
        }

        var attributes: Matrix<Float>?
        if file.exists("/attributes") {
            let matrix = try file.readMatrix("/attributes", as: Float.self)
            try validation.checkAttributes(rows: matrix.rows, classes: classes.count)
            attributes = matrix
        }

        var provenance: [String: String] = [:]
        for key in try file.attributeNames() {
            do {
                provenance[key] = try file.stringAttribute(key)
            } catch HDF5Error.wrongAttributeType, HDF5Error.attributeNotScalar {
                // Not a single string, so not provenance.
            }
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        self.name = provenance.removeValue(forKey: "name")
            ?? (fileName.hasSuffix(".h5") ? String(fileName.dropLast(3)) : fileName)
        self.path = path
        self.modalities = modalities
        self.labels = labels
        self.classes = classes
        self.splits = splits
        self.attributes = attributes
        self.provenance = provenance
    }

    /// The number of items, `N`.
    public var count: Int { labels.rows }

    /// The labels packed for retrieval (relevance = sharing a label).
    public func labelSets() throws -> LabelSets {
        try LabelSets(multiHot: labels)
    }

    /// The labels of `items`, packed.
    public func labelSets(items: [Int]) throws -> LabelSets {
        var rows = Matrix<UInt8>(rows: items.count, columns: labels.columns, repeating: 0)
        for (row, item) in items.enumerated() {
            for column in 0..<labels.columns { rows[row, column] = labels[item, column] }
        }
        return try LabelSets(multiHot: rows)
    }

    /// The split called `name`, or `nil`.
    public func split(_ name: String) -> Split? {
        splits.first { $0.name == name }
    }

    /// The items whose labels include class `index`, in index order.
    public func items(ofClass index: Int) -> [Int] {
        (0..<count).filter { labels[$0, index] != 0 }
    }

    /// All features of `modality` (`N × D`).
    ///
    /// - Throws: ``DatasetError/unknownModality(file:modality:known:)`` or ``HDF5Error``.
    public func features(_ modality: String) throws -> Matrix<Float> {
        try checkModality(modality)
        return try HDF5File(reading: path).readMatrix("/features/\(modality)", as: Float.self)
    }

    /// The features of `modality` for `rows` (0-based items, in the order given),
    /// read block by block: memory holds the result and one block.
    ///
    /// - Throws: ``DatasetError/unknownModality(file:modality:known:)`` or ``HDF5Error``
    ///   (an index out of range names the dataset path and the index).
    public func features(_ modality: String, rows: [Int]) throws -> Matrix<Float> {
        try checkModality(modality)
        return try HDF5File(reading: path).readRows("/features/\(modality)", indices: rows, as: Float.self)
    }

    private func checkModality(_ modality: String) throws {
        guard modalities.contains(where: { $0.name == modality }) else {
            throw DatasetError.unknownModality(file: path, modality: modality, known: modalities.map(\.name))
        }
    }
}
