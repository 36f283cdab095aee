import CHDF5
import Linalg

extension HDF5File {
    /// Rows `range` of the 2-D dataset at `datasetPath`, read with one hyperslab
    /// selection: only those rows are read from the file.
    ///
    /// - Throws: as ``readMatrix(_:as:)``, and ``HDF5Error/rowsOutOfRange(file:path:rows:count:)``
    ///   when `range` is not within the dataset's rows.
    public func readRows<T: HDF5Scalar>(_ datasetPath: String, _ range: Range<Int>,
                                        as type: T.Type = T.self) throws -> Matrix<T> {
        try withMatrixDataset(datasetPath, as: T.self) { dataset, rows, columns, absolutePath in
            guard range.lowerBound >= 0, range.upperBound <= rows else {
                throw HDF5Error.rowsOutOfRange(file: path, path: absolutePath,
                                                rows: range.lowerBound..<range.upperBound, count: rows)
            }
            return try readBlock(dataset, at: absolutePath, firstRow: range.lowerBound, rows: range.count,
                                 columns: columns)
        }
    }

    /// The rows `indices` of the 2-D dataset at `datasetPath`, in the order given
    /// (repeats allowed).
    ///
    /// The dataset is read in contiguous blocks of about `blockBytes` bytes, skipping
    /// blocks that hold none of the rows, and each wanted row is copied from its block
    /// into place, so memory holds the result plus one block, never the whole dataset.
    ///
    /// - Throws: as ``readRows(_:_:as:)``; ``HDF5Error/rowsOutOfRange(file:path:rows:count:)``
    ///   names the first index outside the dataset.
    public func readRows<T: HDF5Scalar>(_ datasetPath: String, indices: [Int], as type: T.Type = T.self,
                                        blockBytes: Int = 8 << 20) throws -> Matrix<T> {
        try withMatrixDataset(datasetPath, as: T.self) { dataset, rows, columns, absolutePath in
            if let bad = indices.first(where: { $0 < 0 || $0 >= rows }) {
                throw HDF5Error.rowsOutOfRange(file: path, path: absolutePath, rows: bad..<(bad + 1), count: rows)
            }
            let blockRows = max(1, blockBytes / max(1, columns * MemoryLayout<T>.stride))
            let order = indices.indices.sorted { (indices[$0], $0) < (indices[$1], $1) }
            // Every row of the result is written below (each position of `indices` once).
            var result = Matrix<T>(rows: indices.count, columns: columns,
                                   elements: [T](unsafeUninitializedCapacity: indices.count * columns) { _, count in
                                       count = indices.count * columns
                                   })
            var next = 0
            while next < order.count {
                let firstRow = indices[order[next]] / blockRows * blockRows
                let endRow = min(rows, firstRow + blockRows)
                let block: Matrix<T> = try readBlock(dataset, at: absolutePath, firstRow: firstRow,
                                                     rows: endRow - firstRow, columns: columns)
                block.elements.withUnsafeBufferPointer { source in
                    result.elements.withUnsafeMutableBufferPointer { target in
                        while next < order.count, indices[order[next]] < endRow {
                            let position = order[next]
                            let from = (indices[position] - firstRow) * columns
                            for column in 0..<columns {
                                target[position * columns + column] = source[from + column]
                            }
                            next += 1
                        }
                    }
                }
            }
            return result
        }
    }

    /// Calls `body` with the block of rows `firstRow...` (as many as fit a block of
    /// about `blockBytes` bytes) for every block of the 2-D dataset in order, so a
    /// large dataset can be checked or summarised in bounded memory. `body` gets the
    /// block and the index of its first row.
    ///
    /// - Throws: as ``readRows(_:_:as:)``, and whatever `body` throws.
    public func forEachRowBlock<T: HDF5Scalar>(_ datasetPath: String, as type: T.Type = T.self,
                                               blockBytes: Int = 8 << 20,
                                               _ body: (Matrix<T>, Int) throws -> Void) throws {
        try withMatrixDataset(datasetPath, as: T.self) { dataset, rows, columns, absolutePath in
            let blockRows = max(1, blockBytes / max(1, columns * MemoryLayout<T>.stride))
            for firstRow in stride(from: 0, to: rows, by: blockRows) {
                let block: Matrix<T> = try readBlock(dataset, at: absolutePath, firstRow: firstRow,
                                                     rows: min(blockRows, rows - firstRow), columns: columns)
                try body(block, firstRow)
            }
        }
    }

    /// Opens the 2-D dataset at `datasetPath`, checks `T` against its element type and
    /// calls `body` with the dataset, its rows, columns and absolute path.
    private func withMatrixDataset<T: HDF5Scalar, Result>(
        _ datasetPath: String, as type: T.Type,
        _ body: (hid_t, Int, Int, String) throws -> Result
    ) throws -> Result {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        let dataset = try openObject(absolutePath, kind: .dataset)
        defer { H5Oclose(dataset) }
        let shape = try dataspaceShape(of: dataset, at: absolutePath)
        guard shape.count == 2 else {
            throw HDF5Error.wrongRank(file: path, path: absolutePath, expected: 2, found: shape)
        }
        let datatype = H5Dget_type(dataset)
        guard datatype >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Tclose(datatype) }
        let found = HDF5ElementType(datatype: datatype)
        guard found == T.hdf5ElementType else {
            throw HDF5Error.wrongType(file: path, path: absolutePath, expected: T.hdf5ElementType, found: found)
        }
        return try body(dataset, shape[0], shape[1], absolutePath)
    }

    /// Reads `rows` rows starting at `firstRow`; `columns` must be the dataset's column
    /// count.
    private func readBlock<T: HDF5Scalar>(_ dataset: hid_t, at absolutePath: String, firstRow: Int,
                                          rows: Int, columns: Int) throws -> Matrix<T> {
        let count = rows * columns
        guard count > 0 else { return Matrix(rows: rows, columns: columns, elements: [T]()) }
        let fileSpace = H5Dget_space(dataset)
        guard fileSpace >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Sclose(fileSpace) }
        var start: [hsize_t] = [hsize_t(firstRow), 0]
        var extent: [hsize_t] = [hsize_t(rows), hsize_t(columns)]
        guard H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, &start, nil, &extent, nil) >= 0 else {
            throw HDF5Error.readFailed(file: path, path: absolutePath)
        }
        let memorySpace = H5Screate_simple(2, &extent, nil)
        guard memorySpace >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Sclose(memorySpace) }
        let elements = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let status = H5Dread(dataset, T._hdf5MemoryType, memorySpace, fileSpace, hashlab_H5P_DEFAULT(),
                                 buffer.baseAddress)
            guard status >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
            initialized = count
        }
        return Matrix(rows: rows, columns: columns, elements: elements)
    }
}
