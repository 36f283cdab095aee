import Linalg
import Testing

@Suite("BLAS library description")
struct BLASLibraryTests {
    @Test("OpenBLAS reports its configuration, core and threads")
    func description() {
        #expect(BLASLibrary.configuration.hasPrefix("OpenBLAS"))
        #expect(!BLASLibrary.coreName.isEmpty)
        let threads = BLASLibrary.threads
        #expect(threads >= 1)
        BLASLibrary.setThreads(threads)
        #expect(BLASLibrary.threads == threads)
    }
}
