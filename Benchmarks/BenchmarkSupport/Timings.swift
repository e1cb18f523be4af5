import Engine
import Foundation

/// Wall-clock times of repeated calls, in seconds, on the monotonic clock.
public struct Timings: Sendable {
    /// One entry per timed call, in order.
    public private(set) var seconds: [Double]

    /// Times `body` `count` times, after one untimed call that warms caches and threads
    /// up (none when `warmUp` is false).
    public init(_ count: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows {
        precondition(count > 0, "time at least one call")
        if warmUp { try body() }
        seconds = []
        for _ in 0..<count { seconds.append(try measure(body)) }
    }

    /// Times `body` again and again for about `budget` seconds, at least `minimum` and
    /// at most `maximum` times, after one untimed call.
    public init(for budget: Double, minimum: Int = 5, maximum: Int = 10_000, _ body: () throws -> Void) rethrows {
        precondition(minimum > 0 && maximum >= minimum, "time at least one call")
        try body()
        seconds = []
        var spent = 0.0
        while seconds.count < minimum || (spent < budget && seconds.count < maximum) {
            seconds.append(try measure(body))
            spent += seconds[seconds.count - 1]
        }
    }

    /// Times measured elsewhere, for calls timed in alternation with others.
    public init(seconds: [Double]) {
        precondition(!seconds.isEmpty, "time at least one call")
        self.seconds = seconds
    }

    public var count: Int { seconds.count }
    public var total: Double { seconds.reduce(0, +) }
    public var minimum: Double { seconds.min() ?? .nan }
    public var mean: Double { total / Double(count) }

    /// The middle time, or the mean of the two middle ones.
    public var median: Double {
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Seconds taken by `body`, on the monotonic clock.
public func measure(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return (clock.now - start).seconds
}
