extension Duration {
    /// The duration in seconds, as the timings of epochs and benchmarks report it.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
