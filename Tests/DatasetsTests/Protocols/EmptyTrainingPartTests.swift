import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Regression (issue 16's probe): a cross-modal stored split with an empty train part
/// said "training (database items) asks for 0 items but only 0 are available"; it names
/// the split and its empty part.
@Suite struct EmptyTrainingPartTests {
    @Test func anEmptyTrainPartIsNamed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var labels = Matrix<UInt8>(rows: 10, columns: 2, repeating: 0)
        for item in 0..<10 { labels[item, item % 2] = 1 }
        let contents = DatasetContents(
            name: "toy", modalities: [.init(name: "x", features: Matrix(rows: 10, columns: 2, repeating: 1))],
            labels: labels, classes: ["a", "b"],
            splits: [.init(name: "queries-only", parts: [(name: "train", items: []), (name: "test", items: Array(0..<10))])])
        try contents.write(to: directory.path("toy.h5"))
        let dataset = try Dataset(path: directory.path("toy.h5"))
        #expect(throws: ProtocolError.emptySet(dataset: "toy", set: "training",
                                               reason: "the split \"queries-only\" has an empty train part")) {
            try CrossModalProtocol(storedSplit: "queries-only").split(dataset, seed: 0)
        }
    }
}
