import HashCore
import Methods
import Testing

/// Parameter resolution through the registry: defaults, parsing, and errors that
/// name the method and suggest the nearest name.
@Suite struct ParameterTests {
    static let specs: [ParameterSpec] = [
        ParameterSpec("ratio", .ratio, default: .ratio(.values(same: 1, different: -1)), "r_s/r_d"),
        ParameterSpec("lambda", .real(0...1e6), default: .real(1), "weight"),
        ParameterSpec("anchors", .integer(1...100_000), default: .integer(1000), "anchors"),
        ParameterSpec("balance", .choice(["exact", "none", "soft"]), default: .choice("exact"), "balance"),
        ParameterSpec("sigma", .optionalReal(0...1e9), default: .automatic, "width"),
    ]

    @Test func defaultsAndParsing() throws {
        let resolved = try ResolvedParameters(method: "m", specs: Self.specs,
                                              given: ["ratio": "5/-1", "lambda": "0.01", "sigma": "2.5"])
        #expect(resolved.ratio("ratio") == .values(same: 5, different: -1))
        #expect(resolved.real("lambda") == 0.01)
        #expect(resolved.integer("anchors") == 1000)
        #expect(resolved.choice("balance") == "exact")
        #expect(resolved.optionalReal("sigma") == 2.5)
        #expect(resolved.assignments == ["anchors=1000", "balance=exact", "lambda=0.01", "ratio=5/-1", "sigma=2.5"])
        #expect(try ResolvedParameters(method: "m", specs: Self.specs, given: [:]).optionalReal("sigma") == nil)
    }

    @Test func optionalIntegersAreAutoOrAnIntegerInRange() throws {
        let specs = [ParameterSpec("columns", .optionalInteger(1...100), default: .automatic, "columns")]
        #expect(try ResolvedParameters(method: "m", specs: specs, given: [:]).optionalInteger("columns") == nil)
        #expect(try ResolvedParameters(method: "m", specs: specs, given: ["columns": "auto"]).optionalInteger("columns") == nil)
        let given = try ResolvedParameters(method: "m", specs: specs, given: ["columns": "64"])
        #expect(given.optionalInteger("columns") == 64)
        #expect(given.assignments == ["columns=64"])
        for text in ["0", "101", "2.5", "many"] {
            #expect(throws: ParameterError.invalidValue(method: "m", parameter: "columns", value: text,
                                                        expected: "\"auto\" or an integer in 1...100")) {
                try ResolvedParameters(method: "m", specs: specs, given: ["columns": text])
            }
        }
    }

    @Test func errorsNameMethodAndSuggest() {
        #expect(throws: ParameterError.unknownParameter(method: "m", parameter: "lamda", known: Self.specs.map(\.name),
                                                        suggestion: "lambda")) {
            try ResolvedParameters(method: "m", specs: Self.specs, given: ["lamda": "1"])
        }
        let error = #expect(throws: ParameterError.self) {
            try ResolvedParameters(method: "m", specs: Self.specs, given: ["balance": "exakt"])
        }
        #expect(error?.description == "method m, parameter balance: \"exakt\" is not one of exact, none, soft (did you mean \"exact\"?)")
        #expect(throws: ParameterError.self) { try ResolvedParameters(method: "m", specs: Self.specs, given: ["lambda": "-1"]) }
        #expect(throws: ParameterError.self) { try ResolvedParameters(method: "m", specs: Self.specs, given: ["anchors": "1.5"]) }
        #expect(throws: ParameterError.self) { try ResolvedParameters(method: "m", specs: Self.specs, given: ["ratio": "-1/5"]) }
        #expect(throws: ParameterError.unknownMethod(name: "lhs", known: MethodRegistry.methods.map { $0.name },
                                                     suggestion: "lsh")) {
            try MethodRegistry.make("lhs", parameters: [:])
        }
    }
}
