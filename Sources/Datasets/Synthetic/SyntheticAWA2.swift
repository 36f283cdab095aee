import Foundation
import Linalg

/// Seeded synthetic data at the shape of AWA2 with ResNet-101 features (xlsa17):
/// 37,322 items × 2048 non-negative `features`, 50 classes of unequal size, 40 seen and
/// 10 unseen, 85 class attributes in `[0, 1]`, and the split `proposed` with the parts
/// `trainval` (23,527), `test_seen` (5,882), `test_unseen` (7,913), `train` and `val`.
///
/// The model, for an item of class `c`:
///
///     z = μ_c + itemSpread · ε               (latent, ε ~ N(0, I_L))
///     x = max(0, b + Wᵀz + noise · η)         (features, η ~ N(0, I_D))
///
/// with class means `μ_c ~ N(0, I_L)` in an `L`-dimensional latent space (64 by default),
/// a random map `W` (`L × D`, entries `N(0, 1/L)`) and per-feature offsets
/// `b ~ N(offset, 1)`. The class structure thus lives in a low-dimensional subspace
/// under heavy isotropic noise: learned projections can find it, random ones mostly
/// see noise. Attributes are `sigmoid(1.5 · Vᵀμ_c / √L + 0.5 · ξ)` with a random `V`
/// (`L × A`), so they correlate with the class means.
///
/// Class sizes are drawn between 0.14 and 2.1 times the average so that the seen
/// classes hold exactly `trainval + testSeen` items and the unseen ones `testUnseen`.
/// Items are in random order. `test_seen` is a uniform sample of the seen items and `trainval` the rest;
/// `val` is the `trainval` items of `validationClasses` random seen classes and `train`
/// the others. Every part is sorted.
public struct SyntheticAWA2: SyntheticGenerator {
    /// The sizes: items per part, classes, dimensions.
    public struct Shape: Sendable, Equatable {
        /// Seen-class training items (`trainval`).
        public var trainval: Int
        /// Seen-class test items (`test_seen`).
        public var testSeen: Int
        /// Unseen-class items (`test_unseen`), all of them.
        public var testUnseen: Int
        /// The number of seen classes.
        public var seenClasses: Int
        /// The number of unseen classes.
        public var unseenClasses: Int
        /// How many seen classes form the `val` part (the rest form `train`).
        public var validationClasses: Int
        /// The feature dimension `D`.
        public var dimension: Int
        /// The number of class attributes `A`.
        public var attributes: Int
        /// The latent dimension `L` holding the class structure.
        public var latentDimension: Int

        public init(trainval: Int, testSeen: Int, testUnseen: Int, seenClasses: Int, unseenClasses: Int,
                    validationClasses: Int, dimension: Int, attributes: Int, latentDimension: Int) {
            self.trainval = trainval
            self.testSeen = testSeen
            self.testUnseen = testUnseen
            self.seenClasses = seenClasses
            self.unseenClasses = unseenClasses
            self.validationClasses = validationClasses
            self.dimension = dimension
            self.attributes = attributes
            self.latentDimension = latentDimension
        }

        /// AWA2's shape (xlsa17's proposed split; 27 train and 13 val classes).
        public static let awa2 = Shape(trainval: 23_527, testSeen: 5_882, testUnseen: 7_913,
                                       seenClasses: 40, unseenClasses: 10, validationClasses: 13,
                                       dimension: 2048, attributes: 85, latentDimension: 64)

        /// The number of items.
        public var items: Int { trainval + testSeen + testUnseen }
        /// The number of classes.
        public var classes: Int { seenClasses + unseenClasses }
    }

    /// How strong the class structure is.
    public struct Structure: Sendable, Equatable {
        /// The standard deviation of an item's latent offset from its class mean (class
        /// means have unit variance per latent coordinate).
        public var itemSpread: Float
        /// The standard deviation of the isotropic noise on every feature.
        public var noise: Float
        /// The mean of the per-feature offsets `b`, which sets the fraction of zeros.
        public var offset: Float

        public init(itemSpread: Float, noise: Float, offset: Float) {
            self.itemSpread = itemSpread
            self.noise = noise
            self.offset = offset
        }

        /// The default: nearest-class-mean accuracy well above chance but far from 100%.
        public static let standard = Structure(itemSpread: 3, noise: 4, offset: 2)
    }

    public let name = "synthetic-awa2"
    public let shape: Shape
    public let structure: Structure

    public init(shape: Shape = .awa2, structure: Structure = .standard) {
        precondition(shape.seenClasses > 0 && shape.unseenClasses > 0
                     && (0..<shape.seenClasses).contains(shape.validationClasses),
                     "synthetic-awa2 needs seen and unseen classes and fewer validation than seen classes")
        precondition(shape.trainval + shape.testSeen >= shape.seenClasses && shape.testUnseen >= shape.unseenClasses
                     && shape.trainval > 0,
                     "synthetic-awa2 needs at least one item per class and a non-empty trainval part")
        self.shape = shape
        self.structure = structure
    }

    public var parameters: String {
        "trainval=\(shape.trainval) test_seen=\(shape.testSeen) test_unseen=\(shape.testUnseen) "
            + "seen=\(shape.seenClasses) unseen=\(shape.unseenClasses) val_classes=\(shape.validationClasses) "
            + "D=\(shape.dimension) A=\(shape.attributes) L=\(shape.latentDimension) "
            + "item_spread=\(structure.itemSpread) noise=\(structure.noise) offset=\(structure.offset)"
    }

    public func contents(seed: UInt64, phases: TimedPhases) -> DatasetContents {
        let classes = phases.run("classes") { drawClasses(seed: seed) }
        let model = phases.run("model") { drawModel(seed: seed) }
        let features = phases.run("features") { drawFeatures(model: model, classOfItem: classes.classOfItem, seed: seed) }
        let splits = phases.run("splits") { drawSplit(classes: classes, seed: seed) }

        var labels = Matrix<UInt8>(rows: shape.items, columns: shape.classes, repeating: 0)
        for (item, label) in classes.classOfItem.enumerated() { labels[item, label] = 1 }
        let width = String(shape.classes - 1).count
        let names = (0..<shape.classes).map { "class-" + String(repeating: "0", count: width - String($0).count) + String($0) }
        return DatasetContents(
            name: name, modalities: [.init(name: "features", features: features)], labels: labels,
            classes: names, splits: [splits], attributes: model.attributes,
            provenance: ["generator": name, "seed": String(seed), "parameters": parameters])
    }

    /// The class of every item and which classes are unseen.
    struct Classes {
        var classOfItem: [Int]
        var unseen: [Int]
    }

    /// Picks the unseen classes, draws class sizes and shuffles the items.
    func drawClasses(seed: UInt64) -> Classes {
        var generator = SeededGenerator(seed: seed, component: "\(name)/classes")
        let order = generator.permutation(shape.classes)
        let unseen = Array(order.prefix(shape.unseenClasses))
        let seen = Array(order.dropFirst(shape.unseenClasses))
        let seenSizes = ClassSizes.draw(total: shape.trainval + shape.testSeen, count: seen.count, generator: &generator)
        let unseenSizes = ClassSizes.draw(total: shape.testUnseen, count: unseen.count, generator: &generator)
        var classOfItem: [Int] = []
        classOfItem.reserveCapacity(shape.items)
        for (label, size) in zip(seen + unseen, seenSizes + unseenSizes) {
            classOfItem.append(contentsOf: repeatElement(label, count: size))
        }
        generator.shuffle(&classOfItem)
        return Classes(classOfItem: classOfItem, unseen: unseen.sorted())
    }

    /// The latent class means, the map into feature space, the offsets and the attributes.
    struct Model {
        /// `C × L` class means, row-major.
        var means: [Float]
        /// `L × D` map, row-major.
        var map: [Float]
        /// `D` offsets.
        var offsets: [Float]
        /// `C × A` attributes.
        var attributes: Matrix<Float>
    }

    func drawModel(seed: UInt64) -> Model {
        let latent = shape.latentDimension
        var generator = SeededGenerator(seed: seed, component: "\(name)/model")
        let means = generator.normalMatrix(rows: shape.classes, columns: latent, as: Float.self)
        let map = generator.normalMatrix(rows: latent, columns: shape.dimension, as: Float.self)
            .scaled(by: 1 / Float(latent).squareRoot())
        let offsets = (0..<shape.dimension).map { _ in structure.offset + Float(generator.normal()) }
        let loadings = generator.normalMatrix(rows: latent, columns: shape.attributes, as: Float.self)
        var attributes = Matrix<Float>.product(means, loadings, alpha: 1.5 / Float(latent).squareRoot())
        for index in attributes.elements.indices {
            let logit = attributes.elements[index] + 0.5 * Float(generator.normal())
            attributes.elements[index] = 1 / (1 + exp(-logit))
        }
        return Model(means: means.elements, map: map.elements, offsets: offsets, attributes: attributes)
    }

    /// Fills the `N × D` features row by row into one buffer, with one generator
    /// stream; the arithmetic is plain Swift in a fixed order, so a seed gives the
    /// same bytes whatever BLAS is installed.
    func drawFeatures(model: Model, classOfItem: [Int], seed: UInt64) -> Matrix<Float> {
        let latent = shape.latentDimension, dimension = shape.dimension
        var generator = SeededGenerator(seed: seed, component: "\(name)/features")
        var elements = [Float](repeating: 0, count: shape.items * dimension)
        var z = [Float](repeating: 0, count: latent)
        model.map.withUnsafeBufferPointer { map in
            elements.withUnsafeMutableBufferPointer { output in
                for (item, label) in classOfItem.enumerated() {
                    for k in 0..<latent {
                        z[k] = model.means[label * latent + k] + structure.itemSpread * Float(generator.normal())
                    }
                    let row = UnsafeMutableBufferPointer(rebasing: output[(item * dimension)..<((item + 1) * dimension)])
                    for j in 0..<dimension { row[j] = model.offsets[j] }
                    for k in 0..<latent {
                        let weight = z[k]
                        let mapRow = UnsafeBufferPointer(rebasing: map[(k * dimension)..<((k + 1) * dimension)])
                        for j in 0..<dimension { row[j] += weight * mapRow[j] }
                    }
                    for j in 0..<dimension {
                        row[j] = max(0, row[j] + structure.noise * Float(generator.normal()))
                    }
                }
            }
        }
        return Matrix(rows: shape.items, columns: dimension, elements: elements)
    }

    /// The `proposed` split: `trainval`, `test_seen`, `test_unseen`, `train`, `val`.
    func drawSplit(classes: Classes, seed: UInt64) -> DatasetContents.Split {
        var generator = SeededGenerator(seed: seed, component: "\(name)/split")
        let unseen = Set(classes.unseen)
        let seenItems = classes.classOfItem.indices.filter { !unseen.contains(classes.classOfItem[$0]) }
        let unseenItems = classes.classOfItem.indices.filter { unseen.contains(classes.classOfItem[$0]) }
        let testSeen = Set(generator.sample(shape.testSeen, from: seenItems.count).map { seenItems[$0] })
        let trainval = seenItems.filter { !testSeen.contains($0) }
        let seenClasses = (0..<shape.classes).filter { !unseen.contains($0) }
        let validation = Set(generator.sample(shape.validationClasses, from: seenClasses.count).map { seenClasses[$0] })
        return DatasetContents.Split(name: "proposed", parts: [
            ("trainval", trainval),
            ("test_seen", testSeen.sorted()),
            ("test_unseen", unseenItems),
            ("train", trainval.filter { !validation.contains(classes.classOfItem[$0]) }),
            ("val", trainval.filter { validation.contains(classes.classOfItem[$0]) }),
        ])
    }
}
