import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// The MIRFlickr-shaped generator on a small shape: determinism, label counts, text
/// sparsity, tags that depend on labels, the `lemon` split, and the written file.
@Suite struct SyntheticMIRFlickrTests {
    static let shape = SyntheticMIRFlickr.Shape(train: 1_800, test: 200, labels: 24, imageDimension: 64,
                                                textDimension: 300)
    static let generator = SyntheticMIRFlickr(shape: shape)
    static let quiet = TimedPhases { _ in }
    static let reference = generator.contents(seed: 3, phases: quiet)

    static func features(_ contents: DatasetContents, _ modality: String) -> Matrix<Float> {
        contents.modalities.first { $0.name == modality }!.features
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let again = Self.generator.contents(seed: 3, phases: Self.quiet)
        for modality in ["image", "text"] {
            #expect(Self.features(Self.reference, modality).elements.map(\.bitPattern)
                    == Self.features(again, modality).elements.map(\.bitPattern))
        }
        #expect(Self.reference.labels.elements == again.labels.elements)
    }

    @Test func differentSeedsDiffer() {
        let other = Self.generator.contents(seed: 4, phases: Self.quiet)
        #expect(Self.features(Self.reference, "image").elements != Self.features(other, "image").elements)
        #expect(Self.features(Self.reference, "text").elements != Self.features(other, "text").elements)
        #expect(Self.reference.labels.elements != other.labels.elements)
    }

    @Test func shapes() {
        let contents = Self.reference
        #expect(contents.name == "synthetic-mirflickr")
        #expect(contents.count == 2_000)
        #expect(contents.modalities.map(\.name) == ["image", "text"])
        #expect(Self.features(contents, "image").columns == 64 && Self.features(contents, "text").columns == 300)
        #expect(contents.classes.count == 24 && contents.classes.first == "label-00")
        #expect(Self.features(contents, "image").elements.allSatisfy { $0 >= 0 && $0.isFinite })
        #expect(Self.features(contents, "image").elements.filter { $0 > 0 }.count > 1_900 * 64)
    }

    @Test func multiHotLabelCounts() {
        let labels = Self.reference.labels
        let perItem = (0..<labels.rows).map { item in (0..<24).reduce(0) { $0 + Int(labels[item, $1]) } }
        #expect(perItem.allSatisfy { $0 >= 1 })
        let mean = Double(perItem.reduce(0, +)) / Double(labels.rows)
        #expect(mean >= 3 && mean <= 4)
        let frequencies = (0..<24).map { label in
            Double((0..<labels.rows).reduce(0) { $0 + Int(labels[$1, label]) }) / Double(labels.rows)
        }
        // 40% falling to 2.5%, plus the few items that had no label.
        #expect(frequencies.max()! >= 0.40 && frequencies.max()! < 0.42)
        #expect(frequencies.min()! >= 0.025 && frequencies.min()! < 0.035)
    }

    @Test func textIsSparseBagOfTags() {
        let text = Self.features(Self.reference, "text")
        var ones = 0, nonZeros = 0
        for item in 0..<text.rows {
            let row = text.row(item).filter { $0 != 0 }
            #expect((5...15).contains(row.count), "item \(item) has \(row.count) tags")
            #expect(row.allSatisfy { $0 >= 1 && $0 == $0.rounded() })
            ones += row.filter { $0 == 1 }.count
            nonZeros += row.count
        }
        #expect(Double(ones) / Double(nonZeros) > 0.8)
        #expect(text.elements.allSatisfy { $0 >= 0 })
    }

    /// Every label has a tag on at least a fifth of its items and more than three
    /// times as frequent among them as among the other items.
    @Test func tagsDependOnLabels() {
        let contents = Self.reference, text = Self.features(contents, "text")
        for label in 0..<24 {
            let with = (0..<contents.count).filter { contents.labels[$0, label] == 1 }
            let without = (0..<contents.count).filter { contents.labels[$0, label] == 0 }
            func rate(_ items: [Int], _ tag: Int) -> Double {
                Double(items.filter { text[$0, tag] > 0 }.count) / Double(items.count)
            }
            let marker = (0..<text.columns).first { rate(with, $0) >= 0.2 && rate(with, $0) > 3 * rate(without, $0) }
            #expect(marker != nil, "label \(label) has no tag of its own")
        }
    }

    @Test func lemonSplit() {
        let parts = Self.reference.splits.first { $0.name == "lemon" }!.parts
        #expect(parts.map(\.name) == ["train", "test"])
        #expect(parts[0].items.count == 1_800 && parts[1].items.count == 200)
        #expect((parts[0].items + parts[1].items).sorted() == Array(0..<2_000))
        #expect(parts[1].items == parts[1].items.sorted())
        let other = Self.generator.contents(seed: 4, phases: Self.quiet).splits[0].parts[1].items
        #expect(other != parts[1].items)
    }

    @Test func writtenFileOpensAndValidates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("synthetic-mirflickr.h5")
        try SyntheticDatasets.contents(of: Self.generator, seed: 3, hashlabVersion: "9.9.9", phases: Self.quiet)
            .write(to: path)
        let dataset = try Dataset(path: path)
        #expect(dataset.name == "synthetic-mirflickr")
        #expect(dataset.modalities == [Dataset.Modality(name: "image", dimension: 64),
                                       Dataset.Modality(name: "text", dimension: 300)])
        #expect(dataset.split("lemon")?.part("test")?.count == 200)
        #expect(try dataset.features("text").elements == Self.features(Self.reference, "text").elements)
        #expect(dataset.provenance["seed"] == "3")
        #expect(dataset.provenance["generator"] == "synthetic-mirflickr")
    }
}
