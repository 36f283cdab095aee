import Foundation
import Linalg

/// Seeded synthetic data at the shape of MIRFlickr-25K as the cross-modal hashing
/// papers use it: 20,015 items, a dense non-negative 512-d `image` modality (like GIST),
/// a sparse non-negative 1,386-d `text` modality (bag of tags), 24 multi-hot labels,
/// and the split `lemon` with the parts `train` (18,015) and `test` (2,000).
///
/// The model:
///
/// - Labels: label `l` is on for the `round(p_l · N)` items with the highest scores
///   `λ_lᵀu_i + e_il` (`u_i ~ N(0, I_8)`, loadings `λ_l ~ N(0, I/8)`, `e ~ N(0, 1)`), so
///   labels co-occur through the shared factors `u`. The prevalences `p_l` fall
///   geometrically from `mostPrevalent` (40%) to `leastPrevalent` (2.5%), about 3.3
///   labels per item. An item left without labels gets the one whose score is nearest
///   its threshold, so every item has at least one.
/// - Image: `max(0, b + gain · Pᵀh_i + noise · η)` with `h_i` the normalized sum of the
///   item's label embeddings (`N(0, I_32)` each) plus `N(0, 0.7² I)` noise, a random map
///   `P` (`32 × 512`, entries `N(0, 1/32)`), offsets `b ~ N(0.12, 0.04²)`.
/// - Text: each item gets `minimumTags…maximumTags` distinct tags (uniform). A tag is
///   drawn, with probability `labelTagShare`, from the Zipf-weighted favourite tags of
///   one of the item's labels (chosen uniformly), otherwise from a Zipf-weighted
///   background over all tags; the weight is how often it was drawn (mostly 1).
public struct SyntheticMIRFlickr: SyntheticGenerator {
    /// The sizes.
    public struct Shape: Sendable, Equatable {
        /// Items in the `train` part.
        public var train: Int
        /// Items in the `test` part.
        public var test: Int
        /// The number of labels.
        public var labels: Int
        /// The image dimension.
        public var imageDimension: Int
        /// The text (tag vocabulary) dimension.
        public var textDimension: Int

        public init(train: Int, test: Int, labels: Int, imageDimension: Int, textDimension: Int) {
            self.train = train
            self.test = test
            self.labels = labels
            self.imageDimension = imageDimension
            self.textDimension = textDimension
        }

        /// MIRFlickr-25K's shape (LEMON's split).
        public static let mirflickr = Shape(train: 18_015, test: 2_000, labels: 24,
                                            imageDimension: 512, textDimension: 1_386)

        /// The number of items.
        public var items: Int { train + test }
    }

    /// How the labels and tags are distributed.
    public struct Structure: Sendable, Equatable {
        /// The fraction of items with the most frequent label.
        public var mostPrevalent: Double
        /// The fraction of items with the least frequent label.
        public var leastPrevalent: Double
        /// The fewest distinct tags an item has.
        public var minimumTags: Int
        /// The most distinct tags an item has.
        public var maximumTags: Int
        /// The probability that a tag is drawn from a label's favourite tags.
        public var labelTagShare: Double
        /// How many favourite tags each label has.
        public var tagsPerLabel: Int

        public init(mostPrevalent: Double, leastPrevalent: Double, minimumTags: Int, maximumTags: Int,
                    labelTagShare: Double, tagsPerLabel: Int) {
            self.mostPrevalent = mostPrevalent
            self.leastPrevalent = leastPrevalent
            self.minimumTags = minimumTags
            self.maximumTags = maximumTags
            self.labelTagShare = labelTagShare
            self.tagsPerLabel = tagsPerLabel
        }

        /// The default, close to MIRFlickr-25K's label and tag statistics.
        public static let standard = Structure(mostPrevalent: 0.40, leastPrevalent: 0.025, minimumTags: 5,
                                               maximumTags: 15, labelTagShare: 0.75, tagsPerLabel: 40)
    }

    /// The latent dimensions of the label factors and of the image model.
    static let labelFactors = 8
    static let imageLatent = 32

    public let name = "synthetic-mirflickr"
    public let shape: Shape
    public let structure: Structure

    public init(shape: Shape = .mirflickr, structure: Structure = .standard) {
        precondition(shape.train > 0 && shape.test > 0 && shape.labels > 1,
                     "synthetic-mirflickr needs train and test items and at least two labels")
        precondition(0 < structure.minimumTags && structure.minimumTags <= structure.maximumTags
                     && structure.maximumTags <= shape.textDimension
                     && structure.tagsPerLabel <= shape.textDimension,
                     "synthetic-mirflickr needs 0 < minimumTags ≤ maximumTags ≤ text dimension")
        self.shape = shape
        self.structure = structure
    }

    public var parameters: String {
        "train=\(shape.train) test=\(shape.test) labels=\(shape.labels) image=\(shape.imageDimension) "
            + "text=\(shape.textDimension) prevalence=\(structure.mostPrevalent)…\(structure.leastPrevalent) "
            + "tags=\(structure.minimumTags)…\(structure.maximumTags) label_tag_share=\(structure.labelTagShare) "
            + "tags_per_label=\(structure.tagsPerLabel)"
    }

    /// The prevalence of each label, falling geometrically.
    public var prevalences: [Double] {
        let ratio = structure.leastPrevalent / structure.mostPrevalent
        return (0..<shape.labels).map {
            structure.mostPrevalent * pow(ratio, Double($0) / Double(shape.labels - 1))
        }
    }

    public func contents(seed: UInt64, phases: TimedPhases) -> DatasetContents {
        let labels = phases.run("labels") { drawLabels(seed: seed) }
        let image = phases.run("image") { drawImage(labels: labels, seed: seed) }
        let text = phases.run("text") { drawText(labels: labels, seed: seed) }
        let split = phases.run("splits") { drawSplit(seed: seed) }
        let width = String(shape.labels - 1).count
        let names = (0..<shape.labels).map { "label-" + String(repeating: "0", count: width - String($0).count) + String($0) }
        return DatasetContents(
            name: name, modalities: [.init(name: "image", features: image), .init(name: "text", features: text)],
            labels: labels, classes: names, splits: [split],
            provenance: ["generator": name, "seed": String(seed), "parameters": parameters])
    }

    /// The multi-hot labels: per label, the items with the top scores.
    func drawLabels(seed: UInt64) -> Matrix<UInt8> {
        let items = shape.items, labelCount = shape.labels, factors = Self.labelFactors
        var generator = SeededGenerator(seed: seed, component: "\(name)/labels")
        let loadings = generator.normalMatrix(rows: labelCount, columns: factors, as: Double.self)
            .scaled(by: 1 / Double(factors).squareRoot())
        var scores = [Double](repeating: 0, count: items * labelCount)
        var u = [Double](repeating: 0, count: factors)
        for item in 0..<items {
            for k in 0..<factors { u[k] = generator.normal() }
            for label in 0..<labelCount {
                var score = generator.normal()
                for k in 0..<factors { score += loadings[label, k] * u[k] }
                scores[item * labelCount + label] = score
            }
        }
        var labels = Matrix<UInt8>(rows: items, columns: labelCount, repeating: 0)
        var thresholds = [Double](repeating: 0, count: labelCount)
        for (label, prevalence) in prevalences.enumerated() {
            let count = min(items, max(1, Int((prevalence * Double(items)).rounded())))
            let score = { (item: Int) in scores[item * labelCount + label] }
            let ranked = (0..<items).sorted { score($0) != score($1) ? score($0) > score($1) : $0 < $1 }
            for item in ranked.prefix(count) { labels[item, label] = 1 }
            thresholds[label] = score(ranked[count - 1])
        }
        for item in 0..<items where (0..<labelCount).allSatisfy({ labels[item, $0] == 0 }) {
            let nearest = (0..<labelCount).max {
                scores[item * labelCount + $0] - thresholds[$0] < scores[item * labelCount + $1] - thresholds[$1]
            }!
            labels[item, nearest] = 1
        }
        return labels
    }

    /// The dense image features, driven by the label embeddings.
    func drawImage(labels: Matrix<UInt8>, seed: UInt64) -> Matrix<Float> {
        let latent = Self.imageLatent, dimension = shape.imageDimension
        var generator = SeededGenerator(seed: seed, component: "\(name)/image")
        let embeddings = generator.normalMatrix(rows: shape.labels, columns: latent, as: Float.self)
        let map = generator.normalMatrix(rows: latent, columns: dimension, as: Float.self)
        let mapScale = 1 / Float(latent).squareRoot()
        let offsets = (0..<dimension).map { _ in 0.12 + 0.04 * Float(generator.normal()) }
        let gain: Float = 0.04, noise: Float = 0.04
        var features = Matrix<Float>(rows: shape.items, columns: dimension, repeating: 0)
        var h = [Float](repeating: 0, count: latent)
        for item in 0..<shape.items {
            let owned = (0..<shape.labels).filter { labels[item, $0] == 1 }
            let normalization = 1 / Float(owned.count).squareRoot()
            for k in 0..<latent {
                h[k] = 0.7 * Float(generator.normal()) + normalization * owned.reduce(0) { $0 + embeddings[$1, k] }
            }
            for j in 0..<dimension {
                var projection: Float = 0
                for k in 0..<latent { projection += h[k] * map[k, j] }
                let value = offsets[j] + gain * mapScale * projection + noise * Float(generator.normal())
                features[item, j] = max(0, value)
            }
        }
        return features
    }

    /// The sparse bag-of-tags features.
    func drawText(labels: Matrix<UInt8>, seed: UInt64) -> Matrix<Float> {
        let vocabulary = shape.textDimension
        var generator = SeededGenerator(seed: seed, component: "\(name)/text")
        let background = generator.permutation(vocabulary)
        let favourites = (0..<shape.labels).map { _ in generator.sample(structure.tagsPerLabel, from: vocabulary) }
        let backgroundSampler = WeightedSampler.zipf(count: vocabulary, exponent: 1)
        let favouriteSampler = WeightedSampler.zipf(count: structure.tagsPerLabel, exponent: 1)
        let tagRange = structure.maximumTags - structure.minimumTags + 1
        var features = Matrix<Float>(rows: shape.items, columns: vocabulary, repeating: 0)
        for item in 0..<shape.items {
            let owned = (0..<shape.labels).filter { labels[item, $0] == 1 }
            let wanted = structure.minimumTags + generator.integer(below: tagRange)
            var distinct = 0
            while distinct < wanted {
                let tag: Int
                if generator.uniform() < structure.labelTagShare {
                    let label = owned[generator.integer(below: owned.count)]
                    tag = favourites[label][favouriteSampler.draw(&generator)]
                } else {
                    tag = background[backgroundSampler.draw(&generator)]
                }
                if features[item, tag] == 0 { distinct += 1 }
                features[item, tag] += 1
            }
        }
        return features
    }

    /// The `lemon` split: a random `test` part and the rest as `train`, both sorted.
    func drawSplit(seed: UInt64) -> DatasetContents.Split {
        var generator = SeededGenerator(seed: seed, component: "\(name)/split")
        let order = generator.permutation(shape.items)
        return DatasetContents.Split(name: "lemon", parts: [
            ("train", order.dropFirst(shape.test).sorted()),
            ("test", order.prefix(shape.test).sorted()),
        ])
    }
}
