import FileIO
import Foundation
import Testing

/// `writeAtomically` on real failures: each error names the destination, the step and
/// the system's reason, and no file is left behind.
@Suite struct AtomicWriteErrorTests {
    /// A fresh directory under the system's temporary folder.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "/fileio-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aMissingDirectoryFailsAtCreatingWithENOENT() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/absent/out.json"
        let error = try #require(#expect(throws: AtomicWriteError.self) { try writeAtomically(Data("x".utf8), to: path) })
        #expect(error.file == path)
        #expect(error.step == .creating)
        #expect(error.code == ENOENT)
        #expect(error.subject.hasPrefix(directory + "/absent/.out.json."))
        #expect(error.description == "\(path): cannot write the file: creating \(error.subject): No such file or directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aPathUnderARegularFileFailsWithENOTDIR() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/plain"
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        let error = try #require(#expect(throws: AtomicWriteError.self) {
            try writeAtomically(Data("x".utf8), to: file + "/out.json")
        })
        #expect(error.step == .creating)
        #expect(error.code == ENOTDIR)
        #expect(error.reason == "Not a directory")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("old".utf8))
    }

    @Test func aDestinationThatIsNoRegularFileIsNeverReplaced() throws {
        // Renaming onto /dev/null as root replaces the device node with a regular file;
        // a FIFO and a directory stand in for it here.
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/fifo"
        try #require(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.createDirectory(atPath: directory + "/taken/inside", withIntermediateDirectories: true)
        for destination in [fifo, directory + "/taken"] {
            let error = try #require(#expect(throws: AtomicWriteError.self) {
                try writeAtomically(Data("x".utf8), to: destination)
            })
            #expect(error.step == .checkingDestination)
            #expect(error.description == "\(destination): cannot write the file: checking \(destination): not a regular "
                    + "file (a device, FIFO, socket or directory); refusing to replace it")
        }
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["fifo", "taken"])
    }

    /// Runs `/bin/sh -c command`; returns its exit status.
    static func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A real full file system: a 64 KiB tmpfs, which only root with CAP_SYS_ADMIN can
    /// mount (as here, and in CI's container); elsewhere the test has nothing to run on.
    @Test func aFullFileSystemFailsAtWritingWithENOSPCAndLeavesNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard try Self.shell("mount -t tmpfs -o size=64k tmpfs '\(directory)'") == 0 else { return }
        defer { _ = try? Self.shell("umount '\(directory)'") }
        let path = directory + "/result.json"
        let error = try #require(#expect(throws: AtomicWriteError.self) {
            try writeAtomically(Data(repeating: 7, count: 1 << 20), to: path)
        })
        #expect(error.step == .writing)
        #expect(error.code == ENOSPC)
        #expect(error.description
                == "\(path): cannot write the file: writing \(error.subject): No space left on device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        try writeAtomically(Data("fits".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("fits".utf8), "space is back")
    }

    @Test func aSuccessfulWriteReplacesTheFileAndLeavesNothingElse() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try writeAtomically(Data("new".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.json"])
    }
}
