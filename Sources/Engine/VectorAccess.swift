/// Loads and stores of eight-float lanes at any element offset of a matrix's buffer, and the
/// tail handling that lets a kernel treat a row of any width as whole vectors.
///
/// The buffers come from ``Matrix/withUnsafeMutableBufferPointer(_:)``, whose base address
/// is never `nil`; offsets are the caller's to keep in range, as with the buffer's own
/// subscript in optimised builds. Kernels compute those offsets with `&+`: they stay
/// inside one buffer, and an overflow-checked add in the loop keeps the compiler from
/// vectorising it (measured: the byte-to-float batch loader ran 3× slower).
extension UnsafeMutableBufferPointer where Element == Float {
    /// Loads `width` (1...8) elements at `offset` as one vector, padding with zeros.
    @inline(__always)
    func load(at offset: Int, width: Int) -> SIMD8<Float> {
        UnsafeBufferPointer(self).load(at: offset, width: width)
    }

    /// Stores the first `width` (1...8) lanes of `vector` at `offset`.
    @inline(__always)
    func store(_ vector: SIMD8<Float>, at offset: Int, width: Int) {
        let base = baseAddress.unsafelyUnwrapped + offset
        if width == 8 {
            UnsafeMutableRawPointer(base).storeBytes(of: vector, as: SIMD8<Float>.self)
        } else {
            for lane in 0..<width { base[lane] = vector[lane] }
        }
    }
}

extension UnsafeBufferPointer where Element == Float {
    /// Loads `width` (1...8) elements at `offset` as one vector, padding with zeros.
    @inline(__always)
    func load(at offset: Int, width: Int) -> SIMD8<Float> {
        let base = baseAddress.unsafelyUnwrapped + offset
        if width == 8 { return UnsafeRawPointer(base).loadUnaligned(as: SIMD8<Float>.self) }
        var vector = SIMD8<Float>(repeating: 0)
        for lane in 0..<width { vector[lane] = base[lane] }
        return vector
    }
}

/// Calls `body(offset, width)` for consecutive chunks of `0..<count`: full eight-lane chunks,
/// then one shorter tail chunk if `count` is not a multiple of 8.
@inline(__always)
func forEachChunk(of count: Int, _ body: (_ offset: Int, _ width: Int) -> Void) {
    var offset = 0
    while offset + 8 <= count {
        body(offset, 8)
        offset += 8
    }
    if offset < count { body(offset, count - offset) }
}
