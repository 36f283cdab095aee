import Linalg

/// The labels of the seeded method fixtures: item i is in class i mod `classes`, and
/// with `multiLabel` also, with probability 0.4, in one other class drawn uniformly.
enum FixtureLabels {
    /// `count` items' labels (0/1) and each item's classes, drawing from `generator`.
    static func draw(_ count: Int, classes: Int, multiLabel: Bool, generator: inout SeededGenerator)
        -> (labels: Matrix<Float>, classes: [[Int]]) {
        var labels = Matrix<Float>(rows: count, columns: classes, repeating: 0)
        var itemClasses: [[Int]] = []
        for item in 0..<count {
            var ofItem = [item % classes]
            if multiLabel, generator.uniform() < 0.4 {
                ofItem.append((item % classes + 1 + generator.integer(below: classes - 1)) % classes)
            }
            for label in ofItem { labels[item, label] = 1 }
            itemClasses.append(ofItem)
        }
        return (labels, itemClasses)
    }
}
