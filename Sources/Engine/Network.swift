/// A multi-layer perceptron: Linear layers with the activation (and, in training, dropout)
/// after every hidden one, and raw logits out of the last.
final class Network {
    let layers: [Linear]
    let activation: Activation

    /// Layer sizes `widths[0] → widths[1] → … → widths.last`, weights drawn per layer in
    /// order with `initialization` (each layer's weights, then its biases).
    init(widths: [Int], activation: Activation, initialization: Initialization, generator: inout Xoshiro256StarStar) {
        precondition(widths.count >= 2, "a network has at least an input and an output size")
        self.activation = activation
        layers = zip(widths, widths.dropFirst()).map { Linear(inputs: $0, outputs: $1) }
        for layer in layers {
            layer.initialize(
                weightBound: initialization.weightBound(
                    fanIn: layer.inputs, fanOut: layer.outputs, activation: activation),
                biasBound: initialization.biasBound(fanIn: layer.inputs),
                generator: &generator
            )
        }
    }

    /// Input size, hidden sizes, classes.
    var widths: [Int] { [layers[0].inputs] + layers.map(\.outputs) }

    var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// Runs the batch in `workspace.input` through the network and returns the logits
    /// (`workspace.outputs.last`). With `dropout` (training only), hidden outputs are
    /// masked with fresh draws from `generator`.
    @discardableResult
    func forward(_ workspace: Workspace, dropout: Dropout?, generator: inout Xoshiro256StarStar) -> Matrix {
        let last = layers.count - 1
        let threads = workspace.threads
        for (l, layer) in layers.enumerated() {
            let z = workspace.outputs[l]
            layer.forward(workspace.input(ofLayer: l), into: z, threads: threads)
            if l == last {
                addBias(to: z, bias: layer.bias, threads: threads)
            } else {
                activation.addBiasAndApply(to: z, bias: layer.bias, threads: threads)
                if let dropout, !workspace.dropped.isEmpty {
                    dropout.apply(z, mask: workspace.masks[l], output: workspace.dropped[l], generator: &generator)
                }
            }
        }
        return workspace.outputs[last]
    }

    /// Backpropagates from `workspace.gradients.last` (the loss gradient with respect to the
    /// logits, filled by the loss), then takes the optimiser's step.
    ///
    /// Every layer's bias gradient is summed in the pass that makes its `dZ` (the
    /// activation's derivative, or a column sum for the output layer). When `optimizer`
    /// has a ``Optimizer/fusedStep``, each layer's step is applied inside its products as
    /// soon as the gradient below it has been computed from the old weights; otherwise the
    /// parameter gradients are computed into the layers, and the optimiser steps from them
    /// (with no optimiser they are left there).
    func backward(_ workspace: Workspace, optimizer: (any Optimizer)?) {
        let threads = workspace.threads
        let fused = optimizer?.fusedStep
        for l in layers.indices.reversed() {
            let gradient = workspace.gradients[l]
            let layer = layers[l]
            let input = workspace.input(ofLayer: l)
            if l < layers.count - 1 {
                let mask = workspace.masks.isEmpty ? nil : workspace.masks[l]
                activation.backpropagate(
                    gradient, output: workspace.outputs[l], mask: mask, columnSums: layer.biasGradient, threads: threads
                )
            } else {
                sumColumns(of: gradient, into: layer.biasGradient, threads: threads)
            }
            let inputGradient = l > 0 ? workspace.gradients[l - 1] : nil
            if let fused {
                layer.backward(
                    input: input, outputGradient: gradient, inputGradient: inputGradient, applying: fused,
                    threads: threads
                )
            } else {
                layer.backward(input: input, outputGradient: gradient, inputGradient: inputGradient, threads: threads)
            }
        }
        if fused == nil { optimizer?.step(layers) }
    }
}
