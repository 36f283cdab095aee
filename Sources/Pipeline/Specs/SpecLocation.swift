/// Where in a spec something is written: the file, the line (from 1) and the key path
/// (`bits`, `protocol.unseen`, `methods[0].params.ratio`, `report[1].ablation.x`).
public struct SpecLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String

    public init(file: String, line: Int, key: String) {
        self.file = file
        self.line = line
        self.key = key
    }

    /// `file:line: key` — the compiler's style, which editors jump to.
    public var description: String {
        key.isEmpty ? "\(file):\(line)" : "\(file):\(line): \(key)"
    }
}
