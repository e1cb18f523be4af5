import Datasets
import Engine
import Foundation

/// Gaussian noise of standard deviation σ added to every pixel of every split and clipped
/// to [0, 1]: a fixed noisy dataset (the same noise in every epoch), determined by the
/// run's seed, the split and the image's index in its split.
///
/// Image `i` of split `s` (0 train, 1 dev, 2 test; `i` counts from 0 in the 50,000 training
/// images, the 10,000 dev images or the 10,000 test images, whatever subset is trained
/// on) has its own generator: xoshiro256** seeded with four SplitMix64 outputs from
/// `(seed XOR 0x696E_7075_745F_6E6F) + s · 2³² + i` (wrapping). Its pixels take normal
/// deviates in order, two per Box–Muller pair: `u₁ = (next() >> 11) · 2⁻⁵³`, `u₂` likewise,
/// `r = √(−2 ln(1 − u₁))`, `z₀ = r cos(2π u₂)` for pixel `2k`, `z₁ = r sin(2π u₂)` for
/// pixel `2k + 1` (an odd last pixel drops `z₁`). The pixel becomes, in `Double`,
/// `min(1, max(0, byte / 255 + σ z))`, rounded once to `Float`.
public struct InputNoise: Sendable, Hashable {
    public static let streamKey: UInt64 = 0x696E_7075_745F_6E6F

    public let deviation: Double
    public let seed: UInt64

    public init(deviation: Double, seed: UInt64) {
        self.deviation = deviation
        self.seed = seed
    }

    /// Which split an image belongs to, in the per-image seed.
    public enum Split: UInt64, Sendable {
        case train = 0
        case dev = 1
        case test = 2
    }

    /// `set` with noisy intensities; `indices[k]` is image `k`'s index in its split.
    public func apply(to set: ImageSet, split: Split, indices: [Int]? = nil) -> ImageSet {
        let features = set.featureCount
        var values = [Float](repeating: 0, count: set.pixels.count)
        let sigma = deviation
        set.pixels.withUnsafeBufferPointer { pixels in
            values.withUnsafeMutableBufferPointer { out in
                for image in 0..<set.count {
                    let index = indices?[image] ?? image
                    var seeder = SplitMix64(seed: (seed ^ Self.streamKey) &+ split.rawValue << 32 &+ UInt64(index))
                    var generator = Xoshiro256StarStar(seeding: &seeder)
                    let base = image * features
                    var j = 0
                    while j < features {
                        let (z0, z1) = Self.normalPair(&generator)
                        out[base + j] = Self.noisy(pixels[base + j], sigma * z0)
                        if j + 1 < features { out[base + j + 1] = Self.noisy(pixels[base + j + 1], sigma * z1) }
                        j += 2
                    }
                }
            }
        }
        return set.with(intensities: values)
    }

    /// Two independent standard normal deviates by Box–Muller.
    static func normalPair(_ generator: inout Xoshiro256StarStar) -> (Double, Double) {
        let u1 = Double(generator.next() >> 11) * 0x1p-53
        let u2 = Double(generator.next() >> 11) * 0x1p-53
        let r = (-2 * log(1 - u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        return (r * cos(theta), r * sin(theta))
    }

    @inline(__always)
    static func noisy(_ byte: UInt8, _ noise: Double) -> Float {
        Float(min(1, max(0, Double(byte) / 255 + noise)))
    }
}
