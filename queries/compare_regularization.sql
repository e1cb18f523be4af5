-- Accuracy by architecture and regularization (the seed's Tables 3 and 4).
--
-- One row per architecture and regularization (none, dropout, weight decay, early
-- stopping, or those that were on joined by ' + ': run_summary derives it from the
-- dropout, weight_decay and early_stop columns),
-- over completed runs: the number of runs, the mean and the sample standard
-- deviation across runs of the final train, dev and test accuracy in percent,
-- and the generalisation gap, mean train minus mean test accuracy, in points.
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
--   sqlite3 -box tracker.db < queries/compare_regularization.sql
--   sqlite3 -box -cmd ".parameter set :experiment 'dropout'" tracker.db < queries/compare_regularization.sql
SELECT
    architecture,
    regularization,
    runs,
    round(round(10000 * train_acc_mean, 6)) / 100 AS train_pct,
    round(round(10000 * train_acc_sd, 6)) / 100 AS train_sd,
    round(round(10000 * dev_acc_mean, 6)) / 100 AS dev_pct,
    round(round(10000 * dev_acc_sd, 6)) / 100 AS dev_sd,
    round(round(10000 * test_acc_mean, 6)) / 100 AS test_pct,
    round(round(10000 * test_acc_sd, 6)) / 100 AS test_sd,
    round(round(10000 * (train_acc_mean - test_acc_mean), 6)) / 100 AS gap_pct
FROM (
    SELECT
        hidden AS architecture,
        regularization,
        count(*) AS runs,
        min(depth) AS depth,
        total(train_acc) / count(train_acc) AS train_acc_mean,
        CASE WHEN count(train_acc) < 2 THEN NULL WHEN min(train_acc) = max(train_acc) THEN 0.0
            ELSE sqrt(max(0.0, (total(train_acc * train_acc) - total(train_acc) * total(train_acc) / count(train_acc)) / (count(train_acc) - 1))) END AS train_acc_sd,
        total(dev_acc) / count(dev_acc) AS dev_acc_mean,
        CASE WHEN count(dev_acc) < 2 THEN NULL WHEN min(dev_acc) = max(dev_acc) THEN 0.0
            ELSE sqrt(max(0.0, (total(dev_acc * dev_acc) - total(dev_acc) * total(dev_acc) / count(dev_acc)) / (count(dev_acc) - 1))) END AS dev_acc_sd,
        total(test_acc) / count(test_acc) AS test_acc_mean,
        CASE WHEN count(test_acc) < 2 THEN NULL WHEN min(test_acc) = max(test_acc) THEN 0.0
            ELSE sqrt(max(0.0, (total(test_acc * test_acc) - total(test_acc) * total(test_acc) / count(test_acc)) / (count(test_acc) - 1))) END AS test_acc_sd
    FROM (
        -- Each trial (a configuration and seed: one config_hash) once, as tracker compare
        -- counts it: a trial trained in two experiments is one measurement made twice.
        SELECT *, min(id) FROM run_summary
        WHERE status = 'completed'
          AND (:experiment IS NULL OR experiment = :experiment)
        GROUP BY config_hash
    )
    GROUP BY hidden, regularization
)
ORDER BY depth, architecture,
    CASE regularization
        WHEN 'none' THEN 0 WHEN 'dropout' THEN 1 WHEN 'weight decay' THEN 2 WHEN 'dropout + weight decay' THEN 3
        WHEN 'early stopping' THEN 4 WHEN 'dropout + early stopping' THEN 5
        WHEN 'weight decay + early stopping' THEN 6 ELSE 7
    END;
