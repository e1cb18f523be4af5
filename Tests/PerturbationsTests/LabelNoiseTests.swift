import Datasets
import Perturbations
import Testing

/// 1,000 one-pixel images whose labels cycle through 10 classes.
private let set = ImageSet(
    pixels: Array(repeating: 0, count: 1000), labels: (0..<1000).map { UInt8($0 % 10) }, featureCount: 1)

@Suite("Label noise")
struct LabelNoiseTests {
    @Test("exactly round(P · n) labels change, each to another class", arguments: [0, 0.001, 0.3, 0.55, 0.999])
    func changesTheStatedCount(fraction: Double) {
        let (noisy, changed) = LabelNoise(fraction: fraction, seed: 4).apply(to: set)
        let expected = Int((fraction * 1000).rounded())
        #expect(changed.count == expected && Set(changed).count == expected)
        let differing = (0..<1000).filter { noisy.labels[$0] != set.labels[$0] }
        #expect(differing == changed.sorted())
        #expect(noisy.pixels == set.pixels)
    }

    @Test("halves round away from zero: 0.5 of 5 labels is 3")
    func rounding() {
        let five = set.prefix(5)
        #expect(LabelNoise(fraction: 0.5, seed: 1).apply(to: five).changed.count == 3)
        #expect(LabelNoise(fraction: 0.5, seed: 1).changedCount(of: 5) == 3)
    }

    @Test("the same images and labels for one seed, others for another")
    func determinism() {
        let first = LabelNoise(fraction: 0.2, seed: 9).apply(to: set)
        let again = LabelNoise(fraction: 0.2, seed: 9).apply(to: set)
        let other = LabelNoise(fraction: 0.2, seed: 10).apply(to: set)
        #expect(first.changed == again.changed && first.set.labels == again.set.labels)
        #expect(first.changed != other.changed)
    }

    /// 900 changes of class-cycling labels: every other class is drawn, none too often
    /// (each of the 9 expects 100 ± 3·√(100·8/9)).
    @Test("new classes spread uniformly over the other nine")
    func uniform() {
        let (noisy, changed) = LabelNoise(fraction: 0.9, seed: 2).apply(to: set)
        var shifts = Array(repeating: 0, count: 10)
        for index in changed { shifts[(Int(noisy.labels[index]) - Int(set.labels[index]) + 10) % 10] += 1 }
        #expect(shifts[0] == 0)
        #expect(shifts[1...].allSatisfy { abs($0 - 100) < 29 })
    }
}
