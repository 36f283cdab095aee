import Foundation

/// What hashlab needs from the cluster's configuration, read from `scontrol show
/// config`: `MaxArraySize`, the bound on array task indices (the largest index is
/// `MaxArraySize − 1`).
public struct SlurmClusterConfiguration: Equatable, Sendable {
    public var maxArraySize: Int

    public init(maxArraySize: Int) {
        self.maxArraySize = maxArraySize
    }

    /// Parses `scontrol show config` output (`MaxArraySize           = 1001` among the
    /// lines).
    ///
    /// - Throws: ``SlurmError/missingMaxArraySize(output:)`` when no line gives a
    ///   positive value.
    public init(scontrolOutput: String) throws {
        for line in scontrolOutput.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "MaxArraySize" else { continue }
            guard let value = Int(parts[1].trimmingCharacters(in: .whitespaces)), value >= 1 else { break }
            maxArraySize = value
            return
        }
        throw SlurmError.missingMaxArraySize(output: scontrolOutput)
    }

    /// This cluster's configuration.
    ///
    /// - Throws: ``SlurmError`` when scontrol is missing, fails, or gives no MaxArraySize.
    public static func current() throws -> SlurmClusterConfiguration {
        try SlurmClusterConfiguration(scontrolOutput: try SlurmCommand("scontrol").output(["show", "config"]))
    }
}
