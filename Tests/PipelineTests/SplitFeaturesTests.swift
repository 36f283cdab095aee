import Datasets
import Foundation
import Linalg
@testable import Pipeline
import Testing
import TestSupport

/// A run's features are preprocessed with statistics of its training items alone:
/// on the 4-cluster dataset, trained on classes a and b, the queries (classes c and
/// d, elsewhere in space) are standardised by the training means and deviations,
/// computed here independently, and keep a mean far from zero.
@Suite struct SplitFeaturesTests {
    /// The 4-cluster dataset in `directory` and its zero-shot split with unseen c and d.
    static func clusters(in directory: TemporaryDirectory) throws -> (Dataset, ProtocolSplit) {
        let path = directory.path("clusters.h5")
        try ClusterDataset.write(to: path)
        let dataset = try Dataset(path: path)
        return (dataset, try ZeroShotProtocol(unseen: .classes(["c", "d"]), queries: 10).split(dataset, seed: 4))
    }

    @Test func zscoreUsesTheTrainingItemsStatisticsForEverySet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (dataset, split) = try Self.clusters(in: directory)
        let features = try SplitFeatures(dataset: dataset, split: split, modality: "x", preprocessing: .zscore)

        let training = try dataset.features("x", rows: split.training)
        let count = Double(training.rows)
        let means = (0..<training.columns).map { column in training.column(column).map(Double.init).reduce(0, +) / count }
        let deviations = (0..<training.columns).map { column in
            (training.column(column).map { (Double($0) - means[column]) * (Double($0) - means[column]) }
                .reduce(0, +) / count).squareRoot()
        }
        for (set, items, transformed) in [("training", split.training, features.training),
                                          ("queries", split.queries, features.queries),
                                          ("database", split.database, features.database)] {
            let raw = try dataset.features("x", rows: items)
            #expect(transformed.rows == items.count, "\(set)")
            for row in 0..<raw.rows {
                for column in 0..<raw.columns {
                    let expected = (Double(raw[row, column]) - means[column]) / deviations[column]
                    #expect(abs(Double(transformed[row, column]) - expected) < 1e-5, "\(set) (\(row), \(column))")
                }
            }
        }
        // Standardised on training; the queries' own means stay well away from zero.
        for column in 0..<training.columns {
            #expect(abs(features.training.column(column).map(Double.init).reduce(0, +) / count) < 1e-5)
        }
        let queryMeans = (0..<features.queries.columns).map { column in
            features.queries.column(column).map(Double.init).reduce(0, +) / Double(features.queries.rows)
        }
        #expect(queryMeans.contains { abs($0) > 0.5 })
    }

    @Test func noneReadsTheFeaturesAsStored() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (dataset, split) = try Self.clusters(in: directory)
        let features = try SplitFeatures(dataset: dataset, split: split, modality: "x", preprocessing: .none)
        #expect(features.training == (try dataset.features("x", rows: split.training)))
        #expect(features.queries == (try dataset.features("x", rows: split.queries)))
        #expect(features.database == (try dataset.features("x", rows: split.database)))
    }
}
