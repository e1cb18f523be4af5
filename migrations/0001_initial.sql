-- 0001_initial: the first tracker schema.
--
-- Applied by tracker in one BEGIN IMMEDIATE transaction that also sets
-- PRAGMA user_version = 1. Never edit this file once shipped: change the schema
-- with a new migrations/NNNN_name.sql.
--
-- Conventions: timestamps are ISO-8601 UTC text with milliseconds
-- ('2026-11-29T09:35:02.123Z'); accuracies are fractions in [0, 1]; a loss that
-- was not finite (NaN or infinite: a diverged run) is stored as NULL.

-- Marks the file as a tracker database ('TRKR'), so tracker can refuse SQLite
-- files that belong to something else.
PRAGMA application_id = 1414679378;

CREATE TABLE experiments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    -- Unique across machines, so that databases can be merged.
    uuid            TEXT NOT NULL UNIQUE,
    experiment_id   INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    status          TEXT NOT NULL DEFAULT 'running'
                    CHECK (status IN ('running', 'completed', 'failed', 'interrupted', 'diverged')),
    -- Why a run failed, diverged or was interrupted.
    error           TEXT,
    started_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at     TEXT,

    -- The process that records the run: a run left 'running' is abandoned when this
    -- process no longer exists (same host, and another boot, or no such pid, or a
    -- pid whose start time differs: the pid was reused).
    host            TEXT NOT NULL,
    pid             INTEGER NOT NULL,
    -- Start time of the process in clock ticks after boot (/proc/PID/stat field 22).
    process_start   INTEGER,
    -- /proc/sys/kernel/random/boot_id of the machine when the run started.
    boot_id         TEXT,
    tracker_version TEXT NOT NULL,

    -- Data.
    dataset         TEXT NOT NULL,
    -- Checksum of the dataset's files, so runs on different copies can be told apart.
    dataset_checksum TEXT,
    -- Training examples used; NULL for the full training split.
    train_limit     INTEGER CHECK (train_limit > 0),
    seed            INTEGER NOT NULL,

    -- Model and training, typed so that plain SQL can group on them.
    hidden          TEXT NOT NULL,      -- hidden layer sizes, '800-800-800'; '' for none
    depth           INTEGER NOT NULL CHECK (depth >= 0),   -- number of hidden layers
    n_params        INTEGER NOT NULL CHECK (n_params > 0),
    activation      TEXT NOT NULL,
    init            TEXT NOT NULL,
    dropout         REAL NOT NULL DEFAULT 0 CHECK (dropout >= 0 AND dropout < 1),
    weight_decay    REAL NOT NULL DEFAULT 0 CHECK (weight_decay >= 0),
    learning_rate   REAL NOT NULL CHECK (learning_rate > 0),
    momentum        REAL NOT NULL DEFAULT 0 CHECK (momentum >= 0),
    batch_size      INTEGER NOT NULL CHECK (batch_size > 0),
    epochs          INTEGER NOT NULL CHECK (epochs >= 0),
    clip_norm       REAL CHECK (clip_norm > 0),   -- NULL: no gradient clipping
    optimizer       TEXT NOT NULL DEFAULT 'sgd',
    threads         INTEGER CHECK (threads > 0),  -- BLAS threads
    -- The complete configuration, and a hash of its canonical form: a grid skips a
    -- trial whose hash already has a completed run in the experiment.
    config          TEXT NOT NULL CHECK (json_valid(config)),
    config_hash     TEXT NOT NULL,

    -- Final results, written when the run completes.
    train_loss      REAL,
    train_acc       REAL,
    dev_loss        REAL,
    dev_acc         REAL,
    test_loss       REAL,
    test_acc        REAL,
    train_seconds   REAL,
    samples_per_second REAL,

    -- The epoch of best dev accuracy so far (the first one on ties), kept up to date
    -- as epochs are recorded, with the test accuracy at that epoch.
    best_dev_acc    REAL,
    best_epoch      INTEGER,
    best_test_acc   REAL
);

CREATE TABLE epochs (
    run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch           INTEGER NOT NULL CHECK (epoch >= 1),
    train_loss      REAL,
    train_acc       REAL,
    dev_loss        REAL,
    dev_acc         REAL,
    test_loss       REAL,
    test_acc        REAL,
    -- Seconds spent training this epoch, and evaluating after it.
    seconds         REAL NOT NULL,
    eval_seconds    REAL NOT NULL,
    samples_per_second REAL,
    recorded_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (run_id, epoch)
) WITHOUT ROWID;

CREATE TABLE tags (
    run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    key             TEXT NOT NULL,
    value           TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;

-- Listing and resuming: runs of an experiment, by status, by canonical config.
CREATE INDEX runs_by_experiment ON runs(experiment_id, status);
CREATE INDEX runs_by_config ON runs(experiment_id, config_hash);
-- Comparisons of completed runs grouped by architecture and activation,
-- regularization, or batch size: each index holds every column its comparison
-- reads, in group order, so a comparison of 100,000 runs reads the index alone.
-- They also serve lookups by status.
CREATE INDEX runs_by_architecture
    ON runs(status, hidden, activation, experiment_id, depth, train_acc, dev_acc, test_acc);
CREATE INDEX runs_by_regularization
    ON runs(status, hidden, dropout, weight_decay, experiment_id, depth, train_acc, dev_acc, test_acc);
CREATE INDEX runs_by_batch_size
    ON runs(status, hidden, batch_size, experiment_id, depth, dev_acc, train_seconds, samples_per_second);
CREATE INDEX tags_by_key ON tags(key, value);

-- Every run with its experiment's name and the derived regularization.
CREATE VIEW run_summary AS
SELECT
    r.*,
    e.name AS experiment,
    CASE
        WHEN r.dropout > 0 AND r.weight_decay > 0 THEN 'dropout + weight decay'
        WHEN r.dropout > 0 THEN 'dropout'
        WHEN r.weight_decay > 0 THEN 'weight decay'
        ELSE 'none'
    END AS regularization,
    (julianday(r.finished_at) - julianday(r.started_at)) * 86400.0 AS wall_seconds
FROM runs AS r
JOIN experiments AS e ON e.id = r.experiment_id;

-- Every epoch with the parameters of its run: curves by group in one SELECT.
CREATE VIEW epoch_curves AS
SELECT
    ep.run_id,
    s.experiment,
    s.status,
    s.dataset,
    s.seed,
    s.hidden,
    s.depth,
    s.activation,
    s.regularization,
    s.dropout,
    s.weight_decay,
    s.learning_rate,
    s.batch_size,
    ep.epoch,
    ep.train_loss,
    ep.train_acc,
    ep.dev_loss,
    ep.dev_acc,
    ep.test_loss,
    ep.test_acc,
    ep.seconds,
    ep.eval_seconds,
    ep.samples_per_second
FROM epochs AS ep
JOIN run_summary AS s ON s.id = ep.run_id;

-- One row per tag, with the run's experiment: filter runs by tag in one SELECT.
CREATE VIEW run_tags AS
SELECT t.run_id, s.experiment, t.key, t.value
FROM tags AS t
JOIN run_summary AS s ON s.id = t.run_id;
