import TestSupport
import Testing

@testable import Engine

/// `C = alpha · op(A) · op(B) + beta · C` in double precision, indices spelled out.
private func referenceGEMM(
    _ a: Matrix, _ b: Matrix, _ c: [Float], transposeA: Bool, transposeB: Bool, alpha: Float, beta: Float, m: Int,
    n: Int, k: Int
) -> [Double] {
    (0..<m * n).map { index in
        let i = index / n
        let j = index % n
        var sum = 0.0
        for p in 0..<k {
            let x = transposeA ? a[p, i] : a[i, p]
            let y = transposeB ? b[j, p] : b[p, j]
            sum += Double(x) * Double(y)
        }
        return Double(alpha) * sum + Double(beta) * Double(c[index])
    }
}

@Suite("GEMM wrapper")
struct GEMMTests {
    @Test("agrees with a naive GEMM on random shapes, all transpose combinations", arguments: 0..<12)
    func randomShapes(seed: UInt64) {
        var random = TestRandom(seed: seed)
        let m = 1 + random.int(below: 40)
        let n = 1 + random.int(below: 40)
        let k = 1 + random.int(below: 70)
        for (transposeA, transposeB) in [(false, false), (false, true), (true, false), (true, true)] {
            let a = transposeA ? random.matrix(k, m) : random.matrix(m, k)
            let b = transposeB ? random.matrix(n, k) : random.matrix(k, n)
            let initial = random.floats(m * n)
            let c = Matrix(rows: m, columns: n, values: initial)
            let alpha: Float = seed.isMultiple(of: 2) ? 1 : -0.75
            let beta: Float = seed.isMultiple(of: 3) ? 0 : 0.5
            gemm(a, b, into: c, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta)
            let expected = referenceGEMM(
                a, b, initial, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta, m: m, n: n,
                k: k
            )
            // Each entry sums k ≤ 70 products of magnitude ≤ 1: float rounding stays below
            // k · 2⁻²⁴ ≈ 4e-6 in absolute terms.
            let tolerance = Tolerance(relative: 1e-5, absolute: 1e-5)
            #expect(
                tolerance.mismatches(c.values.doubles, expected).isEmpty,
                "m \(m) n \(n) k \(k) tA \(transposeA) tB \(transposeB)")
        }
    }

    /// Shapes with a dimension of 1 take the sgemv / sger routes; each is checked with every
    /// transpose combination and with beta 0, 1 and 0.5 (sger handles only 0 and 1 itself).
    @Test(
        "vector-shaped products agree with the naive GEMM",
        arguments: [
            (1, 9, 13), (1, 1, 5), (7, 1, 13), (6, 11, 1), (1, 8, 1), (5, 1, 1), (1, 1, 1),
        ])
    func vectorShapes(m: Int, n: Int, k: Int) {
        var random = TestRandom(seed: UInt64(m * 100 + n * 10 + k))
        for (transposeA, transposeB) in [(false, false), (false, true), (true, false), (true, true)] {
            for beta: Float in [0, 1, 0.5] {
                let a = transposeA ? random.matrix(k, m) : random.matrix(m, k)
                let b = transposeB ? random.matrix(n, k) : random.matrix(k, n)
                let initial = random.floats(m * n)
                let c = Matrix(rows: m, columns: n, values: initial)
                gemm(a, b, into: c, transposeA: transposeA, transposeB: transposeB, alpha: -0.5, beta: beta)
                let expected = referenceGEMM(
                    a, b, initial, transposeA: transposeA, transposeB: transposeB, alpha: -0.5, beta: beta, m: m, n: n,
                    k: k
                )
                #expect(
                    Tolerance(relative: 1e-5, absolute: 1e-6).mismatches(c.values.doubles, expected).isEmpty,
                    "m \(m) n \(n) k \(k) tA \(transposeA) tB \(transposeB) beta \(beta)"
                )
            }
        }
    }

    /// Above the threshold, products are cut into row blocks (taller than wide) or column
    /// blocks (wider than tall) computed side by side; the single-threaded product is
    /// checked against the naive one above, so here the blocks are checked against it.
    @Test(
        "products split across 2 and 3 threads agree with the single-threaded product",
        arguments: [
            (300, 250, 230), (230, 301, 250), (1001, 64, 270), (17, 1100, 900),
        ])
    func splitProducts(m: Int, n: Int, k: Int) {
        #expect(m * n * k >= BLAS.multithreadingThreshold)
        var random = TestRandom(seed: UInt64(m + n + k))
        for (transposeA, transposeB) in [(false, false), (false, true), (true, false), (true, true)] {
            let a = transposeA ? random.matrix(k, m) : random.matrix(m, k)
            let b = transposeB ? random.matrix(n, k) : random.matrix(k, n)
            let initial = random.floats(m * n)
            let results = [1, 2, 3].map { threads in
                let c = Matrix(rows: m, columns: n, values: initial)
                gemm(
                    a, b, into: c, transposeA: transposeA, transposeB: transposeB, alpha: 0.5, beta: -1,
                    threadCount: threads)
                return c.values.doubles
            }
            // Sums of up to 900 products of magnitude ≤ 1 in float: rounding below 1e-4.
            let tolerance = Tolerance(relative: 1e-5, absolute: 1e-4)
            #expect(
                tolerance.mismatches(results[1], results[0]).isEmpty, "2 threads, tA \(transposeA) tB \(transposeB)")
            #expect(
                tolerance.mismatches(results[2], results[0]).isEmpty, "3 threads, tA \(transposeA) tB \(transposeB)")
        }
    }

    @Test("works on the first rows of a larger buffer, leaving the rest untouched")
    func partialRows() {
        var random = TestRandom(seed: 99)
        let a = random.matrix(5, 3)
        let b = random.matrix(4, 3)
        let c = Matrix(rows: 5, columns: 4)
        c.fill(7)
        a.resize(rows: 2)
        c.resize(rows: 2)
        gemm(a, b, into: c, transposeB: true)
        let expected = referenceGEMM(
            a, b, Array(repeating: 0, count: 8), transposeA: false, transposeB: true, alpha: 1, beta: 0, m: 2, n: 4,
            k: 3)
        #expect(Tolerance(relative: 1e-6, absolute: 1e-6).mismatches(c.values.doubles, expected).isEmpty)
        c.resize(rows: 5)
        #expect(Array(c.values[8...]) == Array(repeating: 7, count: 12))
    }

    @Test("a product with an empty inner dimension scales C by beta")
    func emptyInnerDimension() {
        let a = Matrix(rows: 2, columns: 0)
        let b = Matrix(rows: 0, columns: 3)
        let c = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        gemm(a, b, into: c, beta: 2)
        #expect(c.values == [2, 4, 6, 8, 10, 12])
    }

    @Test("mismatched shapes stop the process")
    func shapeMismatch() async {
        await #expect(processExitsWith: .failure) {
            gemm(Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 3), into: Matrix(rows: 2, columns: 3))
        }
    }
}
