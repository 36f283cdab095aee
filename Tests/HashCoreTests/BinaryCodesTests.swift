import HashCore
import Linalg
import TestSupport
import Testing

@Suite struct BinaryCodesTests {
    @Test func signsPackLeastSignificantBitFirstWithZeroAsPlusOne() throws {
        let codes = try BinaryCodes(signsOf: Matrix<Float>([[1, -1, 0, -0.5], [-2, 3, -1, 0.25]]))
        // Row 0: +1, −1, +1 (sign 0), −1 → bits 0 and 2 → 0b0101 = 5.
        // Row 1: −1, +1, −1, +1 → bits 1 and 3 → 0b1010 = 10.
        #expect(codes.words == [5, 10])
        #expect(codes.bitCount == 4 && codes.wordsPerCode == 1)
        #expect(codes.hammingDistance(0, to: codes, 1) == 4)
    }

    @Test func codesLongerThanOneWordSpanWords() throws {
        var values = [Float](repeating: -1, count: 70)
        values[0] = 1
        values[64] = 1
        values[69] = 1
        let codes = try BinaryCodes(signsOf: Matrix(rows: 1, columns: 70, elements: values))
        #expect(codes.words == [1, 0b100001])
        #expect(codes.signs(as: Float.self).elements == values)
    }

    @Test func plusMinusOneInputIsCheckedValueByValue() throws {
        let codes = try BinaryCodes(plusMinusOne: Matrix<Int8>([[1, -1, 1]]))
        #expect(codes.words == [5])
        #expect(throws: BinaryCodesError.notPlusMinusOne(row: 0, column: 1, value: "0")) {
            try BinaryCodes(plusMinusOne: Matrix<Int8>([[1, 0, 1]]))
        }
    }

    @Test func invalidInputsAreRejected() {
        #expect(throws: BinaryCodesError.notFinite(row: 1, column: 0)) {
            try BinaryCodes(signsOf: Matrix<Float>([[1], [.nan]]))
        }
        #expect(throws: BinaryCodesError.paddingBitsSet(code: 1)) {
            try BinaryCodes(count: 2, bitCount: 3, words: [7, 8])
        }
        #expect(throws: BinaryCodesError.wordCountMismatch(expected: 4, found: 3)) {
            try BinaryCodes(count: 2, bitCount: 65, words: [0, 0, 0])
        }
    }

    @Test func hammingDistanceCountsDifferingSigns() throws {
        var generator = SeededGenerator(seed: 3)
        let matrix: Matrix<Float> = generator.normalMatrix(rows: 20, columns: 100)
        let codes = try BinaryCodes(signsOf: matrix)
        for first in 0..<20 {
            for second in 0..<20 {
                let expected = (0..<100).filter {
                    (matrix[first, $0] >= 0) != (matrix[second, $0] >= 0)
                }.count
                #expect(codes.hammingDistance(first, to: codes, second) == expected)
            }
        }
    }

    @Test func labelSetsShareLabelsBitwise() throws {
        let labels = try LabelSets(multiHot: Matrix<UInt8>([[1, 0, 1], [0, 1, 0], [0, 0, 1], [0, 0, 0]]))
        #expect(labels.sharesLabel(0, with: labels, 2))
        #expect(!labels.sharesLabel(0, with: labels, 1))
        #expect(!labels.sharesLabel(3, with: labels, 3))
        #expect(throws: LabelSetsError.notBinary(row: 0, column: 0, value: "2")) {
            try LabelSets(multiHot: Matrix<UInt8>([[2]]))
        }
        #expect(throws: LabelSetsError.classOutOfRange(item: 1, label: 3, classCount: 3)) {
            try LabelSets(classIndices: [0, 3], classCount: 3)
        }
    }
}
