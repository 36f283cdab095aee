/// A failure reported by a LAPACK routine.
///
/// LAPACK signals failure through its `info` result: a negative value names an invalid
/// argument, a positive value a numerical failure whose meaning depends on the routine.
/// Each case keeps the routine's name and the number it reported so that a message can
/// be traced back to the LAPACK documentation.
public enum LinalgError: Error, CustomStringConvertible, Equatable {
    /// The Cholesky factorization in `?posv` met a leading minor of this order (1-based)
    /// that is not positive: the matrix is not symmetric positive definite.
    case notPositiveDefinite(leadingMinor: Int)
    /// An iterative routine (`?syevd`, `?gesdd`) stopped before converging; `info` is the
    /// positive value LAPACK returned.
    case didNotConverge(routine: String, info: Int)
    /// LAPACK rejected the argument at this (1-based) position. This is a bug in the
    /// caller of LAPACK, not in the data.
    case invalidArgument(routine: String, argument: Int)
    /// LAPACKE could not allocate its workspace or its row-major transposition buffer.
    case allocationFailed(routine: String)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let leadingMinor):
            return "the matrix is not positive definite: its leading minor of order "
                + "\(leadingMinor) is not positive, so the Cholesky factorization failed "
                + "(add a ridge term or check for duplicated or constant features)"
        case .didNotConverge(let routine, let info):
            return "LAPACK \(routine) did not converge (info = \(info)); "
                + "the input may contain NaN or infinite values"
        case .invalidArgument(let routine, let argument):
            return "LAPACK \(routine) rejected argument \(argument); "
                + "this is a bug in hashlab's call, please report it"
        case .allocationFailed(let routine):
            return "LAPACKE \(routine) could not allocate its workspace"
        }
    }

    /// Maps a LAPACKE `info` result to an error, or `nil` when `info == 0`.
    ///
    /// Positive values become `didNotConverge`; routines whose positive `info` means
    /// something else (such as `?posv`) translate it before calling this.
    static func checking(_ info: Int, routine: String) -> LinalgError? {
        switch info {
        case 0:
            return nil
        case -1011, -1010:
            return .allocationFailed(routine: routine)
        case ..<0:
            return .invalidArgument(routine: routine, argument: -info)
        default:
            return .didNotConverge(routine: routine, info: info)
        }
    }
}
