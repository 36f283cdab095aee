import Linalg
import Testing

@Suite("LinalgError messages")
struct LinalgErrorTests {
    @Test("messages name the routine and the number LAPACK reported")
    func messages() {
        #expect(LinalgError.notPositiveDefinite(leadingMinor: 3).description.contains("order 3"))
        #expect(LinalgError.didNotConverge(routine: "?syevd", info: 5).description
            .contains("?syevd did not converge (info = 5)"))
        #expect(LinalgError.invalidArgument(routine: "?gesdd", argument: 4).description
            .contains("?gesdd rejected argument 4"))
        #expect(LinalgError.allocationFailed(routine: "?posv").description.contains("?posv"))
    }
}
