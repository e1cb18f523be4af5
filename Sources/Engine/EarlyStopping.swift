/// Stops training when the dev metric has not improved for `patience` epochs.
///
/// After each epoch the metric is compared with the best so far: an improvement is
/// strictly lower dev loss (or strictly higher dev accuracy); ties and non-finite losses
/// are not. Training stops after epoch `e` when `e − best = patience`, `best` the epoch of
/// the best value (the first such epoch on ties): with patience 2 and dev losses
/// 0.5, 0.4, 0.45, 0.41, it stops after epoch 4 and epoch 2 is the best.
public struct EarlyStopping: Sendable, Hashable {
    public let patience: Int
    public let metric: EarlyStopMetric
    /// The epoch of the best value so far; 0 before the first epoch.
    public private(set) var bestEpoch: Int
    /// The best value so far; `nil` before the first finite one.
    public private(set) var bestValue: Double?

    public init(patience: Int, metric: EarlyStopMetric, bestEpoch: Int = 0, bestValue: Double? = nil) {
        self.patience = patience
        self.metric = metric
        self.bestEpoch = bestEpoch
        self.bestValue = bestValue
    }

    /// Takes epoch `epoch`'s dev metrics into account.
    public mutating func observe(epoch: Int, dev: Metrics) {
        let value = metric == .devLoss ? dev.loss : dev.accuracy
        guard value.isFinite else { return }
        let improved: Bool
        if let best = bestValue {
            improved = metric == .devLoss ? value < best : value > best
        } else {
            improved = true
        }
        if improved {
            bestValue = value
            bestEpoch = epoch
        }
    }

    /// Whether training should stop once `epochsCompleted` epochs are done.
    public func shouldStop(epochsCompleted: Int) -> Bool {
        epochsCompleted > 0 && epochsCompleted - bestEpoch >= patience
    }
}
