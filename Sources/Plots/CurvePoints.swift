public import Charts
public import RunQueries

extension GroupCurves {
    /// The measure's line: the mean at each epoch, with ± one standard deviation as its
    /// band; a missing mean (every loss of the epoch was not finite) is a gap.
    public func points(_ measure: CurveMeasure) -> [DataPoint] {
        let values = statistics[measure] ?? []
        return zip(epochs, values).map { epoch, value in
            DataPoint(x: Double(epoch), y: value.mean ?? .nan, spread: value.standardDeviation)
        }
    }
}

extension RunCurves {
    /// The measure's line; a missing value is a gap.
    public func points(_ measure: CurveMeasure) -> [DataPoint] {
        zip(epochs, measures[measure] ?? []).map { DataPoint(x: Double($0), y: $1 ?? .nan) }
    }
}

extension CurveMeasure {
    /// What the y axis of the measure says, in its unit.
    var axis: Axis {
        switch self {
        case .accuracy: Axis("accuracy", format: .percent)
        case .loss: Axis("loss", unit: "nats")
        case .gap: Axis("train − test accuracy", format: .percent)
        }
    }
}
