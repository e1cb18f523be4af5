import Testing

@testable import Engine

/// Every test that runs a ``Trainer``, one at a time: the trainer sets OpenBLAS's
/// process-wide thread count, and products split across a different number of threads
/// may round differently, so concurrent runs could disturb each other's bit-exact checks.
@Suite(.serialized)
struct TrainingRuns {}
