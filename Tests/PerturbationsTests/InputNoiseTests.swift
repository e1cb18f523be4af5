import Datasets
import Perturbations
import TestSupport
import Testing

private func grey(images: Int, features: Int = 784, byte: UInt8 = 128) -> ImageSet {
    ImageSet(
        pixels: Array(repeating: byte, count: images * features), labels: Array(repeating: 0, count: images),
        featureCount: features)
}

@Suite("Input noise")
struct InputNoiseTests {
    /// `scripts/input_noise.py 7 0.1 1 42 5` (mid-grey, dev image 42) and
    /// `printf '0\n255\n10\n' | scripts/input_noise.py 7 0.5 0 3` printed these: the recipe
    /// the README gives regenerates tracker's noise outside it.
    @Test("the documented recipe gives the same intensities")
    func matchesTheRecipe() throws {
        let dev = InputNoise(deviation: 0.1, seed: 7).apply(to: grey(images: 43, features: 5), split: .dev)
        let image = try #require(dev.intensities).suffix(5)
        #expect(
            Array(image)
                == [
                    0.38645654916763306, 0.43310782313346863, 0.5641185641288757, 0.6520878672599792,
                    0.3780868947505951,
                ].map { Float($0) })
        let set = ImageSet(pixels: [0, 255, 10], labels: [0], featureCount: 3)
        let train = InputNoise(deviation: 0.5, seed: 7).apply(to: set, split: .train, indices: [3])
        #expect(train.intensities == [0, 1, Float(0.2500929832458496)])
    }

    /// 200 mid-grey images: 156,800 deviates, so the mean is within 4 standard errors
    /// (4 · 0.05/√156800 ≈ 5e-4) and the deviation within 2%; a grey of 128/255 is 10σ from
    /// either bound, so nothing is clipped.
    @Test("noise of the stated mean and deviation")
    func statedMeanAndDeviation() throws {
        let set = grey(images: 200)
        let noisy = try #require(InputNoise(deviation: 0.05, seed: 3).apply(to: set, split: .train).intensities)
        let noise = noisy.map { Double($0) - 128.0 / 255 }
        let (mean, deviation) = TestSupport.meanAndDeviation(noise)
        #expect(abs(mean) < 5e-4)
        #expect(abs(try #require(deviation) - 0.05) < 0.001)
    }

    @Test("identical for one seed, different for another and for each split and image")
    func determinism() throws {
        let set = grey(images: 4)
        let first = InputNoise(deviation: 0.2, seed: 11).apply(to: set, split: .test)
        let second = InputNoise(deviation: 0.2, seed: 11).apply(to: set, split: .test)
        #expect(first.intensities == second.intensities)
        #expect(InputNoise(deviation: 0.2, seed: 12).apply(to: set, split: .test).intensities != first.intensities)
        #expect(InputNoise(deviation: 0.2, seed: 11).apply(to: set, split: .dev).intensities != first.intensities)
        let values = try #require(first.intensities)
        #expect(values[0..<784] != values[784..<1568])
        // An image's noise depends on its index in the split, not on the subset it is in.
        let third = InputNoise(deviation: 0.2, seed: 11).apply(to: set.slice(2..<3), split: .test, indices: [2])
        #expect(third.intensities.map { Array($0) } == Array(values[1568..<2352]))
    }

    @Test("clipped to [0, 1]")
    func clipped() throws {
        let set = ImageSet(
            pixels: Array(repeating: 0, count: 392) + Array(repeating: 255, count: 392), labels: [0], featureCount: 784)
        let values = try #require(InputNoise(deviation: 1, seed: 1).apply(to: set, split: .train).intensities)
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(values[..<392].contains(0) && values[..<392].contains { $0 > 0 })
        #expect(values[392...].contains(1) && values[392...].contains { $0 < 1 })
    }
}
