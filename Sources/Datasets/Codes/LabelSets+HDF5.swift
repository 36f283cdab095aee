import HashCore
import Linalg

extension HDF5File {
    /// Reads `uint8 [N, C]` multi-hot labels; entries other than 0 and 1 are an error
    /// naming the file, dataset and position.
    public func readLabels(_ datasetPath: String) throws -> LabelSets {
        let matrix = try readMatrix(datasetPath, as: UInt8.self)
        do {
            return try LabelSets(multiHot: matrix)
        } catch let error as LabelSetsError {
            throw CodeFileError.invalidValues(file: path, path: datasetPath, reason: error.description)
        }
    }

    /// Writes labels as a `uint8 [N, C]` multi-hot matrix.
    public func write(_ labels: LabelSets, to datasetPath: String) throws {
        var matrix = Matrix<UInt8>(rows: labels.count, columns: labels.classCount, repeating: 0)
        for item in 0..<labels.count {
            for label in 0..<labels.classCount where labels.contains(label, item: item) {
                matrix[item, label] = 1
            }
        }
        try write(matrix, to: datasetPath)
    }
}
