import HashCore
import Testing

@Suite struct NearestNameTests {
    @Test func editDistanceHandWorked() {
        #expect(NearestName.editDistance("kitten", "sitting") == 3)
        #expect(NearestName.editDistance("", "abc") == 3)
        #expect(NearestName.editDistance("abc", "") == 3)
        #expect(NearestName.editDistance("flaw", "lawn") == 2)
        #expect(NearestName.editDistance("same", "same") == 0)
    }

    @Test func suggestsOnlyLikelyTypos() {
        let names = ["aszh", "lsh", "bolsh", "itq", "sdh", "ksh"]
        #expect(NearestName.suggestion(for: "azsh", among: names) == "aszh")
        #expect(NearestName.suggestion(for: "BOLSH", among: names) == "bolsh")
        #expect(NearestName.suggestion(for: "lambda", among: ["lambda_", "alpha", "beta"]) == "lambda_")
        #expect(NearestName.suggestion(for: "completely-different", among: names) == nil)
        #expect(NearestName.hint(for: "itk", among: names) == " (did you mean \"itq\"?)")
        #expect(NearestName.hint(for: "zzzzzzzz", among: names) == "")
    }
}
