import Foundation
import Testing

@testable import Engine

@Suite("Parallel parts")
struct ParallelTests {
    @Test("every part runs exactly once", arguments: [1, 2, 3, 5])
    func everyPartOnce(parts: Int) {
        for _ in 0..<200 {
            var counts = [Int](repeating: 0, count: parts)
            counts.withUnsafeMutableBufferPointer { counts in
                Parallel.run(parts) { counts[$0] += 1 }
            }
            #expect(counts == Array(repeating: 1, count: parts))
        }
    }

    @Test("a part that asks for parts of its own gets them, run in turn")
    func nested() {
        var sums = [Int](repeating: 0, count: 6)
        sums.withUnsafeMutableBufferPointer { sums in
            Parallel.run(2) { outer in
                Parallel.run(3) { inner in sums[outer * 3 + inner] += outer * 10 + inner }
            }
        }
        #expect(sums == [0, 1, 2, 10, 11, 12])
    }

    @Test("two callers at once both get all their parts")
    func concurrentCallers() async {
        let totals = await withTaskGroup(of: Int.self) { group in
            for caller in 0..<2 {
                group.addTask {
                    var total = 0
                    for _ in 0..<300 {
                        var parts = [Int](repeating: 0, count: 3)
                        parts.withUnsafeMutableBufferPointer { parts in
                            Parallel.run(3) { parts[$0] = caller * 100 + $0 + 1 }
                        }
                        total += parts.reduce(0, +)
                    }
                    return total
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }.sorted()
        }
        // Per call: (1 + 2 + 3) for caller 0, (101 + 102 + 103) for caller 1.
        #expect(totals == [300 * 6, 300 * 306])
    }

    @Test("large passes split into contiguous parts covering every row once")
    func forEachPart() {
        for threads in [1, 2, 3] {
            var seen = [Int](repeating: 0, count: 1000)
            seen.withUnsafeMutableBufferPointer { seen in
                Parallel.forEachPart(of: 1000, elementsPerItem: Parallel.threshold, threads: threads) { range in
                    for row in range { seen[row] += 1 }
                }
            }
            #expect(seen.allSatisfy { $0 == 1 }, "threads \(threads)")
        }
    }
}
