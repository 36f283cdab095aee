import Datasets
import FuzzSupport

/// libFuzzer entry: the input is an HDF5 dataset file's bytes. It is opened as a
/// dataset (schema checks: features, labels, classes, splits, attributes) and, when
/// that succeeds, every modality's features and the label sets are read. Any thrown
/// error is the expected outcome of a bad input; a trap, a hang or an allocation that
/// runs out of memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func datasetFuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let bytes else { return 0 }
    let path = FuzzInputFile.path("input.h5")
    guard FuzzInputFile.write(bytes, size, to: path) else { return 0 }
    guard let dataset = try? Dataset(path: path) else { return 0 }
    for modality in dataset.modalities {
        _ = try? dataset.features(modality.name)
    }
    _ = try? dataset.labelSets()
    return 0
}

/// The process's entry (DatasetFuzzer_main is what SwiftPM links as `main`): libFuzzer's driver.
@_cdecl("DatasetFuzzer_main")
func datasetFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { datasetFuzzerTestOneInput($0, $1) }
}
