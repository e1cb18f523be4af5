extension Trainer {
    /// The state at this point (meant for epoch ends): parameters, velocities, generator
    /// states and ``epochsCompleted``.
    public func checkpoint() -> TrainingCheckpoint {
        TrainingCheckpoint(
            epochsCompleted: epochsCompleted,
            widths: network.widths,
            parameters: parameterTensors.map(\.values),
            velocities: optimizer.hasVelocity ? optimizer.velocities.map(\.values) : nil,
            shuffleState: words(of: shuffleGenerator.state),
            dropoutState: words(of: dropoutGenerator.state)
        )
    }

    /// Weights then bias of every layer, in checkpoint order.
    var parameterTensors: [Matrix] {
        network.layers.flatMap { [$0.weight, $0.bias] }
    }

    /// Loads `checkpoint` after checking it fits the network and the optimiser.
    func restore(_ checkpoint: TrainingCheckpoint) throws(EngineError) {
        let widths = network.widths
        guard checkpoint.widths == widths else {
            throw EngineError(
                "the checkpoint is for a \(checkpoint.widthsLabel) network, but the configuration describes "
                    + widths.map(String.init).joined(separator: "-")
            )
        }
        guard checkpoint.epochsCompleted <= config.epochs else {
            throw EngineError(
                "the checkpoint has \(checkpoint.epochsCompleted) epochs done, more than the configuration's \(config.epochs)"
            )
        }
        let expectsVelocities = config.momentum != 0 && checkpoint.epochsCompleted > 0
        if expectsVelocities && checkpoint.velocities == nil {
            throw EngineError(
                "the checkpoint has no momentum state, but the configuration uses momentum \(config.momentum)")
        }
        if !expectsVelocities && checkpoint.velocities != nil {
            throw EngineError("the checkpoint has momentum state, but the configuration uses no momentum")
        }
        let sizes = TrainingCheckpoint.tensorSizes(widths)
        guard checkpoint.parameters.map(\.count) == sizes,
            (checkpoint.velocities?.map(\.count) ?? sizes) == sizes
        else { throw EngineError("the checkpoint's tensors do not match its layer sizes") }
        guard checkpoint.shuffleState.count == 4, checkpoint.dropoutState.count == 4,
            checkpoint.shuffleState.contains(where: { $0 != 0 }), checkpoint.dropoutState.contains(where: { $0 != 0 })
        else { throw EngineError("the checkpoint's generator states are invalid") }

        for (matrix, values) in zip(parameterTensors, checkpoint.parameters) { matrix.assign(values) }
        if let velocities = checkpoint.velocities {
            for (matrix, values) in zip(optimizer.velocities, velocities) { matrix.assign(values) }
        }
        optimizer.hasVelocity = checkpoint.velocities != nil
        shuffleGenerator = Xoshiro256StarStar(state: state(from: checkpoint.shuffleState))
        dropoutGenerator = Xoshiro256StarStar(state: state(from: checkpoint.dropoutState))
        epochsCompleted = checkpoint.epochsCompleted
    }
}

private func words(of state: (UInt64, UInt64, UInt64, UInt64)) -> [UInt64] {
    [state.0, state.1, state.2, state.3]
}

private func state(from words: [UInt64]) -> (UInt64, UInt64, UInt64, UInt64) {
    (words[0], words[1], words[2], words[3])
}
