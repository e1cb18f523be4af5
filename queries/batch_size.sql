-- Dev accuracy and training time by batch size (the seed's Figure 4).
--
-- One row per architecture and batch size, over completed runs: the number of
-- runs, the mean and sample standard deviation of the final dev accuracy in
-- percent, the mean training time of a run in seconds (all epochs, evaluation
-- excluded) and the mean training throughput in examples per second.
-- A deviation is NULL for a group of one run.
--
-- The deviation is computed in one pass, sqrt((Σx² − Σx·x̄)/(n − 1)):
-- accuracies lie in [0, 1], so the cancellation it suffers is far below the two
-- decimals shown, and a single pass keeps the query fast on large databases.
--
-- Parameters (NULL, meaning all runs, when not set):
--   :experiment   only the runs of this experiment
--
-- Usage:
--   sqlite3 -box tracker.db < queries/batch_size.sql
--   sqlite3 -box -cmd ".parameter set :experiment 'batch-size'" tracker.db < queries/batch_size.sql
SELECT
    hidden AS architecture,
    batch_size,
    count(*) AS runs,
    round(100 * avg(dev_acc), 2) AS dev_pct,
    round(100 * sqrt(max(0.0, (sum(dev_acc * dev_acc) - sum(dev_acc) * avg(dev_acc)) / (count(*) - 1))), 2) AS dev_sd,
    round(avg(train_seconds), 2) AS train_seconds,
    round(avg(samples_per_second), 0) AS samples_per_second
FROM (
    -- Each trial (a configuration and seed: one config_hash) once, as tracker compare
    -- counts it: a trial trained in two experiments is one measurement made twice.
    SELECT *, min(id) FROM run_summary
    WHERE status = 'completed'
      AND (:experiment IS NULL OR experiment = :experiment)
    GROUP BY config_hash
)
GROUP BY hidden, batch_size
ORDER BY min(depth), hidden, batch_size;
