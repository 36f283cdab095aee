import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// `datasets import mat` on MAT v5, MAT v7.3 and h5py files holding two parts of two
/// modalities and labels: the dataset holds every value written, item by item, and
/// every mistake is an error naming file and variable that writes nothing.
@Suite struct GenericMATImporterTests {
    typealias F = GenericMATFixture

    /// Writes `variables` in `format` into `directory` as `name`; returns the path.
    static func write(_ variables: [MATTestVariable], format: GenericSourceFormat, in directory: TemporaryDirectory,
                      name: String = "source") throws -> String {
        let path = directory.path(name + (format == .h5py ? ".h5" : ".mat"))
        try format.write(variables, to: path)
        return path
    }

    /// Expects an import of `variables` (one file in `format`) with `map` to fail with
    /// `expected(path of the source)` and to write nothing.
    static func expectFailure<E: Error & Equatable>(
        _ variables: [MATTestVariable], format: GenericSourceFormat, map: MATVariableMap? = nil,
        sourceLocation: SourceLocation = #_sourceLocation, _ expected: (String) -> E
    ) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try write(variables, format: format, in: directory)
        let map = try map ?? F.map()
        try expectNothingWritten(expected(path), in: directory, sourceLocation: sourceLocation) { out in
            try runMATImport(files: [path], map: map, to: out)
        }
    }

    // MARK: - Imports

    @Test(arguments: GenericSourceFormat.allCases, LabelEncoding.allCases)
    func importsEveryItemOfBothParts(_ format: GenericSourceFormat, _ encoding: LabelEncoding) throws {
        let fixture = F()
        for transposed in [false, true] {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = try Self.write(fixture.variables(encoding, format: format, transposed: transposed),
                                      format: format, in: directory)
            let out = directory.path("out.h5")
            let log = try runMATImport(files: [path], map: try F.map(), to: out)
            try fixture.check(out, encoding)
            #expect(log.contains("13 items, 4 classes, modalities image (3-d), text (5-d)"))
            #expect(log.contains("split given: train (7 items), test (6 items)"))
            let dataset = try Dataset(path: out)
            let file = URL(fileURLWithPath: path).lastPathComponent
            #expect(dataset.provenance["variables:image"] == "\(file):I_tr, \(file):I_te")
            #expect(dataset.provenance["variables:text"] == "\(file):T_tr, \(file):T_te")
            #expect(dataset.provenance["variables:labels"] == "\(file):L_tr, \(file):L_te")
            #expect(dataset.provenance["sha256:\(file)"] == (try FileDigest.sha256(of: path)))
            let expectedEncoding: [LabelEncoding: String] = [
                .oneBasedIDs: "class ids, 1-based", .zeroBasedIDs: "class ids, 0-based", .multiHot: "multi-hot",
            ]
            #expect(dataset.provenance["labels"] == expectedEncoding[encoding])
            #expect(log.contains("labels L_tr, L_te: \(expectedEncoding[encoding] ?? ""), 4 classes"))
        }
    }

    /// The layouts differ only in how the same arrays are stored: an h5py (N, D) array is
    /// stored row by row, a MATLAB N × D variable column by column, and the HDF5 shape of
    /// a v7.3 variable is MATLAB's reversed.
    @Test func variablesSpreadOverFilesOfEveryFormat() throws {
        let fixture = F()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let variables = fixture.variables(.multiHot, format: .h5py)
        let image = try Self.write(variables.filter { $0.name.hasPrefix("I_") }, format: .h5py, in: directory,
                                   name: "image")
        let text = try Self.write(variables.filter { $0.name.hasPrefix("T_") }, format: .v73, in: directory,
                                  name: "text")
        let labels = try Self.write(variables.filter { $0.name.hasPrefix("L_") }, format: .v5, in: directory,
                                    name: "labels")
        let out = directory.path("out.h5")
        try runMATImport(files: [labels, text, image], map: try F.map(), to: out)
        try fixture.check(out, .multiHot)
        #expect(try Dataset(path: out).provenance["variables:image"] == "image.h5:I_tr, image.h5:I_te")
    }

    @Test(arguments: GenericSourceFormat.allCases)
    func aSquarePartTakesTheOrientationOfItsModalitysOtherParts(_ format: GenericSourceFormat) throws {
        // 3 test items of 3-d image features: I_te is 3 × 3.
        let fixture = F(train: 7, test: 3)
        for transposed in [false, true] {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = try Self.write(fixture.variables(.oneBasedIDs, format: format, transposed: transposed),
                                      format: format, in: directory)
            let log = try runMATImport(files: [path], map: try F.map(), to: directory.path("out.h5"))
            try fixture.check(directory.path("out.h5"), .oneBasedIDs)
            let axis = transposed ? "column" : "row"
            #expect(log.contains("\(path): I_te is 3 × 3: taken one item per \(axis), as in I_tr"))
        }
    }

    @Test(arguments: GenericSourceFormat.allCases)
    func aSquareLabelMatrixTakesTheOrientationOfTheOtherLabels(_ format: GenericSourceFormat) throws {
        // 4 test items of 4 classes: L_te is 4 × 4.
        let fixture = F(train: 7, test: 4)
        for transposed in [false, true] {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = try Self.write(fixture.variables(.multiHot, format: format, transposed: transposed),
                                      format: format, in: directory)
            let log = try runMATImport(files: [path], map: try F.map(), to: directory.path("out.h5"))
            try fixture.check(directory.path("out.h5"), .multiHot)
            let axis = transposed ? "column" : "row"
            #expect(log.contains("\(path): L_te is 4 × 4: taken one item per \(axis), as in L_tr"))
        }
    }

    @Test(arguments: GenericSourceFormat.allCases, [LabelEncoding.oneBasedIDs, .multiHot])
    func classNamesFromAVariable(_ format: GenericSourceFormat, _ encoding: LabelEncoding) throws {
        let fixture = F()
        let names = ["art", "biology", "geography", "history"]
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.write(fixture.variables(encoding, format: format)
                                    + [.cellOfStrings("names", dimensions: [1, 4], names)],
                                  format: format, in: directory)
        let out = directory.path("out.h5")
        try runMATImport(files: [path], map: try F.map(classNames: "names"), to: out)
        let dataset = try Dataset(path: out)
        #expect(dataset.classes == names)
        #expect(rows(dataset.labels) == fixture.expectedLabels(encoding))
        #expect(dataset.provenance["variables:classes"] == "\(URL(fileURLWithPath: path).lastPathComponent):names")
    }

    @Test func onePartNeedsNoSplitAndStoresNone() throws {
        let fixture = F()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.write(fixture.variables(.oneBasedIDs, format: .v73), format: .v73, in: directory)
        let map = try MATVariableMap(modalities: ["text=T_tr"], labels: "L_tr", split: nil, classNames: nil)
        let out = directory.path("out.h5")
        try runMATImport(files: [path], map: map, to: out)
        let dataset = try Dataset(path: out)
        #expect(dataset.splits.isEmpty)
        #expect(rows(try dataset.features("text"))
                    == (0..<fixture.train).map { item in (0..<F.textDimension).map { Float(F.text(item, $0)) } })
        #expect(dataset.classes == ["1", "2", "3", "4"])
    }

    // MARK: - Shapes and counts

    @Test(arguments: GenericSourceFormat.allCases)
    func missingVariable(_ format: GenericSourceFormat) throws {
        try Self.expectFailure(F().variables(.multiHot, format: format).replacing("T_te", with: nil),
                               format: format) {
            ImportError.missingVariable(variable: "T_te", files: [$0])
        }
    }

    /// Dimensions in the message are those MATLAB or NumPy shows, whatever the format.
    @Test(arguments: GenericSourceFormat.allCases, [false, true])
    func featuresOfAnotherItemCountThanTheirLabels(_ format: GenericSourceFormat, _ transposed: Bool) throws {
        let fixture = F()
        let image = (fixture.train..<fixture.items - 1).map { item in (0..<3).map { F.image(item, $0) } }
        let shortImage = itemMatrix("I_te", image, itemsInColumns: transposed)
        let shape = transposed ? [3, 5] : [5, 3]
        try Self.expectFailure(fixture.variables(.oneBasedIDs, format: format).replacing("I_te", with: shortImage),
                               format: format) {
            ImportError.itemCountMismatch(file: $0, variable: "I_te", dimensions: shape,
                                          reference: "\"L_te\" in \($0)", items: [6])
        }
        try Self.expectFailure(fixture.variables(.multiHot, format: format).replacing("I_te", with: shortImage),
                               format: format) {
            ImportError.itemCountMismatch(file: $0, variable: "I_te", dimensions: shape,
                                          reference: "\"L_te\" in \($0)", items: [6, 4])
        }
    }

    @Test(arguments: GenericSourceFormat.allCases)
    func partsOfAModalityWithOtherFeatureDimensions(_ format: GenericSourceFormat) throws {
        let text = F().partRows("te", 4, F.text)
        try Self.expectFailure(F().variables(.oneBasedIDs, format: format)
            .replacing("T_te", with: .matrix("T_te", .double, rows: text)), format: format) {
            ImportError.dimensionMismatch(file: $0, variable: "T_te", found: 4, expected: 5,
                                          reference: "\"T_tr\" in \($0)", unit: "feature dimensions")
        }
    }

    @Test(arguments: GenericSourceFormat.allCases)
    func labelMatricesWithOtherClassCounts(_ format: GenericSourceFormat) throws {
        let labels = F().partRows("te", 3) { F.hasClass($0, $1) ? 1 : 0 }
        try Self.expectFailure(F().variables(.multiHot, format: format)
            .replacing("L_te", with: .matrix("L_te", .double, rows: labels)), format: format) {
            ImportError.dimensionMismatch(file: $0, variable: "L_te", found: 3, expected: 4,
                                          reference: "\"L_tr\" in \($0)", unit: "classes")
        }
    }

    @Test func classIDsInOnePartMultiHotLabelsInTheOther() throws {
        let multiHot = F().labels("te", .multiHot, format: .v5, transposed: false)
        try Self.expectFailure(F().variables(.oneBasedIDs, format: .v5).replacing("L_te", with: multiHot),
                               format: .v5) {
            ImportError.labelKindMismatch(file: $0, variable: "L_te", dimensions: [6, 4],
                                          reference: "\"L_tr\" in \($0)", referenceDimensions: [7, 1])
        }
    }

    @Test(arguments: GenericSourceFormat.allCases)
    func squareInEveryPartCannotBeOriented(_ format: GenericSourceFormat) throws {
        let fixture = F(train: 3, test: 3)
        try Self.expectFailure(fixture.variables(.oneBasedIDs, format: format), format: format) {
            ImportError.unresolvedOrientation(file: $0, variable: "I_tr", dimensions: [3, 3], items: 3)
        }
    }

    /// With as many feature dimensions as classes, a 7 × 4 label matrix beside 7 × 4
    /// features may hold 7 items or 4.
    @Test func labelMatricesWhoseItemAxisCannotBeTold() throws {
        let fixture = F()
        let variables: [MATTestVariable] = ["tr", "te"].flatMap { part in
            [
                MATTestVariable.matrix("I_\(part)", .double, rows: fixture.partRows(part, 4, F.text)),
                fixture.labels(part, .multiHot, format: .v73, transposed: false),
            ]
        }
        let map = try MATVariableMap(modalities: ["image=I_tr,I_te"], labels: "L_tr,L_te", split: "train,test",
                                     classNames: nil)
        try Self.expectFailure(variables, format: .v73, map: map) {
            ImportError.ambiguousItemCount(file: $0, variable: "L_tr", dimensions: [7, 4])
        }
    }

    @Test func featuresThatAreNotAMatrix() throws {
        let vector = MATTestVariable.numeric("I_te", .double, dimensions: [6], columnMajor: [1, 2, 3, 4, 5, 6])
        try Self.expectFailure(F().variables(.oneBasedIDs, format: .h5py).replacing("I_te", with: vector),
                               format: .h5py) {
            MATFileError.notTwoDimensional(file: $0, variable: "I_te", dimensions: [6])
        }
    }

    @Test func h5pyBooleansAreRefusedWithAHint() throws {
        let labels = F().partRows("tr", 4) { F.hasClass($0, $1) ? 1 : 0 }
        try Self.expectFailure(F().variables(.multiHot, format: .h5py)
            .replacing("L_tr", with: .matrix("L_tr", .logical, rows: labels)), format: .h5py) {
            MATFileError.unsupportedClass(
                file: $0, variable: "L_tr", found: "HDF5 enum",
                expected: "a numeric array (h5py stores NumPy booleans as an enum: save them as uint8)")
        }
    }

    // MARK: - Values

    /// The position counts the elements in the order stored: MATLAB's column-major order,
    /// h5py's row-major order.
    @Test(arguments: GenericSourceFormat.allCases, [false, true])
    func labelMatrixOfNeitherIDsNorZeroOne(_ format: GenericSourceFormat, _ transposed: Bool) throws {
        var labels = F().partRows("tr", 4) { F.hasClass($0, $1) ? 1 : 0 }
        labels[5][1] = 2
        // Item 5, class 1 of the 7 × 4 (or 4 × 7) matrix.
        let columnMajor = transposed ? 1 + 5 * 4 : 5 + 1 * 7
        let rowMajor = transposed ? 1 * 7 + 5 : 5 * 4 + 1
        try Self.expectFailure(F().variables(.multiHot, format: format)
            .replacing("L_tr", with: itemMatrix("L_tr", labels, itemsInColumns: transposed)), format: format) {
            ImportError.invalidValue(file: $0, variable: "L_tr", position: format == .h5py ? rowMajor : columnMajor,
                                     value: 2, expected: "0 or 1")
        }
    }

    @Test(arguments: [1.5, -1])
    func classIDThatIsNotANonNegativeInteger(_ id: Double) throws {
        var ids = F().partRows("te", 1) { item, _ in Double(F.classOf(item) + 1) }.map { $0[0] }
        ids[3] = id
        try Self.expectFailure(F().variables(.oneBasedIDs, format: .v73)
            .replacing("L_te", with: .numeric("L_te", .double, dimensions: [6, 1], columnMajor: ids)),
                               format: .v73) {
            ImportError.invalidValue(file: $0, variable: "L_te", position: 3, value: id,
                                     expected: "a class id (an integer, 0 or more)")
        }
    }

    @Test func classIDBeyondTheClassNames() throws {
        var ids = F().partRows("te", 1) { item, _ in Double(F.classOf(item) + 1) }.map { $0[0] }
        ids[2] = 5
        let variables = F().variables(.oneBasedIDs, format: .h5py)
            .replacing("L_te", with: .numeric("L_te", .double, dimensions: [6], columnMajor: ids))
            + [.cellOfStrings("names", dimensions: [4, 1], ["a", "b", "c", "d"])]
        try Self.expectFailure(variables, format: .h5py, map: try F.map(classNames: "names")) {
            ImportError.invalidValue(file: $0, variable: "L_te", position: 2, value: 5,
                                     expected: "a 1-based class id in 1…4")
        }
    }

    @Test func labelMatrixWithAnotherCountThanTheClassNames() throws {
        let variables = F().variables(.multiHot, format: .v5)
            + [.cellOfStrings("names", dimensions: [3, 1], ["a", "b", "c"])]
        try Self.expectFailure(variables, format: .v5, map: try F.map(classNames: "names")) {
            ImportError.dimensionMismatch(file: $0, variable: "L_tr", found: 4, expected: 3,
                                          reference: "\"names\" in \($0)", unit: "classes")
        }
    }

    /// Item and column count in the features as items × D, whichever way they are stored.
    @Test(arguments: GenericSourceFormat.allCases, [false, true])
    func nonFiniteFeatureNamesItemAndColumn(_ format: GenericSourceFormat, _ transposed: Bool) throws {
        for (value, variable, item, column) in [(Double.nan, "I_te", 2, 1), (-.infinity, "T_tr", 6, 4)] {
            let fixture = F()
            let modality = variable.hasPrefix("I") ? F.imageDimension : F.textDimension
            var features = fixture.partRows(String(variable.suffix(2)), modality,
                                            variable.hasPrefix("I") ? F.image : F.text)
            features[item][column] = value
            // Image features lie items × D unless transposed, text features the other way.
            let inColumns = variable.hasPrefix("I") == transposed
            try Self.expectFailure(fixture.variables(.zeroBasedIDs, format: format, transposed: transposed)
                .replacing(variable, with: itemMatrix(variable, features, itemsInColumns: inColumns)),
                                   format: format) {
                ImportError.nonFiniteFeature(file: $0, variable: variable, item: item, column: column)
            }
        }
    }

    // MARK: - Kinds and files

    @Test func aVariableMapBelongsToMatAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.write(F().variables(.oneBasedIDs, format: .v5), format: .v5, in: directory)
        try expectNothingWritten(ImportError.unexpectedVariableMap(kind: "lemon-mirflickr"), in: directory) { out in
            try DatasetImport(kind: .lemonMIRFlickr, name: "x", files: [path], manifest: nil,
                              variables: try F.map()).run(writingTo: out) { _ in }
        }
        try expectNothingWritten(ImportError.missingVariableMap, in: directory) { out in
            try runImport(.mat, files: [path], to: out)
        }
        try expectNothingWritten(ImportError.wrongFiles(kind: "mat", given: 0, expected: "at least 1"),
                                 in: directory) { out in
            try runMATImport(files: [], map: try F.map(), to: out)
        }
    }

    @Test func defaultNameIsTheFirstFilesName() {
        #expect(DatasetImport.Kind.mat.defaultDataset(files: ["/data/wiki_deep.mat", "b.mat"]) == "wiki_deep")
        #expect(DatasetImport.Kind.xlsa17.defaultDataset(files: ["res101.mat"]) == "awa2")
    }

    @Test func descriptionsNameFileVariableAndCounts() {
        #expect(ImportError.itemCountMismatch(file: "w.mat", variable: "I_te", dimensions: [5, 3],
                                              reference: "\"L_te\" in w.mat", items: [6, 4]).description
                    == "w.mat: variable \"I_te\" is 5 × 3, but \"L_te\" in w.mat has 6 or 4 items: "
                    + "no axis of I_te counts them")
        #expect(ImportError.dimensionMismatch(file: "w.mat", variable: "T_te", found: 4, expected: 5,
                                              reference: "\"T_tr\" in w.mat", unit: "feature dimensions").description
                    == "w.mat: variable \"T_te\" has 4 feature dimensions, but \"T_tr\" in w.mat has 5")
        #expect(ImportError.labelKindMismatch(file: "w.mat", variable: "L_te", dimensions: [6, 4],
                                              reference: "\"L_tr\" in w.mat", referenceDimensions: [7, 1]).description
                    == "w.mat: variable \"L_te\" is 6 × 4 (multi-hot labels), but \"L_tr\" in w.mat is 7 × 1"
                    + " (class ids); the label variables must all hold class ids or all multi-hot labels")
        #expect(ImportError.nonFiniteFeature(file: "w.h5", variable: "I_te", item: 2, column: 1).description
                    == "w.h5: variable \"I_te\" holds a NaN or infinite value at item 2, column 1"
                    + " (0-based, items × features)")
        #expect(ImportError.ambiguousItemCount(file: "w.mat", variable: "L_tr", dimensions: [7, 4]).description
                    == "w.mat: variable \"L_tr\" is 7 × 4, and every feature matrix of its part has both lengths:"
                    + " which axis counts the items cannot be resolved")
    }
}
