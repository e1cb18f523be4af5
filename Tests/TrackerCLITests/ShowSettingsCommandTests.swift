import Foundation
import SQLite
import TestSupport
import Testing

/// `tracker show` of a real run with the later settings: what it prints is what was stored.
@Suite(
    "tracker show: optimiser, schedule, early stopping, noise, subset, environment",
    .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct ShowSettingsCommandTests {
    /// A learning rate of 1e-6 leaves the dev accuracy where it starts, so a patience of 2 stops the run.
    @Test func showPrintsTheSettingsTheRunStored() throws {
        let sandbox = try TrackerSandbox()
        let outcome = try sandbox.run([
            "run", "--hidden", "16", "--epochs", "12", "--train-limit", "500", "--train-subset", "balanced",
            "--batch-size", "100", "--threads", "1", "--optimizer", "adamw", "--lr", "1e-6", "--beta1", "0.85",
            "--lr-schedule", "cosine", "--warmup-epochs", "1", "--early-stop", "2", "--early-stop-metric",
            "dev-accuracy", "--label-noise", "0.3", "--quiet",
        ])
        #expect(outcome.status == 0)
        let row = try #require(
            try sandbox.rows("SELECT stopped_epoch, labels_changed, blas_core, cpu_model FROM runs").first)
        let stopped = try #require(row[0].int)
        let changed = try #require(row[1].int)
        let core = try #require(row[2].string)
        #expect(stopped < 12 && changed > 0 && changed < 500)
        let shown = try sandbox.run(["show", "1"])
        #expect(shown.status == 0 && shown.stderr == "")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        let checksum = try #require(try sandbox.value("SELECT dataset_checksum FROM runs")?.string)
        for line in [
            "dataset         mnist, 500 training examples, balanced: 50 per class, \(checksum)",
            "training        adamw, learning rate 1e-06, momentum 0, batch size 100, 12 epochs, seed 1",
            "betas           beta1 0.85, beta2 0.999, eps 1e-08",
            "schedule        cosine, 1 warm-up epoch",
            "early stop      patience 2 on dev-accuracy, stopped at epoch \(stopped)",
            "label noise     0.3, \(changed) labels changed",
            "environment     BLAS kernel \(core)" + (row[3].string.map { ", " + $0 } ?? ""),
        ] {
            #expect(lines.contains(line), "\(line)")
        }
        #expect(!lines.contains { $0.hasPrefix("input noise") })
        let json = try sandbox.run(["show", "1", "--format", "json"])
        let object = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(object["beta1"] as? Double == 0.85 && object["lr_schedule"] as? String == "cosine")
        #expect(object["stopped_epoch"] as? Int == stopped && object["labels_changed"] as? Int == changed)
        #expect(object["train_subset"] as? String == "balanced" && object["blas_core"] as? String == core)
        #expect(object["input_noise"] as? Double == 0 && object["early_stop"] as? Int == 2)
    }
}
