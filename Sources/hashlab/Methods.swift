import ArgumentParser
import Methods

/// `hashlab methods`: the methods, their parameters, defaults and meanings.
struct ListMethods: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "methods", abstract: "List the hashing methods with their parameters and defaults.")

    func run() {
        print(MethodRegistry.help)
    }
}
