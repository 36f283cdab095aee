import Foundation

/// Which variables `hashlab datasets import mat` reads from the source files: for
/// each modality its feature matrices, one per part, and one label variable per part,
/// e.g. `image=I_tr,I_te`, `text=T_tr,T_te`, labels `L_tr,L_te` and parts
/// `train,test`.
///
/// A built map is consistent: at least one modality, each with a valid name and
/// given once; every list non-empty, without empty entries, and with one entry per
/// part (as many as the labels have); no variable named twice; and, when there is
/// more than one part, a valid, distinct name for each part. It says nothing about
/// the files: whether they hold the variables is the importer's check.
public struct MATVariableMap: Equatable, Sendable {
    /// One modality: its name (`/features/<name>`) and its feature variables, one per part.
    public struct Modality: Equatable, Sendable {
        public let name: String
        public let variables: [String]

        public init(name: String, variables: [String]) {
            self.name = name
            self.variables = variables
        }

        /// Parses `NAME=VARIABLE,VARIABLE,…` (blanks around names are dropped).
        ///
        /// - Throws: ``MATVariableMapError/notAnAssignment(text:)`` without `=`;
        ///   ``MATVariableMapError/emptyList(_:)`` and
        ///   ``MATVariableMapError/emptyEntry(_:text:)`` for missing variable names.
        public init(parsing text: String) throws {
            guard let equals = text.firstIndex(of: "=") else { throw MATVariableMapError.notAnAssignment(text: text) }
            let name = text[..<equals].trimmingCharacters(in: .whitespaces)
            self.init(name: name, variables: try MATVariableMap.names(in: String(text[text.index(after: equals)...]),
                                                                      list: .modality(name)))
        }
    }

    /// The split the parts are stored as: `/splits/given/<part>`.
    public static let splitName = "given"

    /// The modalities, in the order stored.
    public let modalities: [Modality]
    /// The label variables, one per part.
    public let labels: [String]
    /// The part names, one per part, stored as the split ``splitName``; empty for a
    /// single part given no name (no split is stored then).
    public let partNames: [String]
    /// The variable holding the class names, if any.
    public let classNames: String?

    /// The number of parts.
    public var partCount: Int { labels.count }

    /// Checks and holds the map.
    ///
    /// - Throws: ``MATVariableMapError`` for the first inconsistency found.
    public init(modalities: [Modality], labels: [String], partNames: [String] = [], classNames: String? = nil) throws {
        guard !modalities.isEmpty else { throw MATVariableMapError.noModalities }
        var seenModalities: Set<String> = []
        for modality in modalities {
            guard !modality.name.isEmpty, !modality.name.contains("/") else {
                throw MATVariableMapError.invalidModalityName(modality.name)
            }
            guard seenModalities.insert(modality.name).inserted else {
                throw MATVariableMapError.duplicateModality(modality.name)
            }
        }
        let lists = modalities.map { (MATVariableMapError.List.modality($0.name), $0.variables) }
            + [(.labels, labels)]
        for (list, variables) in lists {
            guard !variables.isEmpty else { throw MATVariableMapError.emptyList(list) }
            guard !variables.contains("") else {
                throw MATVariableMapError.emptyEntry(list, text: variables.joined(separator: ","))
            }
            guard variables.count == labels.count else {
                throw MATVariableMapError.partCountMismatch(list, count: variables.count, parts: labels.count)
            }
        }
        if classNames == "" { throw MATVariableMapError.emptyList(.classNames) }
        var seenVariables: Set<String> = []
        for variable in lists.flatMap(\.1) + (classNames.map { [$0] } ?? []) {
            guard seenVariables.insert(variable).inserted else { throw MATVariableMapError.duplicateVariable(variable) }
        }
        if partNames.isEmpty {
            guard labels.count == 1 else { throw MATVariableMapError.unnamedParts(count: labels.count) }
        } else {
            guard partNames.count == labels.count else {
                throw MATVariableMapError.partCountMismatch(.split, count: partNames.count, parts: labels.count)
            }
            var seenParts: Set<String> = []
            for part in partNames {
                guard !part.isEmpty, !part.contains("/") else { throw MATVariableMapError.invalidPartName(part) }
                guard seenParts.insert(part).inserted else { throw MATVariableMapError.duplicatePart(part) }
            }
        }
        self.modalities = modalities
        self.labels = labels
        self.partNames = partNames
        self.classNames = classNames
    }

    /// Parses the command line's form: `modalities` as `NAME=VARIABLE,…` each, and
    /// `labels` and `split` as comma-separated lists (blanks around names dropped).
    ///
    /// - Throws: ``MATVariableMapError``.
    public init(modalities: [String], labels: String, split: String?, classNames: String?) throws {
        try self.init(modalities: modalities.map(Modality.init(parsing:)),
                      labels: try Self.names(in: labels, list: .labels),
                      partNames: try split.map { try Self.names(in: $0, list: .split) } ?? [],
                      classNames: classNames?.trimmingCharacters(in: .whitespaces))
    }

    /// The comma-separated names in `text`.
    ///
    /// - Throws: ``MATVariableMapError/emptyList(_:)`` when `text` is blank,
    ///   ``MATVariableMapError/emptyEntry(_:text:)`` when an entry is.
    static func names(in text: String, list: MATVariableMapError.List) throws -> [String] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw MATVariableMapError.emptyList(list) }
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains("") else { throw MATVariableMapError.emptyEntry(list, text: text) }
        return names
    }
}
