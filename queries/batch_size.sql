-- Dev accuracy and training time by batch size (the seed's Figure 4).
--
-- One row per architecture and batch size, over completed runs: the number of
-- runs, the mean and sample standard deviation of the final dev accuracy in
-- percent, the mean training time of a run in seconds (all epochs, evaluation
-- excluded) and the mean training throughput in examples per second.
-- A deviation is NULL for a group of one run.
--
-- The mean and the deviation are those of tracker compare, computed as it computes
-- them: x̄ = Σx/n and, in one pass, s = sqrt((Σx² − Σx·Σx/n)/(n − 1)), exactly 0
-- when every value is equal. Accuracies lie in [0, 1], so the cancellation the one
-- pass suffers is far below the two decimals shown.
--
-- Percentages are rounded as tracker's tables round them: round(round(10000 * x, 6))
-- / 100, two decimals with halves away from zero, where a half that binary arithmetic
-- left a few ulps short (62.02499999999999) still counts as a half. round(x, 2) alone
-- would round by SQLite's own decimal conversion, which differs from tracker's on
-- such values.
--
-- Parameters (NULL, meaning all runs, when not set):
--   :experiment   only the runs of this experiment
--
-- Usage:
--   sqlite3 -box tracker.db < queries/batch_size.sql
--   sqlite3 -box -cmd ".parameter set :experiment 'batch-size'" tracker.db < queries/batch_size.sql
SELECT
    architecture,
    batch_size,
    runs,
    round(round(10000 * dev_acc_mean, 6)) / 100 AS dev_pct,
    round(round(10000 * dev_acc_sd, 6)) / 100 AS dev_sd,
    round(train_seconds, 2) AS train_seconds,
    round(samples_per_second, 0) AS samples_per_second
FROM (
    SELECT
        hidden AS architecture,
        batch_size,
        count(*) AS runs,
        min(depth) AS depth,
        total(dev_acc) / count(dev_acc) AS dev_acc_mean,
        CASE WHEN count(dev_acc) < 2 THEN NULL WHEN min(dev_acc) = max(dev_acc) THEN 0.0
            ELSE sqrt(max(0.0, (total(dev_acc * dev_acc) - total(dev_acc) * total(dev_acc) / count(dev_acc)) / (count(dev_acc) - 1))) END AS dev_acc_sd,
        avg(train_seconds) AS train_seconds,
        avg(samples_per_second) AS samples_per_second
    FROM (
        -- Each trial (a configuration and seed: one config_hash) once, as tracker compare
        -- counts it: a trial trained in two experiments is one measurement made twice.
        SELECT *, min(id) FROM run_summary
        WHERE status = 'completed'
          AND (:experiment IS NULL OR experiment = :experiment)
        GROUP BY config_hash
    )
    GROUP BY hidden, batch_size
)
ORDER BY depth, architecture, batch_size;
