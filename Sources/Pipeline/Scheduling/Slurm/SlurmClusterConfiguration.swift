import Foundation

/// What hashlab needs from the cluster's configuration, read from `scontrol show
/// config`: `MaxArraySize`, the bound on array task indices (the largest index is
/// `MaxArraySize − 1`), and `AccountingStorageType`, whether `sacct` can say how a task
/// ended.
public struct SlurmClusterConfiguration: Equatable, Sendable {
    public var maxArraySize: Int
    /// The accounting storage plugin, `accounting_storage/none` when accounting is off.
    public var accountingStorageType: String

    public init(maxArraySize: Int, accountingStorageType: String = "accounting_storage/none") {
        self.maxArraySize = maxArraySize
        self.accountingStorageType = accountingStorageType
    }

    /// Whether the cluster keeps job accounting (`AccountingStorageType` is set and is
    /// not `accounting_storage/none`), so that `sacct` lists the tasks that ended.
    public var hasAccounting: Bool {
        !accountingStorageType.isEmpty && accountingStorageType != "accounting_storage/none"
            && accountingStorageType != "(null)"
    }

    /// Parses `scontrol show config` output (`MaxArraySize           = 1001` and
    /// `AccountingStorageType   = accounting_storage/slurmdbd` among the lines; an
    /// absent AccountingStorageType is taken for none).
    ///
    /// - Throws: ``SlurmError/missingMaxArraySize(output:)`` when no line gives a
    ///   positive MaxArraySize.
    public init(scontrolOutput: String) throws {
        var values: [String: String] = [:]
        for line in scontrolOutput.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            if values[key] == nil { values[key] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        guard let text = values["MaxArraySize"], let value = Int(text), value >= 1 else {
            throw SlurmError.missingMaxArraySize(output: scontrolOutput)
        }
        maxArraySize = value
        accountingStorageType = values["AccountingStorageType"] ?? "accounting_storage/none"
    }

    /// This cluster's configuration.
    ///
    /// - Throws: ``SlurmError`` when scontrol is missing, fails, or gives no MaxArraySize.
    public static func current() throws -> SlurmClusterConfiguration {
        try SlurmClusterConfiguration(scontrolOutput: try SlurmCommand("scontrol").output(["show", "config"]))
    }
}
