import Testing
import TextOutput

@testable import Training

@Suite struct ConfigKeyTests {
    @Test func setsEveryKeyFromItsText() throws {
        var config = RunConfig()
        let settings: [(ConfigKey, String)] = [
            (.hidden, "128-64,32"), (.activation, "Tanh"), (.dropout, "0.5"), (.weightDecay, "1e-3"),
            (.learningRate, "0.1"), (.momentum, "0.9"), (.batchSize, "10"), (.epochs, "20"),
            (.clipNorm, "5"), (.initialization, "xavier"), (.seed, "42"), (.threads, "2"),
            (.dataset, "Fashion-MNIST"), (.trainLimit, "1000"),
            (.optimizer, "AdamW"), (.beta1, "0.8"), (.beta2, "0.99"), (.eps, "1e-6"), (.lrSchedule, "step"),
            (.lrStepEpochs, "5"), (.lrGamma, "0.5"), (.warmupEpochs, "2"), (.earlyStop, "4"),
            (.earlyStopMetric, "dev-accuracy"), (.labelNoise, "0.2"), (.inputNoise, "0.3"), (.trainSubset, "balanced"),
        ]
        for (key, text) in settings {
            try config.set(key, from: text)
        }
        #expect(config.hidden == [128, 64, 32])
        #expect(config.activation == .tanh)
        #expect(config.dropout == 0.5)
        #expect(config.weightDecay == 0.001)
        #expect(config.learningRate == 0.1)
        #expect(config.momentum == 0.9)
        #expect(config.batchSize == 10)
        #expect(config.epochs == 20)
        #expect(config.clipNorm == 5)
        #expect(config.initialization == .xavier)
        #expect(config.seed == 42)
        #expect(config.threads == 2)
        #expect(config.dataset == "fashion-mnist")
        #expect(config.trainLimit == 1000)
        #expect(config.optimizer == .adamw)
        #expect(config.beta1 == 0.8 && config.beta2 == 0.99 && config.epsilon == 1e-6)
        #expect(config.schedule == .step && config.stepEpochs == 5 && config.gamma == 0.5)
        #expect(config.warmupEpochs == 2)
        #expect(config.earlyStopPatience == 4 && config.earlyStopMetric == .devAccuracy)
        #expect(config.labelNoise == 0.2 && config.inputNoise == 0.3 && config.trainSubset == .balanced)
        try config.set(.clipNorm, from: "none")
        #expect(config.clipNorm == nil)
        #expect(settings.count == ConfigKey.allCases.count)
    }

    @Test(arguments: [
        (
            ConfigKey.hidden, "128--64",
            "--hidden 128--64: expected layer sizes such as 128-64 or 128,64, each an integer in 1...1000000"
        ),
        (.hidden, "0", "--hidden 0: expected layer sizes such as 128-64 or 128,64, each an integer in 1...1000000"),
        (.hidden, "", "--hidden '': expected layer sizes such as 128-64 or 128,64, each an integer in 1...1000000"),
        (.activation, "softmax", "--activation softmax: expected one of relu, tanh, sigmoid"),
        (.dropout, "1", "--dropout 1: expected a probability in [0, 1)"),
        (.dropout, "-0.1", "--dropout -0.1: expected a probability in [0, 1)"),
        (.dropout, "nan", "--dropout nan: expected a probability in [0, 1)"),
        (.weightDecay, "-1", "--weight-decay -1: expected a number >= 0"),
        (.learningRate, "0", "--lr 0: expected a number > 0"),
        (.learningRate, "inf", "--lr inf: expected a number > 0"),
        (.learningRate, "fast", "--lr fast: expected a number > 0"),
        (.momentum, "1.5", "--momentum 1.5: expected a number in [0, 1)"),
        (.batchSize, "0", "--batch-size 0: expected an integer >= 1"),
        (.batchSize, "2.5", "--batch-size 2.5: expected an integer >= 1"),
        (.epochs, "-3", "--epochs -3: expected an integer in 1...1000000"),
        (.clipNorm, "0", "--clip-norm 0: expected a number > 0, or none"),
        (.initialization, "he", "--init he: expected one of auto, pytorch, xavier"),
        (.seed, "-1", "--seed -1: expected an integer in 0...9223372036854775807"),
        (.seed, "9223372036854775808", "--seed 9223372036854775808: expected an integer in 0...9223372036854775807"),
        (
            .seed, "18446744073709551615",
            "--seed 18446744073709551615: expected an integer in 0...9223372036854775807"
        ),
        (.threads, "0", "--threads 0: expected an integer in 1...256"),
        (.dataset, "cifar10", "--dataset cifar10: expected one of mnist, fashion-mnist"),
        (.trainLimit, "50001", "--train-limit 50001: expected an integer in 1...50000"),
        (
            .hidden, "1; DROP TABLE runs",
            "--hidden '1; DROP TABLE runs': expected layer sizes such as 128-64 or 128,64, each an integer in 1...1000000"
        ),
    ])
    func rejectsBadValuesNamingFlagValueAndRange(key: ConfigKey, text: String, message: String) {
        var config = RunConfig()
        let before = config
        #expect {
            try config.set(key, from: text)
        } throws: { error in
            (error as? InvalidConfigValue)?.flagMessage == message
        }
        #expect(config == before)
    }

    @Test func keyMessageUsesTheFileSpelling() {
        let invalid = InvalidConfigValue(key: .batchSize, value: "ten")
        #expect(invalid.keyMessage == "batch-size: ten: expected an integer >= 1")
    }
}

@Suite struct RunConfigTests {
    @Test func canonicalJSONIsSortedAndComplete() {
        var config = RunConfig()
        config.hidden = [800, 800, 800]
        config.clipNorm = 5
        #expect(
            config.canonicalJSON == """
                {"activation":"relu","batch_size":100,"clip_norm":5,"dataset":"mnist","dropout":0,"epochs":10,\
                "hidden":[800,800,800],"init":"auto","learning_rate":0.01,"momentum":0,"seed":1,"threads":1,\
                "weight_decay":0}
                """)
        #expect(config.architecture == "800-800-800")
    }

    @Test func trialHashIgnoresThreadsButNothingElse() throws {
        let base = RunConfig()
        var threaded = base
        threaded.threads = 2
        #expect(threaded.trialHash == base.trialHash)
        for key in ConfigKey.allCases where key != .threads {
            var changed = base
            let text: String =
                switch key {
                case .hidden: "64"
                case .activation: "tanh"
                case .initialization: "xavier"
                case .dataset: "fashion-mnist"
                case .clipNorm: "1"
                case .seed: "7"
                case .dropout, .momentum, .beta1, .beta2, .lrGamma, .labelNoise, .inputNoise: "0.5"
                case .optimizer: "adam"
                case .lrSchedule: "cosine"
                case .earlyStopMetric: "dev-accuracy"
                case .trainSubset: "balanced"
                default: "3"
                }
            try changed.set(key, from: text)
            #expect(changed.trialHash != base.trialHash, "changing \(key.rawValue) must change the trial")
        }
    }
}
