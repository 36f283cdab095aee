import FuzzSupport
import Pipeline

/// libFuzzer entry: the input is a spec file's bytes. It is loaded (YAML, keys, types,
/// sweeps, `extends`) and, when that succeeds, planned against ``FuzzDatasetRoot``.
/// A ``SpecError`` is the expected outcome of a bad input; anything else that escapes,
/// and any trap, is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func specFuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let bytes else { return 0 }
    let path = FuzzInputFile.path("spec.yaml")
    guard FuzzInputFile.write(bytes, size, to: path) else { return 0 }
    do {
        let spec = try ExperimentSpec.load(path: path)
        _ = try spec.plannedRuns(root: FuzzDatasetRoot.path)
    } catch is SpecError {
    } catch {
        fatalError("not a SpecError: \(type(of: error)): \(error)")
    }
    return 0
}

/// The process's entry (SpecFuzzer_main is what SwiftPM links as `main`): libFuzzer's driver.
@_cdecl("SpecFuzzer_main")
func specFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { specFuzzerTestOneInput($0, $1) }
}
