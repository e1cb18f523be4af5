@testable import Datasets

/// Builds IDX files byte by byte, so tests can write good ones and break them on purpose.
enum IDXFixture {
    /// Magic `0x0000 type dims`, then each size as a big-endian UInt32.
    static func header(type: UInt8 = 0x08, sizes: [UInt32]) -> [UInt8] {
        [0, 0, type, UInt8(sizes.count)] + sizes.flatMap(bigEndian)
    }

    static func labels(_ labels: [UInt8]) -> [UInt8] {
        header(sizes: [UInt32(labels.count)]) + labels
    }

    /// `count` images of `rows × columns` pixels whose bytes are `seed, seed+1, …` (mod 256).
    static func images(count: Int, rows: Int, columns: Int, seed: UInt8 = 0) -> [UInt8] {
        header(sizes: [UInt32(count), UInt32(rows), UInt32(columns)])
            + pixels(count: count * rows * columns, seed: seed)
    }

    static func pixels(count: Int, seed: UInt8 = 0) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: Int(seed) + $0) }
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
