/// The buffers one forward (and backward) pass of up to ``capacity`` samples needs,
/// allocated once so that the batch loop never allocates.
///
/// For layer `l`: `outputs[l]` is its output (the activation for hidden layers, the logits
/// for the last), `masks[l]` and `dropped[l]` the dropout mask and masked output (training
/// with dropout only), and `gradients[l]` the loss gradient with respect to its output
/// (training only).
final class Workspace {
    let capacity: Int
    let input: Matrix
    let labels: UnsafeMutableBufferPointer<UInt8>
    let outputs: [Matrix]
    let masks: [Matrix]
    let dropped: [Matrix]
    let gradients: [Matrix]
    /// Whether the passes on this workspace stay on the calling thread (for workspaces
    /// that already run side by side) rather than using ``BLAS/threads``.
    let singleThreaded: Bool

    /// - Parameters:
    ///   - widths: the network's layer sizes, inputs first, classes last.
    ///   - training: whether to allocate gradients (and dropout buffers).
    ///   - dropout: whether hidden outputs go through dropout.
    init(capacity: Int, widths: [Int], training: Bool, dropout: Bool, singleThreaded: Bool = false) {
        precondition(capacity > 0 && widths.count >= 2, "a workspace needs a batch and at least one layer")
        self.capacity = capacity
        self.singleThreaded = singleThreaded
        func buffers(_ widths: ArraySlice<Int>) -> [Matrix] {
            widths.map { Matrix(rows: capacity, columns: $0) }
        }
        input = Matrix(rows: capacity, columns: widths[0])
        labels = .allocate(capacity: capacity)
        labels.initialize(repeating: 0)
        outputs = buffers(widths.dropFirst())
        let hidden = widths.dropFirst().dropLast()
        masks = training && dropout ? buffers(hidden) : []
        dropped = training && dropout ? buffers(hidden) : []
        gradients = training ? buffers(widths.dropFirst()) : []
    }

    deinit {
        labels.deallocate()
    }

    /// Threads for the products and elementwise passes on this workspace's buffers.
    var threads: Int { singleThreaded ? 1 : BLAS.threads }

    /// The rows in use (the current batch's size).
    var rows: Int { input.rows }

    /// Uses the first `rows` rows of every buffer, for a batch of that size.
    func resize(rows: Int) {
        input.resize(rows: rows)
        // Four loops rather than one over an array of the groups, which would allocate.
        for matrix in outputs { matrix.resize(rows: rows) }
        for matrix in masks { matrix.resize(rows: rows) }
        for matrix in dropped { matrix.resize(rows: rows) }
        for matrix in gradients { matrix.resize(rows: rows) }
    }

    /// What layer `layer` reads: the batch for the first layer, otherwise the previous
    /// layer's output after dropout when dropout is active.
    func input(ofLayer layer: Int) -> Matrix {
        if layer == 0 { return input }
        return dropped.isEmpty ? outputs[layer - 1] : dropped[layer - 1]
    }
}
