import Foundation
import Testing

/// One malformed spec for ``BadSpecTests``: the files it needs (`spec.yaml`, and any it
/// extends, in a fresh folder), extra arguments, and the message both `hashlab plan`
/// and `hashlab run` must give. In ``files`` and ``message``, `DIR` stands for the
/// folder; ``spec`` is the path given to the commands (`DIR/spec.yaml` unless a case
/// names another).
struct BadSpec: Sendable, CustomTestStringConvertible {
    let name: String
    let files: [String: [UInt8]]
    let spec: String
    let arguments: [String]
    /// The commands that take the case: `plan` and `run`, or `run` alone for `--only`.
    let commands: [String]
    /// The first line on standard error after `hashlab: error: ` must start with this.
    let message: String

    var testDescription: String { name }

    /// The valid spec that most cases change one line of: mfeat, unseen digits 8 and 9,
    /// two methods, two code lengths, two seeds, a table.
    static let valid = """
        experiment: bad
        dataset: mfeat
        protocol: {unseen: [8, 9], queries: 100}
        bits: [16, 32]
        seeds: [1, 2]
        methods:
          - method: aszh
            params: {ratio: ["1/-1", "5/-1"], lambda: 1e-2}
          - method: lsh
        report:
          - table: {rows: method, columns: bits, value: map}
        """

    init(_ name: String, files: [String: [UInt8]], spec: String = "DIR/spec.yaml", arguments: [String] = [],
         commands: [String] = ["plan", "run"], message: String) {
        self.name = name
        self.files = files
        self.spec = spec
        self.arguments = arguments
        self.commands = commands
        self.message = message
    }

    /// ``valid`` with line `line` (from 1) replaced by `text` as `spec.yaml`.
    static func line(_ line: Int, _ text: String, _ name: String, message: String,
                     arguments: [String] = [], commands: [String] = ["plan", "run"]) -> BadSpec {
        var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return BadSpec(name, files: ["spec.yaml": Array(lines.joined(separator: "\n").utf8)], arguments: arguments,
                       commands: commands, message: message)
    }

    /// `yaml` as `spec.yaml`.
    static func text(_ yaml: String, _ name: String, message: String) -> BadSpec {
        BadSpec(name, files: ["spec.yaml": Array(yaml.utf8)], message: message)
    }

    /// ``valid`` with `text` added as line 12 onwards.
    static func appending(_ text: String, _ name: String, message: String) -> BadSpec {
        BadSpec(name, files: ["spec.yaml": Array((valid + "\n" + text).utf8)], message: message)
    }
}
