import Datasets
import Perturbations
import Testing

/// Labels 0,0,0,1,1,2,0,1,2,2,1,0 (three classes).
private let set = ImageSet(
    pixels: Array(0..<12), labels: [0, 0, 0, 1, 1, 2, 0, 1, 2, 2, 1, 0], featureCount: 1, classCount: 3)

@Suite("Balanced training subsets")
struct TrainSubsetTests {
    @Test("the same number of each class, its first images, in file order")
    func balanced() throws {
        #expect(try set.balancedIndices(count: 6) == [0, 1, 3, 4, 5, 8])
        #expect(try set.balancedIndices(count: 9) == [0, 1, 2, 3, 4, 5, 7, 8, 9])
    }

    @Test("a remainder goes one each to the lowest classes")
    func remainder() throws {
        // 8 = 3 + 3 + 2: classes 0 and 1 take one more.
        let indices = try set.balancedIndices(count: 8)
        #expect(indices == [0, 1, 2, 3, 4, 5, 7, 8])
        #expect(set.gathering(indices).labels == [0, 0, 0, 1, 1, 2, 1, 2])
    }

    @Test("a class with too few images is one clear error")
    func short() {
        #expect(
            throws: SubsetError(
                description: "a balanced subset of 13 training images needs 4 of class 2, but the training split has 3"
            )
        ) { try set.balancedIndices(count: 13) }
    }
}
