import Datasets
import Linalg
import Testing

@Suite struct HDF5AttributeTests {
    @Test func attributesOfEveryKindRoundTripOnRootGroupsAndDatasets() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/attributes.h5"
            try HDF5File.write(to: path) { file in
                try file.write([Float(1)], to: "/features/image")
                try file.setAttribute("name", "mfeat")
                try file.setAttribute("citation", "Ångström et al.")
                try file.setAttribute("empty", "")
                try file.setAttribute("replaced", "first")
                try file.setAttribute("replaced", Int64(2))
                try file.setAttribute("float32", -Float.greatestFiniteMagnitude)
                try file.setAttribute("float64", Double(-0.0))
                try file.setAttribute("uint8", UInt8.max)
                try file.setAttribute("int8", Int8.min)
                try file.setAttribute("int32", Int32.min)
                try file.setAttribute("int64", Int64.max)
                try file.setAttribute("uint64", UInt64.max)
                try file.setAttribute("modality", "image", on: "/features/image")
                try file.setAttribute("count", Int32(1), on: "/features")
            }
            let file = try HDF5File(reading: path)
            #expect(try file.stringAttribute("name") == "mfeat")
            #expect(try file.stringAttribute("citation", on: "/") == "Ångström et al.")
            #expect(try file.stringAttribute("empty") == "")
            #expect(try file.numericAttribute("replaced", as: Int64.self) == 2)
            #expect(try file.numericAttribute("float32", as: Float.self) == -.greatestFiniteMagnitude)
            #expect(try file.numericAttribute("float64", as: Double.self).bitPattern == (-0.0 as Double).bitPattern)
            #expect(try file.numericAttribute("uint8", as: UInt8.self) == .max)
            #expect(try file.numericAttribute("int8", as: Int8.self) == .min)
            #expect(try file.numericAttribute("int32", as: Int32.self) == .min)
            #expect(try file.numericAttribute("int64", as: Int64.self) == .max)
            #expect(try file.numericAttribute("uint64", as: UInt64.self) == .max)
            #expect(try file.stringAttribute("modality", on: "/features/image") == "image")
            #expect(try file.numericAttribute("count", on: "features", as: Int32.self) == 1)
            #expect(try file.attributeNames() == [
                "citation", "empty", "float32", "float64", "int32", "int64", "int8", "name",
                "replaced", "uint64", "uint8",
            ])
            #expect(try file.attributeNames(on: "/features/image") == ["modality"])
            #expect(try file.attributeNames(on: "/features") == ["count"])
        }
    }

    @Test func foreignAttributeLayoutsAreRead() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/foreign.h5"
            HDF5Fixtures.writeForeignLayouts(to: path)
            let file = try HDF5File(reading: path)
            #expect(try file.stringAttribute("fixed") == "MATLAB")
            #expect(try file.numericAttribute("array", as: Double.self) == 2.5)
            let error = #expect(throws: HDF5Error.self) { try file.numericAttribute("pair", as: Int32.self) }
            #expect(error == .attributeNotScalar(file: path, path: "/", name: "pair", shape: [2]))
        }
    }

    @Test func attributeErrorsNameFileObjectAndAttribute() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/attributes.h5"
            try HDF5File.write(to: path) { file in
                try file.write([UInt8(1)], to: "/labels")
                try file.setAttribute("scale", Double(0.5), on: "/labels")
            }
            let file = try HDF5File(reading: path)
            let missing = #expect(throws: HDF5Error.self) { try file.stringAttribute("unit", on: "/labels") }
            #expect(missing == .missingAttribute(file: path, path: "/labels", name: "unit"))
            let wrongType = #expect(throws: HDF5Error.self) {
                try file.numericAttribute("scale", on: "/labels", as: Float.self)
            }
            #expect(wrongType == .wrongAttributeType(file: path, path: "/labels", name: "scale",
                                                     expected: .float32, found: .float64))
            let notString = #expect(throws: HDF5Error.self) { try file.stringAttribute("scale", on: "/labels") }
            #expect(notString == .wrongAttributeType(file: path, path: "/labels", name: "scale",
                                                     expected: .string, found: .float64))
            let noObject = #expect(throws: HDF5Error.self) { try file.attributeNames(on: "/codes") }
            #expect(noObject == .missingObject(file: path, path: "/codes"))
            let readOnly = #expect(throws: HDF5Error.self) { try file.setAttribute("unit", "bits", on: "/labels") }
            #expect(readOnly == .attributeWriteFailed(file: path, path: "/labels", name: "unit"))
            for error in [missing, wrongType, notString, readOnly].compactMap({ $0 }) {
                #expect(error.description.contains(path))
                #expect(error.description.contains("/labels"))
            }
            #expect(wrongType?.description.hasSuffix("attribute \"scale\": expected float32, found float64") == true)
        }
    }
}
