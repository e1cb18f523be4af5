import Datasets
import Engine

/// Training labels replaced by a different class, chosen uniformly: the label noise of a
/// run, determined by its seed alone.
///
/// With `n` training images and fraction `P`, `round(P · n)` images (halves away from
/// zero) are drawn without replacement by the first steps of a Fisher–Yates shuffle of
/// `0 ..< n` (step `i` swaps position `i` with `i + below(n − i)`); in the order drawn, each
/// gets the label `(y + 1 + below(C − 1)) mod C`, never its own. `below(k)` is
/// ``Xoshiro256StarStar/next(below:)`` of a generator seeded by SplitMix64 from
/// `seed XOR 0x6C61_6265_6C5F_6E6F` ("label_no"), a stream apart from the weights',
/// shuffles' and dropout's.
public struct LabelNoise: Sendable, Hashable {
    public static let streamKey: UInt64 = 0x6C61_6265_6C5F_6E6F

    public let fraction: Double
    public let seed: UInt64

    public init(fraction: Double, seed: UInt64) {
        precondition(fraction >= 0 && fraction < 1, "label noise is a fraction in [0, 1)")
        self.fraction = fraction
        self.seed = seed
    }

    /// Labels changed for a set of `count` images.
    public func changedCount(of count: Int) -> Int {
        Int((fraction * Double(count)).rounded())
    }

    /// `set` with its noisy labels, and the indices whose label changed, in the order drawn.
    public func apply(to set: ImageSet) -> (set: ImageSet, changed: [Int]) {
        let count = set.count
        let changes = changedCount(of: count)
        guard changes > 0, set.classCount > 1 else { return (set, []) }
        var seeder = SplitMix64(seed: seed ^ Self.streamKey)
        var generator = Xoshiro256StarStar(seeding: &seeder)
        var order = Array(0..<count)
        for i in 0..<changes {
            order.swapAt(i, i + generator.next(below: count - i))
        }
        var labels = set.labels
        let classes = set.classCount
        for index in order[..<changes] {
            labels[index] = UInt8((Int(labels[index]) + 1 + generator.next(below: classes - 1)) % classes)
        }
        return (set.relabelled(labels), Array(order[..<changes]))
    }
}
