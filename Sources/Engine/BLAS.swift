internal import CBLAS

/// The engine's only door to OpenBLAS: every matrix product goes through
/// ``sgemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``.
///
/// Keeping the C calls in one file keeps CBLAS types out of the engine's API and gives one
/// place to audit the argument order, which BLAS does not check for us.
public enum BLAS {
    /// Single-precision row-major general matrix product
    /// `C = alpha · op(A) · op(B) + beta · C`, with `op(A)` of shape `[m, k]`,
    /// `op(B)` of shape `[k, n]` and `C` of shape `[m, n]`.
    ///
    /// Wraps `cblas_sgemm` with `CblasRowMajor`. `lda`, `ldb` and `ldc` are the row strides
    /// of the matrices as stored (before transposition). With `beta == 0`, `C` is only
    /// written, never read, so it may hold garbage (BLAS's documented contract).
    public static func sgemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "sgemm: negative dimension")
        precondition(lda >= max(1, transposeA ? m : k), "sgemm: lda too small")
        precondition(ldb >= max(1, transposeB ? k : n), "sgemm: ldb too small")
        precondition(ldc >= max(1, n), "sgemm: ldc too small")
        if m == 0 || n == 0 { return }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k),
            alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(ldc)
        )
    }

    /// The number of threads OpenBLAS uses for one product.
    ///
    /// Wraps `openblas_get_num_threads` / `openblas_set_num_threads`. The setting is
    /// process-wide: two trainers in one process asking for different counts take turns
    /// overriding each other, which changes speed but never results of a given count.
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set {
            precondition(newValue >= 1, "BLAS needs at least one thread")
            openblas_set_num_threads(Int32(newValue))
        }
    }

    /// The CPU kernel family OpenBLAS selected at load time (e.g. `"Zen"`, `"Haswell"`).
    ///
    /// Wraps `openblas_get_corename`; benchmarks print it next to their figures.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }
}
