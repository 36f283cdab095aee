import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// The AWA2-shaped generator on a small shape: determinism, the split's sizes and
/// disjointness, class sizes, attributes, and class structure measured by a
/// nearest-class-mean classifier computed here from the features.
@Suite struct SyntheticAWA2Tests {
    static let shape = SyntheticAWA2.Shape(trainval: 1_200, testSeen: 300, testUnseen: 500, seenClasses: 8,
                                           unseenClasses: 4, validationClasses: 3, dimension: 256,
                                           attributes: 12, latentDimension: 16)
    static let generator = SyntheticAWA2(shape: shape)
    static let quiet = TimedPhases { _ in }
    static let reference = generator.contents(seed: 7, phases: quiet)

    static func part(_ contents: DatasetContents, _ name: String) -> [Int] {
        contents.splits.first { $0.name == "proposed" }?.parts.first { $0.name == name }?.items ?? []
    }

    static func classOfItem(_ contents: DatasetContents) -> [Int] {
        (0..<contents.count).map { item in (0..<contents.classes.count).first { contents.labels[item, $0] == 1 }! }
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let again = Self.generator.contents(seed: 7, phases: Self.quiet)
        let features = Self.reference.modalities[0].features
        #expect(features.elements.map(\.bitPattern) == again.modalities[0].features.elements.map(\.bitPattern))
        #expect(Self.reference.labels.elements == again.labels.elements)
        #expect(Self.part(Self.reference, "test_seen") == Self.part(again, "test_seen"))
    }

    @Test func differentSeedsDiffer() {
        let other = Self.generator.contents(seed: 8, phases: Self.quiet)
        #expect(Self.reference.modalities[0].features.elements != other.modalities[0].features.elements)
        #expect(Self.reference.labels.elements != other.labels.elements)
        #expect(Self.part(Self.reference, "test_unseen") != Self.part(other, "test_unseen"))
    }

    @Test func shapesAndNames() throws {
        let contents = Self.reference
        #expect(contents.name == "synthetic-awa2")
        #expect(contents.count == 2_000)
        #expect(contents.modalities.map(\.name) == ["features"])
        #expect(contents.modalities[0].features.shape == (2_000, 256))
        #expect(contents.labels.shape == (2_000, 12))
        #expect(contents.classes == (0..<12).map { String(format: "class-%02d", $0) })
        let attributes = try #require(contents.attributes)
        #expect(attributes.shape == (12, 12))
        #expect(attributes.elements.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(contents.modalities[0].features.elements.allSatisfy { $0 >= 0 && $0.isFinite })
        #expect(contents.provenance["generator"] == "synthetic-awa2")
        #expect(contents.provenance["seed"] == "7")
    }

    @Test func labelsAreOneHotWithUnequalClassSizes() {
        let contents = Self.reference
        #expect((0..<contents.count).allSatisfy { item in
            (0..<12).reduce(0) { $0 + Int(contents.labels[item, $1]) } == 1
        })
        var sizes = [Int](repeating: 0, count: 12)
        for label in Self.classOfItem(contents) { sizes[label] += 1 }
        // Averages: 1,500 / 8 seen = 187.5 and 500 / 4 unseen = 125; sizes lie
        // between 0.14 and 2.1 times the average.
        let unseen = Set(Self.classOfItem(contents).enumerated()
            .filter { Set(Self.part(contents, "test_unseen")).contains($0.offset) }.map(\.element))
        #expect(unseen.count == 4)
        for label in 0..<12 {
            let average = unseen.contains(label) ? 125.0 : 187.5
            #expect(Double(sizes[label]) >= (0.14 * average).rounded(.down) && Double(sizes[label]) <= 2.1 * average + 1)
        }
        #expect(sizes.max()! > 2 * sizes.min()!)
    }

    @Test func proposedSplitPartition() {
        let contents = Self.reference
        let classes = Self.classOfItem(contents)
        let trainval = Self.part(contents, "trainval"), testSeen = Self.part(contents, "test_seen")
        let testUnseen = Self.part(contents, "test_unseen")
        let train = Self.part(contents, "train"), validation = Self.part(contents, "val")
        #expect((trainval.count, testSeen.count, testUnseen.count) == (1_200, 300, 500))
        #expect((trainval + testSeen + testUnseen).sorted() == Array(0..<2_000))
        #expect((train + validation).sorted() == trainval)
        for part in [trainval, testSeen, testUnseen, train, validation] { #expect(part == part.sorted()) }

        let unseenClasses = Set(testUnseen.map { classes[$0] })
        let seenClasses = Set((trainval + testSeen).map { classes[$0] })
        #expect(unseenClasses.count == 4 && seenClasses.count == 8 && unseenClasses.isDisjoint(with: seenClasses))
        let validationClasses = Set(validation.map { classes[$0] })
        #expect(validationClasses.count == 3 && validationClasses.isDisjoint(with: Set(train.map { classes[$0] })))
    }

    /// Nearest class mean (Euclidean), with means from `fitItems`, on `testItems`.
    static func nearestMeanAccuracy(_ contents: DatasetContents, fitItems: [Int], testItems: [Int]) -> Double {
        let features = contents.modalities[0].features, classes = classOfItem(contents)
        let dimension = features.columns
        var sums: [Int: [Double]] = [:], counts: [Int: Int] = [:]
        for item in fitItems {
            var sum = sums[classes[item]] ?? [Double](repeating: 0, count: dimension)
            for (column, value) in features.row(item).enumerated() { sum[column] += Double(value) }
            sums[classes[item]] = sum
            counts[classes[item], default: 0] += 1
        }
        let means = sums.map { label, sum in (label: label, mean: sum.map { $0 / Double(counts[label]!) }) }
        var correct = 0
        for item in testItems {
            let row = Array(features.row(item))
            func squaredDistance(_ mean: [Double]) -> Double {
                (0..<dimension).reduce(0) { $0 + (mean[$1] - Double(row[$1])) * (mean[$1] - Double(row[$1])) }
            }
            let nearest = means.min { squaredDistance($0.mean) < squaredDistance($1.mean) }!.label
            if nearest == classes[item] { correct += 1 }
        }
        return Double(correct) / Double(testItems.count)
    }

    @Test func classStructureIsMeasurableButNotTrivial() {
        let contents = Self.reference
        let seen = Self.nearestMeanAccuracy(contents, fitItems: Self.part(contents, "trainval"),
                                            testItems: Self.part(contents, "test_seen"))
        let testUnseen = Self.part(contents, "test_unseen")
        let unseen = Self.nearestMeanAccuracy(contents, fitItems: testUnseen.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
                                              testItems: testUnseen.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
        // Measured for seed 7: seen 0.393 (8 classes, chance 0.125), unseen 0.636
        // (4 classes, chance 0.25). At the full shape (seed 1): 0.623 and 0.778.
        #expect(seen > 0.3 && seen < 0.5)
        #expect(unseen > 0.5 && unseen < 0.75)
    }

    @Test func writtenFileOpensAndValidates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("synthetic-awa2.h5")
        let contents = SyntheticDatasets.contents(of: Self.generator, seed: 7, hashlabVersion: "9.9.9",
                                                  phases: Self.quiet)
        try contents.write(to: path)
        let dataset = try Dataset(path: path)
        #expect(dataset.name == "synthetic-awa2")
        #expect(dataset.count == 2_000)
        #expect(dataset.modalities == [Dataset.Modality(name: "features", dimension: 256)])
        #expect(dataset.split("proposed")?.part("test_unseen") == Self.part(contents, "test_unseen"))
        #expect(dataset.attributes?.rows == 12 && dataset.attributes?.columns == 12)
        #expect(try dataset.features("features").elements == contents.modalities[0].features.elements)
        #expect(dataset.provenance["generator"] == "synthetic-awa2")
        #expect(dataset.provenance["seed"] == "7")
        #expect(dataset.provenance["hashlab_version"] == "9.9.9")
    }
}
