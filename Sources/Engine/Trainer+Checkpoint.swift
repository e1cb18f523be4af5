extension Trainer {
    /// The state at this point (meant for epoch ends): parameters, the optimiser's state,
    /// generator states, early stopping's best so far and ``epochsCompleted``.
    public func checkpoint() -> TrainingCheckpoint {
        var velocities: [[Float]]?
        var adam: TrainingCheckpoint.AdamState?
        switch optimizer.state {
        case .velocities(let buffers): velocities = buffers
        case .moments(let steps, let first, let second):
            adam = TrainingCheckpoint.AdamState(steps: steps, first: first, second: second)
        case nil: break
        }
        return TrainingCheckpoint(
            epochsCompleted: epochsCompleted,
            widths: network.widths,
            parameters: parameterTensors.map(\.values),
            velocities: velocities,
            shuffleState: words(of: shuffleGenerator.state),
            dropoutState: words(of: dropoutGenerator.state),
            adam: adam,
            earlyStopping: earlyStopping.map {
                TrainingCheckpoint.EarlyStoppingState(bestEpoch: $0.bestEpoch, bestValue: $0.bestValue)
            }
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
        try checkOptimizerState(checkpoint)
        let sizes = TrainingCheckpoint.tensorSizes(widths)
        guard checkpoint.parameters.map(\.count) == sizes else {
            throw EngineError("the checkpoint's tensors do not match its layer sizes")
        }
        guard checkpoint.shuffleState.count == 4, checkpoint.dropoutState.count == 4,
            checkpoint.shuffleState.contains(where: { $0 != 0 }), checkpoint.dropoutState.contains(where: { $0 != 0 })
        else { throw EngineError("the checkpoint's generator states are invalid") }

        let optimizerState: OptimizerState? =
            if let velocities = checkpoint.velocities {
                .velocities(velocities)
            } else if let adam = checkpoint.adam {
                .moments(steps: adam.steps, first: adam.first, second: adam.second)
            } else {
                nil
            }
        try optimizer.restore(optimizerState, sizes: sizes)
        for (matrix, values) in zip(parameterTensors, checkpoint.parameters) { matrix.assign(values) }
        if let patience = config.earlyStopPatience {
            let saved = checkpoint.earlyStopping
            earlyStopping = EarlyStopping(
                patience: patience, metric: config.earlyStopMetric, bestEpoch: saved?.bestEpoch ?? 0,
                bestValue: saved?.bestValue)
        }
        shuffleGenerator = Xoshiro256StarStar(state: state(from: checkpoint.shuffleState))
        dropoutGenerator = Xoshiro256StarStar(state: state(from: checkpoint.dropoutState))
        epochsCompleted = checkpoint.epochsCompleted
    }

    /// A checkpoint after at least one epoch holds exactly the state the configuration's
    /// optimiser and early stopping keep.
    private func checkOptimizerState(_ checkpoint: TrainingCheckpoint) throws(EngineError) {
        let trained = checkpoint.epochsCompleted > 0
        let expectsVelocities = config.optimizer == .sgd && config.momentum != 0 && trained
        if expectsVelocities && checkpoint.velocities == nil {
            throw EngineError(
                "the checkpoint has no momentum state, but the configuration uses momentum \(config.momentum)")
        }
        if !expectsVelocities && checkpoint.velocities != nil {
            throw EngineError("the checkpoint has momentum state, but the configuration uses no momentum")
        }
        let expectsMoments = config.optimizer != .sgd && trained
        if expectsMoments != (checkpoint.adam != nil) {
            throw EngineError(
                expectsMoments
                    ? "the checkpoint has no Adam state, but the configuration uses \(config.optimizer.rawValue)"
                    : "the checkpoint has Adam state, but the configuration uses \(config.optimizer.rawValue)")
        }
        if trained && (config.earlyStopPatience != nil) != (checkpoint.earlyStopping != nil) {
            throw EngineError(
                config.earlyStopPatience == nil
                    ? "the checkpoint has early-stopping state, but the configuration does not stop early"
                    : "the checkpoint has no early-stopping state, but the configuration stops early")
        }
    }
}

private func words(of state: (UInt64, UInt64, UInt64, UInt64)) -> [UInt64] {
    [state.0, state.1, state.2, state.3]
}

private func state(from words: [UInt64]) -> (UInt64, UInt64, UInt64, UInt64) {
    (words[0], words[1], words[2], words[3])
}
