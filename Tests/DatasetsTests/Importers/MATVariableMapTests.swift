import Datasets
import Testing

/// The variables of a `mat` import as the command line gives them, and every
/// inconsistency in them refused with the list at fault.
@Suite struct MATVariableMapTests {
    static func map(_ modalities: [String] = ["image=I_tr,I_te", "text=T_tr,T_te"], labels: String = "L_tr,L_te",
                    split: String? = "train,test", classNames: String? = nil) throws -> MATVariableMap {
        try MATVariableMap(modalities: modalities, labels: labels, split: split, classNames: classNames)
    }

    @Test func parsesModalitiesLabelsPartsAndClassNames() throws {
        let map = try Self.map(["image = I_tr, I_te", "text=T_tr,T_te"], labels: "L_tr ,L_te",
                               split: "train, test", classNames: " names")
        #expect(map.modalities == [.init(name: "image", variables: ["I_tr", "I_te"]),
                                   .init(name: "text", variables: ["T_tr", "T_te"])])
        #expect(map.labels == ["L_tr", "L_te"])
        #expect(map.partNames == ["train", "test"])
        #expect(map.classNames == "names")
        #expect(map.partCount == 2)
    }

    @Test func onePartNeedsNoName() throws {
        let map = try Self.map(["image=I"], labels: "L", split: nil)
        #expect(map.partNames.isEmpty)
        #expect(try Self.map(["image=I"], labels: "L", split: "all").partNames == ["all"])
    }

    @Test func malformedModalities() {
        #expect(throws: MATVariableMapError.notAnAssignment(text: "image")) {
            try Self.map(["image", "text=T_tr,T_te"])
        }
        #expect(throws: MATVariableMapError.emptyList(.modality("image"))) {
            try Self.map(["image=", "text=T_tr,T_te"])
        }
        #expect(throws: MATVariableMapError.emptyEntry(.modality("image"), text: "I_tr,,I_te")) {
            try Self.map(["image=I_tr,,I_te"])
        }
        #expect(throws: MATVariableMapError.invalidModalityName("")) { try Self.map(["=I_tr,I_te"]) }
        #expect(throws: MATVariableMapError.invalidModalityName("a/b")) { try Self.map(["a/b=I_tr,I_te"]) }
        #expect(throws: MATVariableMapError.noModalities) { try Self.map([]) }
        #expect(throws: MATVariableMapError.duplicateModality("image")) {
            try Self.map(["image=I_tr,I_te", "image=T_tr,T_te"])
        }
    }

    @Test func emptyLists() {
        #expect(throws: MATVariableMapError.emptyList(.labels)) { try Self.map(labels: " ") }
        #expect(throws: MATVariableMapError.emptyEntry(.labels, text: "L_tr,")) { try Self.map(labels: "L_tr,") }
        #expect(throws: MATVariableMapError.emptyList(.split)) { try Self.map(split: "") }
        #expect(throws: MATVariableMapError.emptyEntry(.split, text: "train,,test")) {
            try Self.map(split: "train,,test")
        }
        #expect(throws: MATVariableMapError.emptyList(.classNames)) { try Self.map(classNames: "") }
    }

    @Test func listsOfOtherPartCounts() {
        #expect(throws: MATVariableMapError.partCountMismatch(.modality("image"), count: 1, parts: 2)) {
            try Self.map(["image=I_tr", "text=T_tr,T_te"])
        }
        #expect(throws: MATVariableMapError.partCountMismatch(.modality("text"), count: 3, parts: 2)) {
            try Self.map(["image=I_tr,I_te", "text=T_tr,T_te,T_va"])
        }
        #expect(throws: MATVariableMapError.partCountMismatch(.split, count: 3, parts: 2)) {
            try Self.map(split: "train,test,val")
        }
        #expect(throws: MATVariableMapError.unnamedParts(count: 2)) { try Self.map(split: nil) }
    }

    @Test func namesGivenTwiceOrInvalid() {
        #expect(throws: MATVariableMapError.duplicateVariable("I_tr")) { try Self.map(["image=I_tr,I_tr"]) }
        #expect(throws: MATVariableMapError.duplicateVariable("L_tr")) { try Self.map(["image=I_tr,L_tr"]) }
        #expect(throws: MATVariableMapError.duplicateVariable("L_te")) { try Self.map(classNames: "L_te") }
        #expect(throws: MATVariableMapError.duplicatePart("train")) { try Self.map(split: "train,train") }
        #expect(throws: MATVariableMapError.invalidPartName("a/b")) { try Self.map(split: "train,a/b") }
    }

    @Test func descriptionsSayWhatIsWrongAndHowToWriteIt() {
        #expect(MATVariableMapError.notAnAssignment(text: "image").description
                    == "modality \"image\" is not of the form NAME=VARIABLE,… (e.g. image=I_tr,I_te)")
        #expect(MATVariableMapError.partCountMismatch(.modality("image"), count: 1, parts: 2).description
                    == "modality \"image\" names 1 part, but the labels name 2")
        #expect(MATVariableMapError.unnamedParts(count: 2).description
                    == "the labels list 2 parts: name them with the split (e.g. train,test)")
        #expect(MATVariableMapError.emptyList(.labels).description == "the labels: no variable named")
        #expect(MATVariableMapError.emptyList(.split).description == "the split names no part")
        #expect(MATVariableMapError.duplicateModality("image").description == "modality \"image\" is given twice")
    }
}
