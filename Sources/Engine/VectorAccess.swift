/// Loads and stores of eight-float lanes at any element offset, and the tail handling that
/// lets a kernel treat a row of any width as whole vectors.
extension UnsafeMutablePointer where Pointee == Float {
    @inline(__always)
    func loadVector(at offset: Int) -> SIMD8<Float> {
        UnsafeRawPointer(self + offset).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    func storeVector(_ vector: SIMD8<Float>, at offset: Int) {
        UnsafeMutableRawPointer(self + offset).storeBytes(of: vector, as: SIMD8<Float>.self)
    }

    /// The `count < 8` elements at `offset`, zero-padded to a full vector.
    @inline(__always)
    func loadPartialVector(at offset: Int, count: Int) -> SIMD8<Float> {
        var vector = SIMD8<Float>(repeating: 0)
        for lane in 0 ..< count { vector[lane] = self[offset + lane] }
        return vector
    }

    /// Stores the first `count < 8` lanes of `vector` at `offset`.
    @inline(__always)
    func storePartialVector(_ vector: SIMD8<Float>, at offset: Int, count: Int) {
        for lane in 0 ..< count { self[offset + lane] = vector[lane] }
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

extension UnsafeMutablePointer where Pointee == Float {
    /// Loads `width` (1...8) elements at `offset` as one vector, padding with zeros.
    @inline(__always)
    func load(at offset: Int, width: Int) -> SIMD8<Float> {
        width == 8 ? loadVector(at: offset) : loadPartialVector(at: offset, count: width)
    }

    /// Stores the first `width` (1...8) lanes of `vector` at `offset`.
    @inline(__always)
    func store(_ vector: SIMD8<Float>, at offset: Int, width: Int) {
        if width == 8 { storeVector(vector, at: offset) } else { storePartialVector(vector, at: offset, count: width) }
    }
}
