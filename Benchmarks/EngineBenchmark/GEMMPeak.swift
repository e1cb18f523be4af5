import BenchmarkSupport
import Engine

/// Measures the engine's `gemm` alone (`cblas_sgemm`, cut into pieces where
/// ``BLAS/hasSmallMatrixKernels``), on large squares and on the products the benchmarked
/// models make, to tell how close training gets to what the BLAS can do.
enum GEMMPeak {
    struct Shape {
        let label: String
        let m: Int, n: Int, k: Int
        let transposeA: Bool, transposeB: Bool
    }

    static let shapes: [Shape] = [
        Shape(label: "square 1024 NN", m: 1024, n: 1024, k: 1024, transposeA: false, transposeB: false),
        Shape(label: "square 2048 NN", m: 2048, n: 2048, k: 2048, transposeA: false, transposeB: false),
        Shape(label: "800³ b2000 fwd X·Wᵀ", m: 2000, n: 800, k: 800, transposeA: false, transposeB: true),
        Shape(label: "800³ b2000 dW dZᵀ·X", m: 800, n: 800, k: 2000, transposeA: true, transposeB: false),
        Shape(label: "800³ b2000 dX dZ·W", m: 2000, n: 800, k: 800, transposeA: false, transposeB: false),
        Shape(label: "784→800 b2000 fwd", m: 2000, n: 800, k: 784, transposeA: false, transposeB: true),
        Shape(label: "784→512 b8000 fwd", m: 8000, n: 512, k: 784, transposeA: false, transposeB: true),
        Shape(label: "784→512 b8000 dW", m: 512, n: 784, k: 8000, transposeA: true, transposeB: false),
        Shape(label: "512→256 b8000 fwd", m: 8000, n: 256, k: 512, transposeA: false, transposeB: true),
        Shape(label: "784→128 b100 fwd", m: 100, n: 128, k: 784, transposeA: false, transposeB: true),
        // Batch 10, where the products only stream the weights (cut for OpenBLAS's small-matrix
        // kernels when it has them).
        Shape(label: "800³ b10 fwd X·Wᵀ", m: 10, n: 800, k: 800, transposeA: false, transposeB: true),
        Shape(label: "800³ b10 dX dZ·W", m: 10, n: 800, k: 800, transposeA: false, transposeB: false),
        Shape(label: "800³ b10 dW dZᵀ·X", m: 800, n: 800, k: 10, transposeA: true, transposeB: false),
    ]

    /// GFLOP/s (`2·m·n·k` per product) of the best of several timed repetitions lasting at
    /// least ~0.3 s together.
    static func measure(_ shape: Shape) -> Double {
        let a = Matrix(rows: shape.transposeA ? shape.k : shape.m, columns: shape.transposeA ? shape.m : shape.k)
        let b = Matrix(rows: shape.transposeB ? shape.n : shape.k, columns: shape.transposeB ? shape.k : shape.n)
        let c = Matrix(rows: shape.m, columns: shape.n)
        a.fill(0.5)
        b.fill(0.25)
        let flops = 2.0 * Double(shape.m * shape.n * shape.k)
        let repetitions = max(1, Int(0.05e9 / flops * 50))
        let rounds = Timings(5) {
            for _ in 0..<repetitions { gemm(a, b, into: c, transposeA: shape.transposeA, transposeB: shape.transposeB) }
        }
        return flops / (rounds.minimum / Double(repetitions)) / 1e9
    }
}
