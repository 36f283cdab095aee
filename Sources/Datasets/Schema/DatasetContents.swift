import Linalg

/// A whole dataset in memory, in the layout of DESIGN.md §4, as importers and
/// generators build it before writing it with ``DatasetContents/write(to:)``.
///
/// Item `i` is row `i` of every feature matrix and of `labels`. Labels are multi-hot
/// (`labels[i, c] == 1` when item `i` has class `c`; single-label data is one-hot).
/// Split parts are 0-based item indices.
public struct DatasetContents: Sendable {
    /// The dataset's short name (`mfeat`, `awa2`, `synthetic-awa2`, …).
    public var name: String
    /// The feature matrices in order, one per modality (`image`, `text`, `fac`, …),
    /// each `N × D_m`.
    public var modalities: [Modality]
    /// `N × C` multi-hot labels.
    public var labels: Matrix<UInt8>
    /// The `C` class names, in label-column order.
    public var classes: [String]
    /// Named splits, each with named parts of 0-based item indices (e.g.
    /// `proposed` → `trainval`, `test_seen`, `test_unseen`).
    public var splits: [Split]
    /// Optional `C × A` class attributes (AWA2's 85 attributes).
    public var attributes: Matrix<Float>?
    /// Where the data came from: `source`, `licence`, `citation`, `sha256:<file>`,
    /// generator parameters. Written as root string attributes.
    public var provenance: [String: String]

    /// One modality's features.
    public struct Modality: Sendable {
        /// The modality's name, the last component of `/features/<name>`.
        public var name: String
        /// `N × D` features.
        public var features: Matrix<Float>

        public init(name: String, features: Matrix<Float>) {
            self.name = name
            self.features = features
        }
    }

    /// One named split: parts of 0-based item indices.
    public struct Split: Sendable {
        /// The split's name, as in `/splits/<name>`.
        public var name: String
        /// The parts in order, each a name and its item indices.
        public var parts: [(name: String, items: [Int])]

        public init(name: String, parts: [(name: String, items: [Int])]) {
            self.name = name
            self.parts = parts
        }
    }

    public init(name: String, modalities: [Modality], labels: Matrix<UInt8>, classes: [String],
                splits: [Split] = [], attributes: Matrix<Float>? = nil,
                provenance: [String: String] = [:]) {
        self.name = name
        self.modalities = modalities
        self.labels = labels
        self.classes = classes
        self.splits = splits
        self.attributes = attributes
        self.provenance = provenance
    }

    /// The number of items, `N`.
    public var count: Int { labels.rows }
}
