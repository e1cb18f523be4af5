/// One row-major product `C = alpha · op(A) · op(B) + beta · C` as ``BLAS`` hands it to
/// OpenBLAS, and the ways ``BLAS`` cuts it into blocks of whole rows or columns of `C`.
///
/// A block is an independent product over the full `k`, so every element of `C` is still
/// one dot product of `k` terms; only the kernel that computes it (and so its rounding) may
/// change with the cut. The cuts depend only on the shape, the thread count and the kernel
/// family, so results are reproducible for a given machine setting.
struct BLASProduct {
    var transposeA: Bool, transposeB: Bool
    var m: Int, n: Int, k: Int
    var alpha: Float, a: UnsafePointer<Float>, lda: Int
    var b: UnsafePointer<Float>, ldb: Int
    var beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int

    /// Rows `first ..< first + count` of `C` (and of `op(A)`).
    func rows(_ first: Int, _ count: Int) -> BLASProduct {
        var block = self
        block.m = count
        block.a = a + (transposeA ? first : first * lda)
        block.c = c + first * ldc
        return block
    }

    /// Columns `first ..< first + count` of `C` (and of `op(B)`).
    func columns(_ first: Int, _ count: Int) -> BLASProduct {
        var block = self
        block.n = count
        block.b = b + (transposeB ? first * ldb : first)
        block.c = c + first
        return block
    }

    /// Block `part` of `parts` along the longer side of `C`, its edges on multiples of 8
    /// rows or columns (the kernels' vector width) except at the end.
    func block(_ part: Int, of parts: Int) -> BLASProduct {
        func edge(_ size: Int, _ index: Int) -> Int { index == parts ? size : (size * index / parts) & ~7 }
        if m >= n {
            let first = edge(m, part)
            return rows(first, edge(m, part + 1) - first)
        }
        let first = edge(n, part)
        return columns(first, edge(n, part + 1) - first)
    }

    /// The width of the pieces (rows of `C` when it is taller than wide, else columns) into
    /// which to cut this product so that each one qualifies for OpenBLAS's small-matrix
    /// kernels; `nil` when it already does or when cutting would not pay.
    ///
    /// OpenBLAS (0.3.17 on, built with `SMALL_MATRIX_OPT`, kernels SkylakeX and later)
    /// computes a product straight from its operands, without packing them, when
    /// `sgemm_small_kernel_permit` accepts it: at most 10⁶ multiply-adds, `A` and `B` not both
    /// transposed, and for `A · Bᵀ` (column-major "TN") at most 1,200 elements of `C` and
    /// `k ≥ 32`. Packing is what makes skinny products slow: at a batch of 10, every
    /// product of an 800 × 800 layer packs all 640,000 weights to use each only 10 times.
    /// Measured on one core (SkylakeX kernel, 800 × 800 weights, batch 10): `X · Wᵀ` 440 →
    /// 150 µs, `dZ · W` 380 → 160 µs. Only skinny products (a side of at most
    /// ``skinnySide``) are cut, into at most ``mostPieces``: one with no short side, or whose
    /// short side is a thin layer's width against a long batch (a batch of 8,000 through
    /// 32 units would take 250 pieces), amortises its packing. Pieces are
    /// multiples of 32 wide where possible (of 16 otherwise, never thinner), so that they
    /// start on cache lines: `dZ · W` cut at odd multiples of 8 measured 40% slower.
    func smallKernelPieceWidth() -> Int? {
        guard min(m, n, k) <= Self.skinnySide, !(transposeA && transposeB) else { return nil }
        let elementsLimited = transposeB && !transposeA
        if elementsLimited && k < 32 { return nil }
        let long = max(m, n)
        let short = max(1, min(m, n))
        var widest = Self.smallKernelMultiplyAdds / (short * max(1, k))
        if elementsLimited { widest = min(widest, Self.smallKernelElements / short) }
        if widest >= long { return nil }
        let width = widest >= 32 ? widest & ~31 : 16
        guard widest >= 16, (long + width - 1) / width <= Self.mostPieces else { return nil }
        return width
    }

    /// Calls `body` with consecutive pieces `width` wide (the last one possibly narrower)
    /// along the longer side of `C`, as ``block(_:of:)`` picks it.
    func forEachPiece(width: Int, _ body: (BLASProduct) -> Void) {
        let long = max(m, n)
        var first = 0
        while first < long {
            let count = min(width, long - first)
            body(m >= n ? rows(first, count) : columns(first, count))
            first += count
        }
    }

    static let smallKernelMultiplyAdds = 1_000_000
    static let smallKernelElements = 1200
    /// The shortest side below which a product counts as skinny.
    static let skinnySide = 32
    static let mostPieces = 16
}
