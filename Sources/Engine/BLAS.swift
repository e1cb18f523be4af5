internal import CBLAS
import Synchronization

/// The engine's only door to OpenBLAS: every matrix product goes through
/// ``sgemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)`` (which calls
/// `cblas_sgemm`, or `cblas_sgemv` / `cblas_sger` for vector-shaped products).
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
    ///
    /// Products that are really matrix-vector products (`m == 1` or `n == 1`, as with a
    /// batch of one image) go to `cblas_sgemv`, and outer products (`k == 1`) to
    /// `cblas_sger`: sgemm would pack both operands for blocking that a vector cannot use,
    /// which costs more than the arithmetic at these sizes.
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
        useThreads(forMultiplyAdds: m * n * k)
        if k > 0 && m == 1 {
            // cᵀ = alpha · op(B)ᵀ · (row 0 of op(A)) + beta · cᵀ
            cblas_sgemv(
                CblasRowMajor, transposeB ? CblasNoTrans : CblasTrans,
                blasint(transposeB ? n : k), blasint(transposeB ? k : n), alpha, b, blasint(ldb),
                a, blasint(transposeA ? lda : 1), beta, c, 1
            )
        } else if k > 0 && n == 1 {
            // c = alpha · op(A) · (column 0 of op(B)) + beta · c
            cblas_sgemv(
                CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                blasint(transposeA ? k : m), blasint(transposeA ? m : k), alpha, a, blasint(lda),
                b, blasint(transposeB ? 1 : ldb), beta, c, blasint(ldc)
            )
        } else if k == 1 && (beta == 1 || beta == 0) {
            // C = alpha · (column 0 of op(A)) ⊗ (row 0 of op(B)) + beta · C
            if beta == 0 {
                for row in 0 ..< m { (c + row * ldc).update(repeating: 0, count: n) }
            }
            cblas_sger(
                CblasRowMajor, blasint(m), blasint(n), alpha,
                a, blasint(transposeA ? 1 : lda), b, blasint(transposeB ? ldb : 1), c, blasint(ldc)
            )
        } else {
            cblas_sgemm(
                CblasRowMajor,
                transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans,
                blasint(m), blasint(n), blasint(k),
                alpha, a, blasint(lda), b, blasint(ldb),
                beta, c, blasint(ldc)
            )
        }
    }

    /// The most threads OpenBLAS may use for one product (the trainer sets it from its
    /// configuration). Products with fewer than ``multithreadingThreshold`` multiply-adds
    /// run on one thread regardless.
    ///
    /// The setting is process-wide. Results are reproducible for a given value; a
    /// different value may round differently.
    public static var threads: Int {
        get { maximumThreads.load(ordering: .relaxed) }
        set {
            precondition(newValue >= 1, "BLAS needs at least one thread")
            maximumThreads.store(newValue, ordering: .relaxed)
        }
    }

    /// Multiply-adds (`m·n·k`) from which a product is worth splitting across threads.
    ///
    /// Waking and joining OpenBLAS's worker costs microseconds, and far more when another
    /// process holds the other core; below about 16 M multiply-adds (≈ 0.4 ms on one
    /// core) that cost exceeds the gain: batches of 1 to 100 images measured slower on two
    /// threads than on one.
    public static let multithreadingThreshold = 1 << 24

    private static let maximumThreads = Atomic<Int>(1)

    /// Wraps `openblas_set_num_threads`, called only when the count for this product
    /// differs from OpenBLAS's current one (`openblas_get_num_threads`).
    private static func useThreads(forMultiplyAdds work: Int) {
        let wanted = work >= multithreadingThreshold ? threads : 1
        if Int(openblas_get_num_threads()) != wanted {
            openblas_set_num_threads(Int32(wanted))
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
