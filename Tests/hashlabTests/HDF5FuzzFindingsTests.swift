import Foundation
import Testing

/// The `DatasetFuzzer`'s findings kept in `Fuzz/Findings` (see its README): files on
/// which libhdf5 1.10.8 crashed, hung or allocated gigabytes reading `/classes`, two
/// compact datasets holding no data for their shape (crashes), and one declaring a
/// huge shape. `datasets info` and `datasets verify` refuse each with
/// exit status 3 and a message naming the file and the variable, within a minute.
@Suite struct HDF5FuzzFindingsTests {
    static let findings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Findings")

    static let cases: [(file: String, message: String)] = [
        ("hdf5-classes-segv.h5", "/classes: variable-length string 2 points to object 654311425, which the global "
            + "heap collection at address 6528 does not hold"),
        ("hdf5-classes-hang.h5", "/classes: variable-length string 0 points to a corrupt global heap collection "
            + "(at address 6528, the object at byte 104 of the collection declares 0 bytes, which do not fit it)"),
        ("hdf5-classes-oom.h5", "/classes: variable-length string 0 points outside the file's global heap "
            + "(collection at address 288230376151711769, beyond the file's 11824 bytes)"),
        ("hdf5-compact-classes-segv.h5", "/classes: declared shape [4] needs 64 bytes, more than the compact data "
            + "in its object header holds (0 bytes)"),
        ("hdf5-compact-features-segv.h5", "/features/x: declared shape [60, 4] needs 960 bytes, more than the "
            + "compact data in its object header holds (0 bytes)"),
        ("hdf5-huge-shape-trap.h5", "/features/x: declared shape [60, 72057594021150724] needs more bytes than "
            + "can be counted, more than the whole file holds (11824 bytes)"),
    ]

    @Test(arguments: cases, ["info", "verify"])
    func aFindingIsRefusedWithExitThree(_ finding: (file: String, message: String), command: String) throws {
        let path = Self.findings.appendingPathComponent(finding.file).path
        let process = try HashlabProcess.start(["datasets", command, path])
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        let finished = !process.isRunning
        if !finished { kill(process.processIdentifier, SIGKILL) }
        let result = HashlabProcess(waitingFor: process)
        #expect(finished, "\(finding.file): still running after 60 s")
        #expect(result.status == 3, "\(finding.file): status \(result.status) (≥ 128 is a signal): \(result.error)")
        #expect(result.error.hasPrefix("hashlab: error: \(path): \(finding.message)"), "\(result.error)")
    }
}
