import Foundation

extension HashlabProcess {
    /// Runs `hashlab arguments` to its end with `directory` as its current directory
    /// (e.g. a folder outside the repository, without `datasets/`).
    init(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        self.init(waitingFor: process)
    }
}
