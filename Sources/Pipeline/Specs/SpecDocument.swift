import Foundation
import Yams

/// A spec file's top-level entries after following `extends`: each key comes from the
/// nearest file on the chain that sets it, and `protocol` is merged key by key. Keys
/// are checked against ``keys`` (and ``ProtocolSettings/keys``) in every file.
struct SpecDocument {
    /// The top-level keys a spec may hold.
    static let keys = ["experiment", "description", "dataset", "protocol", "bits", "seeds", "modality", "modalities", "cutoffs",
                       "methods", "metrics", "report", "paper", "extends"]

    /// The loaded file's document, where missing top-level keys are reported.
    let root: SpecNode
    /// The top-level entries but `protocol` and `extends`.
    let entries: [String: SpecNode]
    /// The `protocol` entries, merged along the chain.
    let protocolEntries: [String: SpecNode]
    /// The nearest `protocol` mapping on the chain, where missing protocol settings
    /// are reported.
    let protocolNode: SpecNode?

    /// Reads `path` and the files it extends (relative paths from the extending
    /// file's folder).
    ///
    /// - Throws: ``SpecError`` for an unreadable file, a directory, a file that is not
    ///   UTF-8, invalid YAML, an unknown key, a missing extended file or an `extends` cycle.
    init(path: String) throws {
        try self.init(path: path, chain: [], extendedFrom: nil)
    }

    private init(path: String, chain: [(identity: String, path: String)], extendedFrom: SpecLocation?) throws {
        let identity = URL(fileURLWithPath: path).standardizedFileURL.path
        if let extendedFrom, chain.contains(where: { $0.identity == identity }) {
            throw SpecError.extendsCycle(extendedFrom, chain: chain.map(\.path) + [path])
        }
        let text: String
        do {
            text = try SpecText.read(path)
        } catch let error as SpecError {
            switch (error, extendedFrom) {
            case let (.unreadable, extendedFrom?):
                throw SpecError.extendsMissing(extendedFrom, path: path)
            case let (.isDirectory, extendedFrom?):
                throw SpecError.invalidValue(extendedFrom, reason: "\(path) is a directory, not a spec file")
            default:
                throw error
            }
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: path)
        }
        root = SpecNode(node: node ?? Node.mapping(Node.Mapping([])), file: path, key: "")
        guard root.node.mapping != nil else {
            throw SpecError.wrongType(root.location, expected: "a mapping of the spec's keys at the top level "
                                      + "(experiment: …, dataset: …), not a \(root.node.sequence != nil ? "list" : "single value")")
        }
        var entries = Dictionary(try root.entries(known: Self.keys).map { ($0.name, $0.value) },
                                 uniquingKeysWith: { $1 })
        let protocolNode = entries.removeValue(forKey: "protocol")
        var protocolEntries = try protocolNode.map { node in
            Dictionary(try node.entries(known: ProtocolSettings.keys).map { ($0.name, $0.value) },
                       uniquingKeysWith: { $1 })
        } ?? [:]
        var nearestProtocolNode = protocolNode
        if let extends = entries.removeValue(forKey: "extends") {
            let relative = try extends.text("a file path")
            let folder = (path as NSString).deletingLastPathComponent
            let basePath = relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative
            let base = try SpecDocument(path: basePath, chain: chain + [(identity, path)],
                                        extendedFrom: extends.location)
            entries = base.entries.merging(entries) { $1 }
            protocolEntries = base.protocolEntries.merging(protocolEntries) { $1 }
            nearestProtocolNode = protocolNode ?? base.protocolNode
        }
        self.protocolNode = nearestProtocolNode
        self.entries = entries
        self.protocolEntries = protocolEntries
    }

    /// The line and problem of a YAML error.
    private static func syntaxError(_ error: YamlError, file: String) -> SpecError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return .syntax(file: file, line: mark.line, reason: [context?.text, problem].compactMap { $0 }
                .joined(separator: ": "))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .syntax(file: file, line: context.mark.line,
                           reason: "duplicate key " + duplicates.sorted().joined(separator: ", "))
        default:
            return .syntax(file: file, line: 1, reason: "\(error)")
        }
    }
}
