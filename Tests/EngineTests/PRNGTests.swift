import Testing

@testable import Engine

@Suite("Pseudo-random generators")
struct PRNGTests {
    @Test("SplitMix64 matches the reference sequence for seed 0")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect(
            [generator.next(), generator.next(), generator.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
    }

    @Test("xoshiro256** matches the reference sequence from state (1, 2, 3, 4)")
    func xoshiro() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect((0..<4).map { _ in generator.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    /// Pinned from an independent Python transcription of the same algorithms: any change
    /// to seeding, bounded integers, unit floats or the shuffle alters training runs.
    @Test("seeding, bounded integers, unit floats and the shuffle are pinned")
    func derivedSequences() {
        func seeded() -> Xoshiro256StarStar {
            var seeder = SplitMix64(seed: 42)
            return Xoshiro256StarStar(seeding: &seeder)
        }
        var raw = seeded()
        #expect(
            [raw.next(), raw.next(), raw.next()] == [
                0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1,
            ])
        var bounded = seeded()
        #expect((0..<10).map { _ in bounded.next(below: 10) } == [0, 3, 6, 9, 9, 7, 7, 8, 7, 5])
        var unit = seeded()
        #expect(
            (0..<3).map { _ in unit.nextUnitFloat() } == [0.08386296033859253, 0.37898021936416626, 0.6800433993339539])
        var shuffler = seeded()
        var elements: [Int32] = Array(0..<10)
        elements.withUnsafeMutableBufferPointer { shuffler.shuffle($0) }
        #expect(elements == [9, 1, 4, 2, 8, 7, 6, 5, 3, 0])
    }

    @Test("bounded integers are uniform: each of 7 values within 4σ of n/7 over 70,000 draws")
    func boundedUniformity() {
        var generator = Xoshiro256StarStar(state: (5, 6, 7, 8))
        var counts = Array(repeating: 0, count: 7)
        for _ in 0..<70000 { counts[generator.next(below: 7)] += 1 }
        // Binomial(70000, 1/7): σ = √(70000 · 1/7 · 6/7) ≈ 92.6.
        #expect(counts.allSatisfy { abs($0 - 10000) < 371 }, "\(counts)")
    }

    @Test("unit floats lie in [0, 1) and uniform floats in their range")
    func floatRanges() {
        var generator = Xoshiro256StarStar(state: (9, 10, 11, 12))
        for _ in 0..<10000 {
            let u = generator.nextUnitFloat()
            #expect(u >= 0 && u < 1)
            let x = generator.nextFloat(in: -0.5, 0.25)
            #expect(x >= -0.5 && x < 0.25)
        }
    }
}
