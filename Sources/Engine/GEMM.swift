/// Matrix products on ``Matrix`` with their shapes checked.
///
/// `C = alpha · op(A) · op(B) + beta · C` where `op(X)` is `X` or `Xᵀ`; the shapes must
/// agree (`op(A): [m, k]`, `op(B): [k, n]`, `C: [m, n]`, with `m` and `n` the rows and
/// columns in use of `C`). `threadCount` sets the threads for this product (`nil`: ``BLAS/threads``). Calls ``BLAS/sgemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:threadCount:)``.
public func gemm(
    _ a: Matrix, _ b: Matrix, into c: Matrix,
    transposeA: Bool = false, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0, threadCount: Int? = nil
) {
    let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
    let (kB, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
    precondition(
        k == kB && c.rows == m && c.columns == n,
        "gemm shapes: op(A) \(m)×\(k), op(B) \(kB)×\(n), C \(c.rows)×\(c.columns)"
    )
    a.withUnsafeBufferPointer { aElements in
        b.withUnsafeBufferPointer { bElements in
            c.withUnsafeMutableBufferPointer { cElements in
                BLAS.sgemm(
                    transposeA: transposeA, transposeB: transposeB,
                    m: m, n: n, k: k,
                    alpha: alpha, a: aElements, lda: Swift.max(1, a.columns),
                    b: bElements, ldb: Swift.max(1, b.columns),
                    beta: beta, c: cElements, ldc: Swift.max(1, c.columns),
                    threadCount: threadCount
                )
            }
        }
    }
}
