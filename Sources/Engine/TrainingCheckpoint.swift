/// The complete state of a training run at the end of an epoch: with the same config and
/// data, a ``Trainer`` restored from it continues bit for bit as if never interrupted.
///
/// It holds the parameters, the optimiser's state (momentum buffers, or Adam's moments and
/// step count), the shuffle and dropout generator states, early stopping's best epoch and
/// the epoch count, but not the config itself, which the caller stores beside it.
public struct TrainingCheckpoint: Sendable, Hashable {
    /// The newest version ``serialized()`` writes; ``init(serialized:)`` reads it and every
    /// older one. Version 1 (SGD, no early stopping) is still written when it holds
    /// everything, so that such checkpoints stay readable by older trackers.
    public static let formatVersion: UInt32 = 2
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
    /// Adam's state; `nil` for SGD or before the first step.
    public var adam: AdamState?
    /// Early stopping's best epoch and value so far; `nil` without early stopping.
    public var earlyStopping: EarlyStoppingState?

    /// Adam's steps taken and its moment estimates, laid out as ``parameters``.
    public struct AdamState: Sendable, Hashable {
        public var steps: UInt64
        public var first: [[Float]]
        public var second: [[Float]]

        public init(steps: UInt64, first: [[Float]], second: [[Float]]) {
            self.steps = steps
            self.first = first
            self.second = second
        }
    }

    /// The epoch of the best dev metric (0 before any) and that value (`nil` before any).
    public struct EarlyStoppingState: Sendable, Hashable {
        public var bestEpoch: Int
        public var bestValue: Double?

        public init(bestEpoch: Int, bestValue: Double?) {
            self.bestEpoch = bestEpoch
            self.bestValue = bestValue
        }
    }

    public init(
        epochsCompleted: Int, widths: [Int], parameters: [[Float]], velocities: [[Float]]?,
        shuffleState: [UInt64], dropoutState: [UInt64], adam: AdamState? = nil,
        earlyStopping: EarlyStoppingState? = nil
    ) {
        self.adam = adam
        self.earlyStopping = earlyStopping
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
    /// (4 × u64 each); in version 2 then a flag byte (1: Adam, 2: early stopping), Adam's
    /// step count (u64) when flagged, early stopping's best epoch (u32) and best value (f64
    /// bits, NaN for none) when flagged; then the parameters, the velocities, Adam's first
    /// then second moments (f32 each, layout of ``parameters``), and a 64-bit FNV-1a
    /// checksum of everything before it.
    public func serialized() -> [UInt8] {
        let tensorSets = 1 + (velocities == nil ? 0 : 1) + (adam == nil ? 0 : 2)
        let floats = parameters.reduce(0) { $0 + $1.count } * tensorSets
        var writer = ByteWriter(reservingCapacity: 160 + 4 * widths.count + 4 * floats)
        writer.write(Self.magic)
        let version: UInt32 = adam == nil && earlyStopping == nil ? 1 : 2
        writer.write(version)
        writer.write(UInt32(epochsCompleted))
        writer.write(UInt32(widths.count))
        for width in widths { writer.write(UInt32(width)) }
        writer.write(velocities == nil ? UInt8(0) : 1)
        for word in shuffleState + dropoutState { writer.write(word) }
        if version == 2 {
            writer.write(UInt8((adam == nil ? 0 : 1) | (earlyStopping == nil ? 0 : 2)))
            if let adam { writer.write(adam.steps) }
            if let earlyStopping {
                writer.write(UInt32(earlyStopping.bestEpoch))
                writer.write((earlyStopping.bestValue ?? .nan).bitPattern)
            }
        }
        for tensor in parameters { writer.write(tensor) }
        for tensor in velocities ?? [] { writer.write(tensor) }
        for tensor in (adam?.first ?? []) + (adam?.second ?? []) { writer.write(tensor) }
        writer.write(fnv1a64(writer.bytes))
        return writer.bytes
    }

    /// Reads what ``serialized()`` wrote.
    ///
    /// - Throws: ``EngineError`` with one line: `not a tracker checkpoint`,
    ///   `checkpoint format version 3 is not supported (this build reads versions 1 and 2)`,
    ///   `the checkpoint is truncated`, `the checkpoint is corrupt (checksum mismatch)`,
    ///   `the checkpoint is corrupt (invalid …)`.
    public init(serialized bytes: [UInt8]) throws(EngineError) {
        guard bytes.starts(with: Self.magic) else { throw EngineError("not a tracker checkpoint") }
        var reader = ByteReader(bytes)
        _ = try reader.readBytes(Self.magic.count)
        let version = try reader.readUInt32()
        guard version == 1 || version == 2 else {
            throw EngineError(
                "checkpoint format version \(version) is not supported (this build reads versions 1 and 2)")
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
        let flags = version == 2 ? try reader.readUInt8() : 0
        guard flags <= 3 else { throw EngineError("the checkpoint is corrupt (invalid state flags \(flags))") }
        let adamSteps = flags & 1 != 0 ? try reader.readUInt64() : nil
        var earlyStopping: EarlyStoppingState?
        if flags & 2 != 0 {
            let epoch = Int(try reader.readUInt32())
            let value = Double(bitPattern: try reader.readUInt64())
            earlyStopping = EarlyStoppingState(bestEpoch: epoch, bestValue: value.isNaN ? nil : value)
        }
        let sizes = Self.tensorSizes(widths)
        func readTensors() throws(EngineError) -> [[Float]] {
            var tensors: [[Float]] = []
            for size in sizes { tensors.append(try reader.readFloats(size)) }
            return tensors
        }
        let parameters = try readTensors()
        let velocities = hasVelocities == 1 ? try readTensors() : nil
        let adam = try adamSteps.map { steps throws(EngineError) in
            AdamState(steps: steps, first: try readTensors(), second: try readTensors())
        }
        guard reader.remaining == 0 else {
            throw EngineError("the checkpoint is corrupt (\(reader.remaining) unexpected trailing bytes)")
        }
        self.init(
            epochsCompleted: epochs, widths: widths, parameters: parameters, velocities: velocities,
            shuffleState: shuffle, dropoutState: dropout, adam: adam, earlyStopping: earlyStopping
        )
    }
}
