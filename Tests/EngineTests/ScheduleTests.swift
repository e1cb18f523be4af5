import TestSupport
import Testing

@testable import Engine

/// Learning rates of epochs 1–7 with lr 0.1, against PyTorch's schedulers stepped once per
/// epoch (torch 2.13.0 printed these, `optimizer.param_groups[0]['lr']` before each epoch):
/// `StepLR(step_size=3, gamma=0.5)`, `CosineAnnealingLR(T_max=7)`, warm-up as
/// `LinearLR(start_factor=1/3, total_iters=2)`, and both chained with `ChainedScheduler`.
@Suite("Learning-rate schedules")
struct ScheduleTests {
    private func rates(_ choice: ScheduleChoice, warmup: Int = 0) -> [Double] {
        let schedule = LearningRateSchedule(
            base: 0.1, choice: choice, stepEpochs: 3, gamma: 0.5, warmupEpochs: warmup, totalEpochs: 7)
        return (1...7).map { schedule.rate(epoch: $0) }
    }

    private func expectRates(_ actual: [Double], _ expected: [Double]) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(isClose(a, e, tolerance: 1e-15), "\(a) vs \(e)") }
    }

    @Test("constant: the base rate in every epoch")
    func constant() {
        #expect(rates(.constant) == Array(repeating: 0.1, count: 7))
    }

    @Test("step: lr · γ^⌊(epoch − 1) / step⌋, as StepLR")
    func step() {
        expectRates(rates(.step), [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025])
    }

    @Test("cosine: lr · (1 + cos(π (epoch − 1) / epochs)) / 2, as CosineAnnealingLR")
    func cosine() {
        expectRates(
            rates(.cosine),
            [
                0.1, 0.09504844339512096, 0.08117449009293669, 0.061126046697815725, 0.03887395330218429,
                0.018825509907063328, 0.004951556604879048,
            ])
    }

    @Test("warm-up: lr · epoch / (W + 1) for the first W epochs, then the schedule")
    func warmup() {
        let third = 0.1 / 3
        expectRates(rates(.constant, warmup: 2), [third, 2 * third, 0.1, 0.1, 0.1, 0.1, 0.1])
        expectRates(rates(.step, warmup: 2), [third, 2 * third, 0.1, 0.05, 0.05, 0.05, 0.025])
    }

    /// The factors multiply and the cosine counts from epoch 1: epoch 2 is
    /// 0.1 · (2/3) · 0.950484… = 0.0633656…
    @Test("warm-up multiplies the schedule without delaying it, as ChainedScheduler")
    func warmupAndCosine() {
        expectRates(
            rates(.cosine, warmup: 2),
            [
                0.1 / 3, 0.06336562893008063, 0.08117449009293667, 0.06112604669781572, 0.03887395330218429,
                0.018825509907063328, 0.004951556604879048,
            ])
    }
}
