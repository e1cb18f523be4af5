/// A minimal gzip writer for test fixtures: one member of deflate *stored* blocks
/// (RFC 1951 §3.2.4) with the CRC-32 and length trailer (RFC 1952). Real compressed data is
/// covered by the real dataset files; stored blocks keep the fixtures independent of zlib
/// and let tests corrupt a block's length fields on purpose.
enum Gzip {
    /// `content` as a gzip member, split into stored blocks of at most `blockSize` bytes.
    static func stored(_ content: [UInt8], blockSize: Int = 65_535) -> [UInt8] {
        precondition(blockSize > 0 && blockSize <= 65_535, "a stored block holds at most 65,535 bytes")
        // Magic, method 8 (deflate), no flags, mtime 0, no extra flags, OS 255 (unknown).
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var offset = 0
        repeat {
            let length = min(blockSize, content.count - offset)
            let isLast = offset + length == content.count
            out.append(isLast ? 0x01 : 0x00)  // BFINAL bit, BTYPE 00 (stored)
            out += littleEndian(UInt16(length)) + littleEndian(~UInt16(length))
            out += content[offset..<offset + length]
            offset += length
        } while offset < content.count
        out += littleEndian(crc32(content)) + littleEndian(UInt32(truncatingIfNeeded: content.count))
        return out
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as gzip's trailer holds it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1)))
            }
        }
        return ~crc
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
