/// Little-endian writing and bounds-checked reading of the fixed-width values a checkpoint
/// is made of, and its FNV-1a checksum.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ values: [Float]) {
        for value in values { write(value.bitPattern) }
    }

    mutating func write(_ values: [UInt8]) {
        bytes.append(contentsOf: values)
    }
}

/// Reads values in order; running past the end throws "truncated".
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    mutating func readBytes(_ count: Int) throws(EngineError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw EngineError("the checkpoint is truncated") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func readUInt8() throws(EngineError) -> UInt8 {
        try readBytes(1).first ?? 0
    }

    mutating func readUInt32() throws(EngineError) -> UInt32 {
        try readBytes(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func readUInt64() throws(EngineError) -> UInt64 {
        try readBytes(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// `count` floats; the length is checked before anything is allocated.
    mutating func readFloats(_ count: Int) throws(EngineError) -> [Float] {
        guard count >= 0, count <= remaining / 4 else { throw EngineError("the checkpoint is truncated") }
        let slice = try readBytes(count * 4)
        return slice.withUnsafeBytes { raw in
            (0..<count).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
    }
}

/// 64-bit FNV-1a of `bytes`: `h = (h ⊕ byte) · 0x100000001B3` from `0xCBF29CE484222325`.
func fnv1a64<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
}
