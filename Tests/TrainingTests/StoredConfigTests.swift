import Testing

@testable import Training

/// Existing databases find a trial's runs by `trialHash` and resume them from the stored
/// JSON, so both must come out byte for byte as they did when those runs were stored.
@Suite struct StoredConfigTests {
    static func configuration(_ settings: [(ConfigKey, String)]) throws -> RunConfig {
        var config = RunConfig()
        for (key, text) in settings {
            // Seeds above 2⁶³ − 1 are refused now, but runs stored with one keep their JSON and hash.
            if key == .seed, let seed = UInt64(text), seed > UInt64(Int64.max) {
                config.seed = seed
                continue
            }
            try config.set(key, from: text)
        }
        return config
    }

    static let everySetting: [(ConfigKey, String)] = [
        (.hidden, "800-400-200"), (.activation, "tanh"), (.dropout, "0.25"), (.weightDecay, "0.0001"),
        (.learningRate, "0.05"), (.momentum, "0.9"), (.batchSize, "64"), (.epochs, "30"),
        (.clipNorm, "2.5"), (.initialization, "xavier"), (.seed, "18446744073709551615"), (.threads, "4"),
        (.dataset, "fashion-mnist"), (.trainLimit, "12345"),
    ]

    static let cases: [(name: String, settings: [(ConfigKey, String)], json: String, hash: String)] = [
        (
            "default", [],
            #"{"activation":"relu","batch_size":100,"dataset":"mnist","dropout":0,"epochs":10,"hidden":[128,128],"init":"auto","learning_rate":0.01,"momentum":0,"seed":1,"threads":1,"weight_decay":0}"#,
            "4abd90d1812bee52682751608bfd9074"
        ),
        (
            "every setting", everySetting,
            #"{"activation":"tanh","batch_size":64,"clip_norm":2.5,"dataset":"fashion-mnist","dropout":0.25,"epochs":30,"hidden":[800,400,200],"init":"xavier","learning_rate":0.05,"momentum":0.9,"seed":18446744073709551615,"threads":4,"train_limit":12345,"weight_decay":0.0001}"#,
            "b3e21add3cfd1a4033996cfb034a1640"
        ),
        (
            "clip norm set", [(.clipNorm, "1")],
            #"{"activation":"relu","batch_size":100,"clip_norm":1,"dataset":"mnist","dropout":0,"epochs":10,"hidden":[128,128],"init":"auto","learning_rate":0.01,"momentum":0,"seed":1,"threads":1,"weight_decay":0}"#,
            "bcb7aba8c5da4a4b55012bc40fcabc71"
        ),
        (
            "clip norm none", everySetting + [(.clipNorm, "none")],
            #"{"activation":"tanh","batch_size":64,"dataset":"fashion-mnist","dropout":0.25,"epochs":30,"hidden":[800,400,200],"init":"xavier","learning_rate":0.05,"momentum":0.9,"seed":18446744073709551615,"threads":4,"train_limit":12345,"weight_decay":0.0001}"#,
            "b7b77f0d06e5495f17fb0923359b8dff"
        ),
        (
            "train limit set", [(.trainLimit, "1000")],
            #"{"activation":"relu","batch_size":100,"dataset":"mnist","dropout":0,"epochs":10,"hidden":[128,128],"init":"auto","learning_rate":0.01,"momentum":0,"seed":1,"threads":1,"train_limit":1000,"weight_decay":0}"#,
            "ad2a28eef2a947a095d422ac97fbfdbb"
        ),
        (
            "train limit none, small numbers", [(.learningRate, "1e-7"), (.weightDecay, "3e-05"), (.dropout, "0.1")],
            #"{"activation":"relu","batch_size":100,"dataset":"mnist","dropout":0.1,"epochs":10,"hidden":[128,128],"init":"auto","learning_rate":1e-07,"momentum":0,"seed":1,"threads":1,"weight_decay":3e-05}"#,
            "b5087800d788694ce6de99f808ab57a4"
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func canonicalJSONAndTrialHashAreUnchanged(index: Int) throws {
        let pinned = Self.cases[index]
        let config = try Self.configuration(pinned.settings)
        #expect(config.canonicalJSON == pinned.json, "\(pinned.name)")
        #expect(config.trialHash == pinned.hash, "\(pinned.name)")
        #expect(try RunConfig(storedJSON: pinned.json, runID: 1) == config, "\(pinned.name)")
    }
}
