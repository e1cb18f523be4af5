import Datasets

@testable import Engine

/// Seeded random inputs for tests, from the engine's own generator.
struct TestRandom {
    var generator: Xoshiro256StarStar

    init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        generator = Xoshiro256StarStar(seeding: &seeder)
    }

    mutating func floats(_ count: Int, in range: ClosedRange<Float> = -1...1) -> [Float] {
        (0..<count).map { _ in generator.nextFloat(in: range.lowerBound, range.upperBound) }
    }

    mutating func matrix(_ rows: Int, _ columns: Int, in range: ClosedRange<Float> = -1...1) -> Matrix {
        Matrix(rows: rows, columns: columns, values: floats(rows * columns, in: range))
    }

    mutating func int(below bound: Int) -> Int {
        generator.next(below: bound)
    }

    /// `count` random images of `features` pixels with random labels below `classes`.
    mutating func imageSet(count: Int, features: Int, classes: Int) -> ImageSet {
        ImageSet(
            pixels: (0..<count * features).map { _ in UInt8(int(below: 256)) },
            labels: (0..<count).map { _ in UInt8(int(below: classes)) },
            featureCount: features, classCount: classes
        )
    }
}
