import Linalg

/// The structural checks of a hashlab dataset, shared by writing (on the contents in
/// memory) and opening (on the file, a block of rows at a time). Errors name `file`.
struct DatasetValidation {
    /// The file the errors name.
    let file: String

    /// Checks all of `contents`.
    func check(_ contents: DatasetContents) throws {
        guard !contents.modalities.isEmpty else { throw DatasetError.noModalities(file: file) }
        try checkLabels(contents.labels, firstRow: 0)
        try checkClasses(contents.classes.count, labelColumns: contents.labels.columns)
        for modality in contents.modalities {
            try checkName(modality.name)
            try checkRowCount(modality: modality.name, rows: modality.features.rows, expected: contents.count)
            try checkFinite(modality: modality.name, block: modality.features, firstRow: 0)
        }
        if let attributes = contents.attributes {
            try checkAttributes(rows: attributes.rows, classes: contents.classes.count)
        }
        for split in contents.splits {
            try checkName(split.name)
            for part in split.parts {
                try checkName(part.name)
                try checkSplit(split: split.name, part: part.name, items: part.items, count: contents.count)
            }
        }
    }

    func checkName(_ name: String) throws {
        guard !name.isEmpty, !name.contains("/") else {
            throw DatasetError.invalidName(file: file, name: name)
        }
    }

    func checkRowCount(modality: String, rows: Int, expected: Int) throws {
        guard rows == expected else {
            throw DatasetError.rowCountMismatch(file: file, modality: modality, rows: rows, expected: expected)
        }
    }

    func checkClasses(_ classes: Int, labelColumns: Int) throws {
        guard classes == labelColumns else {
            throw DatasetError.classCountMismatch(file: file, classes: classes, labelColumns: labelColumns)
        }
    }

    func checkAttributes(rows: Int, classes: Int) throws {
        guard rows == classes else {
            throw DatasetError.attributeRowMismatch(file: file, rows: rows, classes: classes)
        }
    }

    /// Checks a block of label rows that starts at row `firstRow` of the dataset.
    func checkLabels(_ block: Matrix<UInt8>, firstRow: Int) throws {
        if let offset = block.elements.firstIndex(where: { $0 > 1 }) {
            throw DatasetError.invalidLabel(file: file, row: firstRow + offset / block.columns,
                                            column: offset % block.columns, value: block.elements[offset])
        }
    }

    /// Checks a block of feature rows that starts at row `firstRow` of the dataset.
    func checkFinite(modality: String, block: Matrix<Float>, firstRow: Int) throws {
        let offset = block.elements.withUnsafeBufferPointer { buffer -> Int? in
            for index in buffer.indices where !buffer[index].isFinite { return index }
            return nil
        }
        if let offset {
            throw DatasetError.nonFiniteFeature(file: file, modality: modality,
                                                row: firstRow + offset / block.columns,
                                                column: offset % block.columns)
        }
    }

    func checkSplit<Index: BinaryInteger>(split: String, part: String, items: [Index], count: Int) throws {
        if let bad = items.first(where: { $0 < 0 || $0 >= count }) {
            throw DatasetError.splitIndexOutOfRange(file: file, split: split, part: part, index: Int(bad),
                                                    count: count)
        }
    }
}
