-- 0002_checkpoints: the latest training state of every run, for exact resume.
--
-- After each epoch, tracker replaces the run's checkpoint in the same transaction
-- that records the epoch, so the checkpoint always belongs to the run's last
-- recorded epoch: `tracker resume RUN` continues from there and ends bit-identical
-- to a run that was never interrupted. The checkpoint of a finished run is its
-- trained model.

CREATE TABLE checkpoints (
    run_id      INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    -- The epoch whose end the state is (equal to the run's last recorded epoch).
    epoch       INTEGER NOT NULL CHECK (epoch >= 1),
    -- The engine's serialised training state: format version, layer widths, weights
    -- and biases, momentum buffers and random generator states (little-endian).
    state       BLOB NOT NULL,
    saved_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
