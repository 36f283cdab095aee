/// A kernel map that cannot be built.
public enum KernelError: Error, Equatable, CustomStringConvertible {
    /// All distances are zero: the data has no spread to set σ from.
    case degenerateWidth

    public var description: String {
        "RBF kernel: every training item coincides with every anchor, so σ cannot be set from the data"
    }
}
