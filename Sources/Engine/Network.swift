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
                weightBound: initialization.weightBound(fanIn: layer.inputs, fanOut: layer.outputs, activation: activation),
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
        let last = layers.count - 1, threads = workspace.threads
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
    /// logits, filled by the loss), then takes the optimiser's step. When `optimizer`
    /// updates during backpropagation, each layer's parameters are updated as soon as the
    /// gradient below it has been computed from the old weights; otherwise the parameter
    /// gradients are computed into the layers (and left there when `optimizer` is `nil`).
    func backward(_ workspace: Workspace, optimizer: SGD?) {
        let threads = workspace.threads
        for l in layers.indices.reversed() {
            let gradient = workspace.gradients[l], layer = layers[l], input = workspace.input(ofLayer: l)
            if l < layers.count - 1 {
                activation.backpropagate(gradient, output: workspace.outputs[l], mask: workspace.masks.isEmpty ? nil : workspace.masks[l], threads: threads)
            }
            if let optimizer, optimizer.updatesDuringBackward {
                if l > 0 { layer.propagate(gradient, into: workspace.gradients[l - 1]) }
                optimizer.update(layer: l, of: layers, outputGradient: gradient, input: input, threads: threads)
            } else {
                layer.backward(
                    input: input, outputGradient: gradient, inputGradient: l > 0 ? workspace.gradients[l - 1] : nil, threads: threads
                )
            }
        }
        optimizer?.finishStep(layers)
    }
}
