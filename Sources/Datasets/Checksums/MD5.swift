/// Streaming MD5 (RFC 1321): feed bytes in any chunks with `update`, then `finalize`.
///
/// Used to check downloads and files on disk against published checksums and to
/// fingerprint a dataset for each run; it is not for security. The compression
/// function is fully unrolled and reads message words straight from the caller's
/// buffer, so whole blocks are hashed without copying (several hundred MB/s).
public struct MD5: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
    /// Bytes of an incomplete block carried over to the next `update`.
    private var pending: [UInt8] = []
    /// Message length so far, in bytes.
    private var length: UInt64 = 0

    public init() {}

    /// The digest of `bytes` in one call.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> MD5Digest {
        var md5 = MD5()
        md5.update(bytes)
        return md5.finalize()
    }

    /// The digest of an array of bytes in one call.
    public static func digest(_ bytes: [UInt8]) -> MD5Digest {
        bytes.withUnsafeBytes { digest($0) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let taken = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: taken))
            offset = taken
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { block in
                // A 64-byte array always has a base address.
                if let start = block.baseAddress { Self.compress(&state, blocks: start, count: 1) }
            }
            pending.removeAll(keepingCapacity: true)
        }
        let wholeBlocks = (bytes.count - offset) / 64
        if wholeBlocks > 0 {
            Self.compress(&state, blocks: base + offset, count: wholeBlocks)
            offset += wholeBlocks * 64
        }
        if offset < bytes.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
        }
    }

    /// Pads the message (0x80, zeros, 64-bit little-endian bit length) and returns the digest.
    public func finalize() -> MD5Digest {
        var copy = self
        let bitLength = length &* 8
        var padding: [UInt8] = [0x80]
        let padZeros = (55 &- Int(length % 64) + 64) % 64
        padding.append(contentsOf: repeatElement(0, count: padZeros))
        for shift in stride(from: 0, to: 64, by: 8) {
            padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        copy.update(padding)
        precondition(copy.pending.isEmpty, "MD5 padding must end on a block boundary")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for word in [copy.state.0, copy.state.1, copy.state.2, copy.state.3] {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
            }
        }
        return MD5Digest(bytes: bytes)
    }
}
