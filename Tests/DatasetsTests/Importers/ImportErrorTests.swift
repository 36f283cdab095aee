import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Every import failure names the case, the file and the variable, and leaves no
/// output file (and an earlier file at the output path untouched).
@Suite struct ImportErrorTests {
    typealias F = Xlsa17Fixture

    /// Expects an xlsa17 import of `res101` + `attSplits` (v5 compressed) to fail with
    /// `expected(res101 path, att_splits path)` and write nothing.
    static func expectXlsa17Failure<E: Error & Equatable>(
        res101: [MATTestVariable] = F.res101(), attSplits: [MATTestVariable] = F.attSplits(),
        layout: MATLayout = .v5Compressed, sourceLocation: SourceLocation = #_sourceLocation,
        _ expected: (String, String) -> E
    ) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: layout, res101: res101, attSplits: attSplits)
        try expectNothingWritten(expected(res, att), in: directory, sourceLocation: sourceLocation) { out in
            try runImport(.xlsa17, files: [res, att], to: out)
        }
    }

    /// Expects a lemon-mirflickr import of `variables` to fail with `expected(path)`.
    static func expectLemonFailure<E: Error & Equatable>(
        _ variables: [MATTestVariable], sourceLocation: SourceLocation = #_sourceLocation,
        _ expected: (String) -> E
    ) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("MIRFLICKR.mat")
        try MATLayout.v5.write(variables, to: path)
        try expectNothingWritten(expected(path), in: directory, sourceLocation: sourceLocation) { out in
            try runImport(.lemonMIRFlickr, files: [path], to: out)
        }
    }

    // MARK: - Missing variables

    @Test(arguments: [MATLayout.v5Compressed, .v73])
    func missingVariable(_ layout: MATLayout) throws {
        try Self.expectXlsa17Failure(attSplits: F.attSplits().replacing("att", with: nil), layout: layout) {
            ImportError.missingVariable(variable: "att", files: [$0, $1])
        }
        try Self.expectXlsa17Failure(attSplits: F.attSplits().replacing("val_loc", with: nil), layout: layout) {
            ImportError.missingVariable(variable: "val_loc", files: [$0, $1])
        }
        try Self.expectLemonFailure(LemonMIRFlickrImportTests.variables().replacing("T_te", with: nil)) {
            ImportError.missingVariable(variable: "T_te", files: [$0])
        }
    }

    // MARK: - Counts and orientation

    @Test func featuresWithoutAnAxisOfTheLabelCount() throws {
        let features = (0..<F.items - 1).map { item in (0..<F.dimension).map { F.feature(item, $0) } }
        try Self.expectXlsa17Failure(
            res101: F.res101().replacing("features", with: itemMatrix("features", features, itemsInColumns: true))) {
            res, _ in
            ImportError.countMismatch(file: res, variable: "features", found: F.items - 1, expected: F.items,
                                      reference: "\(res) \"labels\"")
        }
    }

    @Test func squareFeaturesCannotBeOriented() throws {
        let features = (0..<F.items).map { item in (0..<F.items).map { F.feature(item, $0) } }
        try Self.expectXlsa17Failure(
            res101: F.res101().replacing("features", with: .matrix("features", .double, rows: features))) { res, _ in
            ImportError.unresolvedOrientation(file: res, variable: "features", dimensions: [F.items, F.items],
                                              items: F.items)
        }
    }

    @Test func attributesWithoutAnAxisOfTheClassCount() throws {
        try Self.expectXlsa17Failure(
            attSplits: F.attSplits().replacing("att", with: .matrix("att", .double, rows: [[1, 2, 3], [4, 5, 6]]))) {
            _, att in
            ImportError.unresolvedOrientation(file: att, variable: "att", dimensions: [2, 3], items: 4)
        }
    }

    @Test func lemonFeaturesWithoutAnAxisOfTheLabelCount() throws {
        let image = LemonMIRFlickrImportTests.values(0..<11, 4, LemonMIRFlickrImportTests.image)
        try Self.expectLemonFailure(LemonMIRFlickrImportTests.variables()
            .replacing("I_tr", with: .matrix("I_tr", .double, rows: image))) {
            ImportError.unresolvedOrientation(file: $0, variable: "I_tr", dimensions: [11, 4], items: 12)
        }
    }

    @Test func lemonTestFeaturesOfAnotherDimension() throws {
        let text = LemonMIRFlickrImportTests.values(12..<17, 6, LemonMIRFlickrImportTests.text)
        try Self.expectLemonFailure(LemonMIRFlickrImportTests.variables()
            .replacing("T_te", with: .matrix("T_te", .double, rows: text))) {
            ImportError.countMismatch(file: $0, variable: "T_te", found: 6, expected: 7,
                                      reference: "T_tr (feature dimensions)")
        }
    }

    @Test func squareLabelMatrixCannotBeOriented() throws {
        try Self.expectLemonFailure(LemonMIRFlickrImportTests.variables()
            .replacing("L_tr", with: .matrix("L_tr", .double, rows: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]))) {
            ImportError.unresolvedOrientation(file: $0, variable: "L_tr", dimensions: [3, 3], items: 3)
        }
    }

    @Test func dcmhTagsOfAnotherItemCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let files = try DCMHMIRFlickrImportTests.write(in: directory, layout: .v73)
        try MATLayout.v73.write([.matrix("YAll", .double, rows: [[1, 0], [0, 1], [1, 1]])], to: files[0])
        try expectNothingWritten(ImportError.unresolvedOrientation(file: files[0], variable: "YAll",
                                                                   dimensions: [3, 2], items: 10),
                                 in: directory) { out in
            try runImport(.dcmhMIRFlickr, files: files, to: out)
        }
    }

    // MARK: - Invalid values

    @Test(arguments: [0, F.classes.count + 1])
    func classIDOutOfRange(_ id: Int) throws {
        var ids = F.classIDs
        ids[7] = id
        try Self.expectXlsa17Failure(res101: F.res101().replacing("labels", with: columnVector("labels", ids))) {
            res, _ in
            ImportError.invalidValue(file: res, variable: "labels", position: 7, value: Double(id),
                                     expected: "a 1-based class id in 1…4")
        }
    }

    @Test func nonIntegralClassID() throws {
        var labels = F.classIDs.map(Double.init)
        labels[2] = 1.5
        try Self.expectXlsa17Failure(
            res101: F.res101().replacing("labels", with: .numeric("labels", .double, dimensions: [F.items, 1],
                                                                   columnMajor: labels))) { res, _ in
            ImportError.invalidValue(file: res, variable: "labels", position: 2, value: 1.5,
                                     expected: "a 1-based class id in 1…4")
        }
    }

    @Test func itemIndexOutOfRange() throws {
        try Self.expectXlsa17Failure(
            attSplits: F.attSplits().replacing("test_unseen_loc", with: columnVector("test_unseen_loc", [20, 21]))) {
            _, att in
            ImportError.invalidValue(file: att, variable: "test_unseen_loc", position: 1, value: 21,
                                     expected: "a 1-based item index in 1…20")
        }
    }

    /// The position counts MATLAB's column-major elements of the variable as stored,
    /// whichever way round it is.
    @Test(arguments: [false, true])
    func labelOtherThanZeroOrOne(_ transposed: Bool) throws {
        var labels = LemonMIRFlickrImportTests.values(0..<12, 3, LemonMIRFlickrImportTests.label)
        labels[5][1] = 2
        // Item 5, class 1: element 5 + 1 × 12 of the 12 × 3 matrix, 1 + 5 × 3 of the 3 × 12.
        let position = transposed ? 1 + 5 * 3 : 5 + 1 * 12
        try Self.expectLemonFailure(LemonMIRFlickrImportTests.variables()
            .replacing("L_tr", with: itemMatrix("L_tr", labels, itemsInColumns: transposed))) {
            ImportError.invalidValue(file: $0, variable: "L_tr", position: position, value: 2, expected: "0 or 1")
        }
    }

    @Test func nanInFeaturesNamesTheModalityAndRow() throws {
        var features = (0..<F.items).map { item in (0..<F.dimension).map { F.feature(item, $0) } }
        features[13][4] = .nan
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: .v5Compressed, res101: F.res101()
            .replacing("features", with: itemMatrix("features", features, itemsInColumns: true)))
        try expectNothingWritten(in: directory, {
            DatasetError.nonFiniteFeature(file: $0, modality: "features", row: 13, column: 4)
        }) { out in
            try runImport(.xlsa17, files: [res, att], to: out)
        }
        let out = directory.path("awa2.h5")
        let error = #expect(throws: DatasetError.self) { try runImport(.xlsa17, files: [res, att], to: out) }
        #expect(error?.description.contains("/features/features holds a NaN or infinite value at row 13") == true)
    }

    @Test func infinityInLemonText() throws {
        var text = LemonMIRFlickrImportTests.values(12..<17, 7, LemonMIRFlickrImportTests.text)
        text[3][0] = -.infinity
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("MIRFLICKR.mat")
        try MATLayout.v73.write(LemonMIRFlickrImportTests.variables()
            .replacing("T_te", with: .matrix("T_te", .double, rows: text)), to: path)
        // Test items follow the 12 train items.
        try expectNothingWritten(in: directory, {
            DatasetError.nonFiniteFeature(file: $0, modality: "text", row: 15, column: 0)
        }) { out in
            try runImport(.lemonMIRFlickr, files: [path], to: out)
        }
    }

    // MARK: - Files and kinds

    @Test func wrongFileCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: .v5)
        try expectNothingWritten(ImportError.wrongFiles(kind: "lemon-mirflickr", given: 2, expected: "1"),
                                 in: directory) { out in
            try runImport(.lemonMIRFlickr, files: [res, att], to: out)
        }
        try expectNothingWritten(ImportError.wrongFiles(kind: "dcmh-mirflickr", given: 1, expected: "2 to 3"),
                                 in: directory) { out in
            try runImport(.dcmhMIRFlickr, files: [res], to: out)
        }
        try expectNothingWritten(ImportError.wrongFiles(kind: "xlsa17", given: 3, expected: "1 to 2"),
                                 in: directory) { out in
            try runImport(.xlsa17, files: [res, att, res], to: out)
        }
        try expectNothingWritten(ImportError.wrongFiles(kind: "xlsa17", given: 0, expected: "1 to 2"),
                                 in: directory) { out in
            try runImport(.xlsa17, files: [], to: out)
        }
    }

    @Test func unknownKindSuggestsTheNearest() throws {
        let known = ["xlsa17", "lemon-mirflickr", "dcmh-mirflickr", "mat"]
        #expect(throws: ImportError.unknownKind(name: "xlsa", known: known, suggestion: "xlsa17")) {
            try DatasetImport.Kind(named: "xlsa")
        }
        #expect(throws: ImportError.unknownKind(name: "lemon-mirflikr", known: known, suggestion: "lemon-mirflickr")) {
            try DatasetImport.Kind(named: "lemon-mirflikr")
        }
        #expect(ImportError.unknownKind(name: "xlsa", known: known, suggestion: "xlsa17").description
                    == "unknown import kind \"xlsa\" (did you mean \"xlsa17\"?); known: "
                    + "xlsa17, lemon-mirflickr, dcmh-mirflickr, mat")
        #expect(try DatasetImport.Kind(named: "dcmh-mirflickr") == .dcmhMIRFlickr)
        #expect(DatasetImport.Kind.allCases.map { $0.defaultDataset(files: ["wiki.mat"]) }
                    == ["awa2", "mirflickr-lemon", "mirflickr-dcmh", "wiki"])
    }

    @Test(arguments: [MATLayout.v5, .v5Compressed, .v73])
    func truncatedSource(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: layout)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: res))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: res))
        try expectNothingWritten(MATFileError.truncated(file: res, variable: nil), in: directory) { out in
            try runImport(.xlsa17, files: [res, att], to: out)
        }
    }

    @Test func notAMATFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: .v5)
        try Data(String(repeating: "not a MAT file ", count: 20).utf8).write(to: URL(fileURLWithPath: att))
        try expectNothingWritten(MATFileError.notMATFile(file: att), in: directory) { out in
            try runImport(.xlsa17, files: [res, att], to: out)
        }
    }

    @Test func descriptionsNameTheFileAndVariable() {
        #expect(ImportError.invalidValue(file: "a.mat", variable: "L_tr", position: 16, value: 2, expected: "0 or 1")
                    .description == "a.mat: variable \"L_tr\": element 17 is 2.0, expected 0 or 1")
        #expect(ImportError.unresolvedOrientation(file: "r.mat", variable: "features", dimensions: [3, 3], items: 5)
                    .description == "r.mat: variable \"features\" is 3 × 3; expected one axis of 5 items"
                    + " (the orientation cannot be resolved from the label count)")
        #expect(ImportError.missingVariable(variable: "att", files: ["a.mat", "b.mat"]).description
                    == "no variable \"att\" in a.mat, b.mat")
        #expect(ImportError.wrongFiles(kind: "xlsa17", given: 3, expected: "1 to 2").description
                    == "import xlsa17: 3 source files given, expected 1 to 2")
    }
}
