/// The complete state of a training run at the end of an epoch: with the same config and
/// data, a ``Trainer`` restored from it continues bit for bit as if never interrupted.
///
/// It holds the parameters, the momentum buffers, the shuffle and dropout generator states
/// and the epoch count, but not the config itself, which the caller stores beside it.
public struct TrainingCheckpoint: Sendable, Hashable {
    /// The version ``serialized()`` writes and ``init(serialized:)`` reads.
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("TRKCKPT\0".utf8)

    public var epochsCompleted: Int
    /// Layer sizes from input to output, e.g. `[784, 128, 128, 10]`.
    public var widths: [Int]
    /// Per layer, its weights `[out × in]` (row-major) then its biases `[out]`.
    public var parameters: [[Float]]
    /// The SGD velocities, laid out as ``parameters``; `nil` before the first step or
    /// without momentum.
    public var velocities: [[Float]]?
    /// The four state words of the shuffle generator.
    public var shuffleState: [UInt64]
    /// The four state words of the dropout generator.
    public var dropoutState: [UInt64]

    public init(
        epochsCompleted: Int, widths: [Int], parameters: [[Float]], velocities: [[Float]]?,
        shuffleState: [UInt64], dropoutState: [UInt64]
    ) {
        self.epochsCompleted = epochsCompleted
        self.widths = widths
        self.parameters = parameters
        self.velocities = velocities
        self.shuffleState = shuffleState
        self.dropoutState = dropoutState
    }

    /// The architecture as `784-128-128-10`.
    var widthsLabel: String { widths.map(String.init).joined(separator: "-") }

    /// The tensor sizes `parameters` must have for `widths`: weights then biases per layer.
    static func tensorSizes(_ widths: [Int]) -> [Int] {
        zip(widths, widths.dropFirst()).flatMap { [$0 * $1, $1] }
    }

    /// Bytes, little-endian: magic `TRKCKPT\0`, format version (u32), epochs (u32), layer
    /// size count and sizes (u32 each), a velocity flag (u8), the two generator states
    /// (4 × u64 each), the parameters then the velocities (f32 each, layout of
    /// ``parameters``), and a 64-bit FNV-1a checksum of everything before it.
    public func serialized() -> [UInt8] {
        let floats = parameters.reduce(0) { $0 + $1.count } * (velocities == nil ? 1 : 2)
        var writer = ByteWriter(reservingCapacity: 128 + 4 * widths.count + 4 * floats)
        writer.write(Self.magic)
        writer.write(Self.formatVersion)
        writer.write(UInt32(epochsCompleted))
        writer.write(UInt32(widths.count))
        for width in widths { writer.write(UInt32(width)) }
        writer.write(velocities == nil ? UInt8(0) : 1)
        for word in shuffleState + dropoutState { writer.write(word) }
        for tensor in parameters { writer.write(tensor) }
        for tensor in velocities ?? [] { writer.write(tensor) }
        writer.write(fnv1a64(writer.bytes))
        return writer.bytes
    }

    /// Reads what ``serialized()`` wrote.
    ///
    /// - Throws: ``EngineError`` with one line: `not a tracker checkpoint`,
    ///   `checkpoint format version 2 is not supported (this build reads version 1)`,
    ///   `the checkpoint is truncated`, `the checkpoint is corrupt (checksum mismatch)`,
    ///   `the checkpoint is corrupt (invalid …)`.
    public init(serialized bytes: [UInt8]) throws(EngineError) {
        guard bytes.starts(with: Self.magic) else { throw EngineError("not a tracker checkpoint") }
        var reader = ByteReader(bytes)
        _ = try reader.readBytes(Self.magic.count)
        let version = try reader.readUInt32()
        guard version == Self.formatVersion else {
            throw EngineError(
                "checkpoint format version \(version) is not supported (this build reads version \(Self.formatVersion))"
            )
        }
        guard bytes.count >= Self.magic.count + 12 else { throw EngineError("the checkpoint is truncated") }
        let body = bytes.dropLast(8)
        var checksumReader = ByteReader(Array(bytes.suffix(8)))
        guard try checksumReader.readUInt64() == fnv1a64(body) else {
            throw EngineError("the checkpoint is corrupt (checksum mismatch)")
        }
        reader = ByteReader(Array(body))
        _ = try reader.readBytes(Self.magic.count + 4)

        let epochs = Int(try reader.readUInt32())
        let widthCount = Int(try reader.readUInt32())
        guard widthCount >= 2, widthCount <= reader.remaining / 4 else {
            throw EngineError("the checkpoint is corrupt (invalid layer count \(widthCount))")
        }
        var widths: [Int] = []
        for _ in 0..<widthCount { widths.append(Int(try reader.readUInt32())) }
        guard widths.allSatisfy({ $0 > 0 }) else {
            throw EngineError("the checkpoint is corrupt (invalid layer size 0)")
        }
        let hasVelocities = try reader.readUInt8()
        guard hasVelocities <= 1 else {
            throw EngineError("the checkpoint is corrupt (invalid velocity flag \(hasVelocities))")
        }
        var words: [UInt64] = []
        for _ in 0..<8 { words.append(try reader.readUInt64()) }
        let shuffle = Array(words[0..<4])
        let dropout = Array(words[4..<8])
        guard shuffle.contains(where: { $0 != 0 }), dropout.contains(where: { $0 != 0 }) else {
            throw EngineError("the checkpoint is corrupt (invalid generator state)")
        }
        let sizes = Self.tensorSizes(widths)
        var parameters: [[Float]] = []
        for size in sizes { parameters.append(try reader.readFloats(size)) }
        var velocities: [[Float]]?
        if hasVelocities == 1 {
            var buffers: [[Float]] = []
            for size in sizes { buffers.append(try reader.readFloats(size)) }
            velocities = buffers
        }
        guard reader.remaining == 0 else {
            throw EngineError("the checkpoint is corrupt (\(reader.remaining) unexpected trailing bytes)")
        }
        self.init(
            epochsCompleted: epochs, widths: widths, parameters: parameters, velocities: velocities,
            shuffleState: shuffle, dropoutState: dropout
        )
    }
}
