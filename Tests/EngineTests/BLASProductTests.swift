import TestSupport
import Testing

@testable import Engine

/// `body` gets a product over `a`, `b` and `c` (dense, row-major) and each matrix's buffer.
private func withProduct(
    _ a: Matrix, _ b: Matrix, _ c: Matrix, transposeA: Bool, transposeB: Bool,
    _ body: (BLASProduct, UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) ->
        Void
) {
    let k = transposeA ? a.rows : a.columns
    a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in
            c.withUnsafeMutableBufferPointer { z in
                guard let pa = x.baseAddress, let pb = y.baseAddress, let pc = z.baseAddress else {
                    preconditionFailure("the products under test have no empty matrix")
                }
                let product = BLASProduct(
                    transposeA: transposeA, transposeB: transposeB, m: c.rows, n: c.columns, k: k,
                    alpha: 1, a: pa, lda: a.columns, b: pb, ldb: b.columns,
                    beta: 0, c: pc, ldc: c.columns
                )
                body(product, x, y, z)
            }
        }
    }
}

@Suite("Cutting products for OpenBLAS's small-matrix kernels")
struct BLASProductTests {
    @Test(
        "skinny products are cut to pieces the small-matrix permit accepts, 32-multiples wide",
        arguments: [
            // m, n, k, transposeA, transposeB, expected width
            (10, 800, 784, false, true, 96), (10, 784, 800, false, false, 96), (800, 784, 10, true, false, 96),
            (10, 128, 784, false, true, 96), (128, 784, 10, true, false, 768), (30, 100, 2000, false, false, 16),
        ] as [(Int, Int, Int, Bool, Bool, Int)])
    func cut(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, width: Int) {
        let a = transposeA ? Matrix(rows: k, columns: m) : Matrix(rows: m, columns: k)
        let b = transposeB ? Matrix(rows: n, columns: k) : Matrix(rows: k, columns: n)
        withProduct(a, b, Matrix(rows: m, columns: n), transposeA: transposeA, transposeB: transposeB) {
            product, _, _, _ in
            #expect(product.smallKernelPieceWidth() == width)
            var covered = 0
            product.forEachPiece(width: width) { piece in
                #expect(piece.m * piece.n * piece.k <= BLASProduct.smallKernelMultiplyAdds)
                if transposeB && !transposeA { #expect(piece.m * piece.n <= BLASProduct.smallKernelElements) }
                covered += piece.m * piece.n
            }
            #expect(covered == m * n)
        }
    }

    @Test(
        "products that qualify already, are not skinny, would need too many pieces, or that the permit refuses stay whole",
        arguments: [
            (10, 10, 128, false, true), (2000, 800, 800, false, true), (10, 800, 16, false, true),
            (10, 800, 800, true, true),
            (40, 400, 1000, false, false), (8000, 32, 64, false, true),
        ] as [(Int, Int, Int, Bool, Bool)])
    func whole(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) {
        let a = transposeA ? Matrix(rows: k, columns: m) : Matrix(rows: m, columns: k)
        let b = transposeB ? Matrix(rows: n, columns: k) : Matrix(rows: k, columns: n)
        withProduct(a, b, Matrix(rows: m, columns: n), transposeA: transposeA, transposeB: transposeB) {
            product, _, _, _ in
            #expect(product.smallKernelPieceWidth() == nil)
        }
    }

    /// Each piece is computed by `BLAS.sgemm` from the piece's own pointers; together they
    /// must give the whole product, whichever side was cut and with a ragged last piece.
    @Test(
        "the pieces, computed one by one, make the whole product",
        arguments: [
            (10, 300, 200, false, true), (12, 200, 500, false, false), (400, 300, 9, true, false),
        ] as [(Int, Int, Int, Bool, Bool)])
    func pieces(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) throws {
        var random = TestRandom(seed: UInt64(m + n + k))
        let a = transposeA ? random.matrix(k, m) : random.matrix(m, k)
        let b = transposeB ? random.matrix(n, k) : random.matrix(k, n)
        let whole = Matrix(rows: m, columns: n)
        let cut = Matrix(rows: m, columns: n)
        gemm(a, b, into: whole, transposeA: transposeA, transposeB: transposeB)
        withProduct(a, b, cut, transposeA: transposeA, transposeB: transposeB) { product, x, y, z in
            let width = product.smallKernelPieceWidth() ?? 0
            #expect(width > 0 && width < max(m, n))
            func rest<T>(_ buffer: UnsafeBufferPointer<T>, from start: UnsafePointer<T>) -> UnsafeBufferPointer<T> {
                UnsafeBufferPointer(rebasing: buffer[(start - buffer.baseAddress!)...])
            }
            product.forEachPiece(width: max(1, width)) { p in
                BLAS.sgemm(
                    transposeA: p.transposeA, transposeB: p.transposeB, m: p.m, n: p.n, k: p.k,
                    alpha: 1, a: rest(x, from: p.a), lda: p.lda, b: rest(y, from: p.b), ldb: p.ldb,
                    beta: 0, c: UnsafeMutableBufferPointer(rebasing: z[(p.c - z.baseAddress!)...]), ldc: p.ldc,
                    threadCount: 1
                )
            }
        }
        // The same dot products of at most 500 terms of size ≤ 1, perhaps by another kernel.
        #expect(Tolerance(relative: 1e-5, absolute: 1e-5).mismatches(cut.values.doubles, whole.values.doubles).isEmpty)
    }
}
