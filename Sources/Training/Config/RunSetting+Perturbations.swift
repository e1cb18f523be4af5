import Perturbations
import Store

extension RunSetting {
    /// Label noise, input noise and the training subset: settings of the data a run
    /// trains on, stored only when they differ from their defaults.
    static let perturbations: [RunSetting] = [
        .defaulted(
            .labelNoise, stored: .labelNoise, json: "label_noise", \.labelNoise, default: 0,
            requirement: "a fraction in [0, 1)",
            parse: { text in Double(text).flatMap { $0.isFinite && $0 >= 0 && $0 < 1 ? $0 : nil } },
            store: { $1.columns[.labelNoise] = .real($0.labelNoise) }),
        .defaulted(
            .inputNoise, stored: .inputNoise, json: "input_noise", \.inputNoise, default: 0,
            requirement: "a standard deviation, a number >= 0",
            parse: { text in Double(text).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } },
            store: { $1.columns[.inputNoise] = .real($0.inputNoise) }),
        .defaulted(
            .trainSubset, stored: .trainSubset, json: "train_subset", \.trainSubset, default: .first,
            requirement: "one of " + TrainSubset.allCases.map(\.rawValue).joined(separator: ", "),
            parse: { text in TrainSubset(rawValue: text.lowercased()) },
            store: { $1.columns[.trainSubset] = .text($0.trainSubset.rawValue) }),
    ]
}
