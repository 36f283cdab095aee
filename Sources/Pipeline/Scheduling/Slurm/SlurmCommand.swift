import Foundation

/// A Slurm client command (`sbatch`, `squeue`, `scontrol`, `scancel`) found on `PATH`,
/// run to its end with its output captured. Nothing is retried.
public struct SlurmCommand: Sendable {
    public let name: String
    /// The executable's path, found on `PATH` when the command was made.
    public let path: String

    /// The command `name` from `PATH`.
    ///
    /// - Throws: ``SlurmError/commandNotFound(command:)``.
    public init(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = (String(directory) as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) {
                self.name = name
                path = candidate
                return
            }
        }
        throw SlurmError.commandNotFound(command: name)
    }

    /// What one run of the command printed, and its exit status.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the command with `arguments`, returning its status and output whatever the
    /// status.
    public func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, the error pipe on another thread, so that
        // neither fills up while the command waits for the other to be read.
        let errorData = ErrorData()
        let reader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errorData.wait()
        try? output.fileHandleForReading.close()
        try? error.fileHandleForReading.close()
        return Output(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the command and returns its standard output.
    ///
    /// - Throws: ``SlurmError/commandFailed(command:status:stderr:)`` when it exits non-zero.
    public func output(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw SlurmError.commandFailed(command: ([name] + arguments).joined(separator: " "), status: result.status,
                                           stderr: result.stderr)
        }
        return result.stdout
    }
}

/// Bytes read on another thread, handed over once.
private final class ErrorData: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data ?? Data()
    }
}
