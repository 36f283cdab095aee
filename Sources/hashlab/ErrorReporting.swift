import ArgumentParser
import Datasets
import Foundation
import Pipeline

/// Runs `body`; an error from the library is printed as `hashlab: error: …` on
/// standard error and becomes the exit code of its kind (``ExitCode/dataError``, 3,
/// for a ``DataInputError`` that blames the input data; 1 for any other error).
/// Argument errors keep ArgumentParser's 64; an `ExitCode` thrown by `body`, e.g. 2
/// for spec errors, passes through. This is the one place errors are mapped to codes.
func reportingErrors<Result>(_ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        StandardError.write("hashlab: error: \(error)\n")
        if let dataError = error as? any DataInputError, dataError.isDataInputError {
            throw ExitCode.dataError
        }
        throw ExitCode.failure
    }
}

/// Prints `error` — in a spec, or an option naming what the specs lack — as
/// `hashlab: error: …` on standard error and returns exit code 2, for the caller to throw.
func specExit(printing error: any Error) -> ExitCode {
    StandardError.write("hashlab: error: \(error)\n")
    return ExitCode(2)
}

extension ExitCode {
    /// The status for bad input data: a dataset, HDF5, MAT or code file that is
    /// missing, malformed, of the wrong shape, lacks a variable, holds NaN/Inf or
    /// fails its manifest's checksum (a ``DataInputError``). The message names the
    /// file and the variable or key.
    static let dataError = ExitCode(3)

    /// `hashlab run-one`'s status for a configuration the method declines by its
    /// definition (e.g. ITQ with more bits than the features have dimensions): no
    /// result, but no failure either; the reason is printed on standard error.
    static let notApplicable = ExitCode(4)
}
