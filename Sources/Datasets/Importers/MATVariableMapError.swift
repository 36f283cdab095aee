/// Why a ``MATVariableMap`` cannot be built from the names given: each case says
/// which list (a modality's, the labels', the split's, the class names') is at fault.
public enum MATVariableMapError: Error, Equatable, CustomStringConvertible {
    /// A list of names in the map.
    public enum List: Equatable, Sendable, CustomStringConvertible {
        case modality(String)
        case labels
        case split
        case classNames

        public var description: String {
            switch self {
            case let .modality(name): return "modality \"\(name)\""
            case .labels: return "the labels"
            case .split: return "the split"
            case .classNames: return "the class names"
            }
        }
    }

    /// A modality given as `text` is not of the form `NAME=VARIABLE,…`.
    case notAnAssignment(text: String)
    /// A modality name is empty or contains `/`.
    case invalidModalityName(String)
    /// A part name is empty or contains `/`.
    case invalidPartName(String)
    /// The list names no variable (or no part).
    case emptyList(List)
    /// The list, given as `text`, holds an empty entry (`I_tr,,I_te`).
    case emptyEntry(List, text: String)
    /// No modality is named.
    case noModalities
    /// Two modalities have the same name.
    case duplicateModality(String)
    /// A variable is named twice (in one list or two).
    case duplicateVariable(String)
    /// Two parts have the same name.
    case duplicatePart(String)
    /// The list has `count` entries, one per part, but the labels have `parts`.
    case partCountMismatch(List, count: Int, parts: Int)
    /// There are `count` parts but no part names to store them under.
    case unnamedParts(count: Int)

    public var description: String {
        switch self {
        case let .notAnAssignment(text):
            return "modality \"\(text)\" is not of the form NAME=VARIABLE,… (e.g. image=I_tr,I_te)"
        case let .invalidModalityName(name):
            return "\"\(name)\" is not a valid modality name (empty or contains '/')"
        case let .invalidPartName(name):
            return "\"\(name)\" is not a valid part name (empty or contains '/')"
        case let .emptyList(list):
            return list == .split ? "the split names no part" : "\(list): no variable named"
        case let .emptyEntry(list, text):
            return "\(list): \"\(text)\" holds an empty name"
        case .noModalities:
            return "no modality given: name at least one as NAME=VARIABLE,… (e.g. image=I_tr,I_te)"
        case let .duplicateModality(name):
            return "modality \"\(name)\" is given twice"
        case let .duplicateVariable(variable):
            return "variable \"\(variable)\" is named twice"
        case let .duplicatePart(name):
            return "part \"\(name)\" is named twice in the split"
        case let .partCountMismatch(list, count, parts):
            return "\(list) names \(count) \(count == 1 ? "part" : "parts"), but the labels name \(parts)"
        case let .unnamedParts(count):
            return "the labels list \(count) parts: name them with the split (e.g. train,test)"
        }
    }
}
