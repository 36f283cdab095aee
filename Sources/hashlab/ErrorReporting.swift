import ArgumentParser
import Foundation
import Pipeline

/// Runs `body`; an error from the library is printed as `hashlab: error: …` on
/// standard error and becomes exit code 1 (argument errors keep ArgumentParser's 64;
/// an `ExitCode` thrown by `body`, e.g. 2 for spec errors, passes through).
func reportingErrors<Result>(_ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        StandardError.write("hashlab: error: \(error)\n")
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
    /// `hashlab run-one`'s status for a configuration the method declines by its
    /// definition (e.g. ITQ with more bits than the features have dimensions): no
    /// result, but no failure either; the reason is printed on standard error.
    static let notApplicable = ExitCode(3)
}
