import Datasets
import FuzzSupport

/// libFuzzer entry: the input is a `.mat` file's bytes. It is opened (inputs with the
/// HDF5 signature are v7.3 files, which the dataset fuzzer covers, and are skipped)
/// and every variable's dimensions, class, numbers and text are read. A
/// ``MATFileError`` is the expected outcome of a bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func matv5FuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let bytes else { return 0 }
    let path = FuzzInputFile.path("input.mat")
    guard FuzzInputFile.write(bytes, size, to: path) else { return 0 }
    do {
        let file = try MATFile(reading: path)
        guard file.version == .v5 else { return 0 }
        for name in file.variableNames {
            _ = try? file.dimensions(of: name)
            _ = try? file.className(of: name)
            _ = try? file.matrix(name, as: Double.self)
            _ = try? file.strings(name)
        }
    } catch is MATFileError {
    } catch {
        fatalError("not a MATFileError: \(type(of: error)): \(error)")
    }
    return 0
}

/// The process's entry (MATv5Fuzzer_main is what SwiftPM links as `main`): libFuzzer's driver.
@_cdecl("MATv5Fuzzer_main")
func mATv5FuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { matv5FuzzerTestOneInput($0, $1) }
}
