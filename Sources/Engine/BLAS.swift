internal import CBLAS
import Synchronization

/// The engine's only door to OpenBLAS: every matrix product goes through
/// ``sgemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:threadCount:)`` (which calls
/// `cblas_sgemm`, or `cblas_sgemv` / `cblas_sger` for vector-shaped products). How a product
/// is cut into blocks, for threads or for OpenBLAS's small-matrix kernels, is in
/// `BLASProduct.swift`, which calls nothing in C.
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
    /// Products of at least ``multithreadingThreshold`` multiply-adds are cut into as many
    /// blocks of whole rows (or columns, when `C` is wider than tall) of `C` as there are
    /// threads (`threadCount`, or ``threads`` when `nil`; callers that already run in
    /// parallel pass 1), and the blocks are computed side by side, each by single-threaded OpenBLAS. OpenBLAS's
    /// own threading gained nothing on the `A·B` and `Aᵀ·B` shapes of backpropagation
    /// (measured 58–86 GFLOP/s on two threads against 89–92 on one); independent blocks
    /// scale on every shape. The cut depends only on the shape and the thread count, so
    /// results are reproducible for a given count.
    ///
    /// The buffers must hold every element the strides reach (checked), and their base
    /// addresses must not be `nil`.
    public static func sgemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a aElements: UnsafeBufferPointer<Float>, lda: Int,
        b bElements: UnsafeBufferPointer<Float>, ldb: Int,
        beta: Float, c cElements: UnsafeMutableBufferPointer<Float>, ldc: Int,
        threadCount: Int? = nil
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "sgemm: negative dimension")
        precondition(lda >= max(1, transposeA ? m : k), "sgemm: lda too small")
        precondition(ldb >= max(1, transposeB ? k : n), "sgemm: ldb too small")
        precondition(ldc >= max(1, n), "sgemm: ldc too small")
        precondition(
            aElements.count >= extent(transposeA ? k : m, transposeA ? m : k, lda)
                && bElements.count >= extent(transposeB ? n : k, transposeB ? k : n, ldb)
                && cElements.count >= extent(m, n, ldc),
            "sgemm: a buffer is smaller than its shape and stride"
        )
        if m == 0 || n == 0 { return }
        guard let a = aElements.baseAddress, let b = bElements.baseAddress, let c = cElements.baseAddress else {
            preconditionFailure("sgemm: a buffer without memory")
        }
        let whole = BLASProduct(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc
        )
        let parts = m * n * k >= multithreadingThreshold ? min(threadCount ?? threads, max(m, n) / 8) : 1
        guard parts > 1 else {
            product(whole)
            return
        }
        Parallel.run(parts) { part in product(whole.block(part, of: parts)) }
    }

    /// One product on the calling thread, in pieces when that lets OpenBLAS use its
    /// small-matrix kernels (see ``BLASProduct/smallKernelPieceWidth()``).
    private static func product(_ whole: BLASProduct) {
        if hasSmallMatrixKernels, let width = whole.smallKernelPieceWidth() {
            whole.forEachPiece(width: width, call)
        } else {
            call(whole)
        }
    }

    /// One single-threaded OpenBLAS call. Matrix-vector products (`m == 1` or `n == 1`, as
    /// with a batch of one image) go to `cblas_sgemv` and outer products (`k == 1`) to
    /// `cblas_sger`: sgemm would pack both operands for blocking that a vector cannot use,
    /// which costs more than the arithmetic at these sizes.
    private static func call(_ p: BLASProduct) {
        _ = openBLASSingleThreaded
        let (transposeA, transposeB, m, n, k) = (p.transposeA, p.transposeB, p.m, p.n, p.k)
        let (alpha, a, lda, b, ldb, beta, c, ldc) = (p.alpha, p.a, p.lda, p.b, p.ldb, p.beta, p.c, p.ldc)
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
                for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
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

    /// Elements a row-major `rows × columns` matrix with row stride `stride` spans.
    private static func extent(_ rows: Int, _ columns: Int, _ stride: Int) -> Int {
        rows == 0 || columns == 0 ? 0 : (rows - 1) * stride + columns
    }

    /// The most threads one product may use (the trainer sets it from its configuration).
    /// Products with fewer than ``multithreadingThreshold`` multiply-adds run on one thread
    /// regardless.
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
    /// Waking and joining a second thread costs microseconds, and far more when another
    /// process holds the other core; below about 16 M multiply-adds (≈ 0.4 ms on one
    /// core) that cost exceeds the gain: batches of 1 to 100 images measured slower on two
    /// threads than on one.
    public static let multithreadingThreshold = 1 << 24

    private static let maximumThreads = Atomic<Int>(1)

    /// OpenBLAS runs every call on the calling thread; the engine does the splitting.
    /// Wraps `openblas_set_num_threads(1)`, once, before the first product.
    private static let openBLASSingleThreaded: Void = openblas_set_num_threads(1)

    /// Whether the kernel family OpenBLAS selected has small-matrix kernels worth cutting
    /// skinny products for (see ``BLASProduct/smallKernelPieceWidth()``). The families are
    /// those whose `sgemm_small_kernel_permit` accepts anything; for the others (Haswell,
    /// Zen, …) the permit refuses every shape, and cutting would only add calls.
    public static let hasSmallMatrixKernels = ["SkylakeX", "Cooperlake", "SapphireRapids"].contains(coreName)

    /// The CPU kernel family OpenBLAS selected at load time (e.g. `"Zen"`, `"Haswell"`).
    ///
    /// Wraps `openblas_get_corename`; benchmarks print it next to their figures.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }
}
