/// The mean and the sample standard deviation of `values`, computed here in two
/// passes independently of tracker: nil deviation for one value.
public func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double?) {
    let mean = values.reduce(0, +) / Double(values.count)
    guard values.count > 1 else { return (mean, nil) }
    let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
    return (mean, (squares / Double(values.count - 1)).squareRoot())
}
