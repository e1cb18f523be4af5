-- Accuracy by architecture and regularization (the seed's Tables 3 and 4).
--
-- One row per architecture and regularization (none, dropout, weight decay,
-- dropout + weight decay: derived from the dropout and weight_decay columns),
-- over completed runs: the number of runs, the mean and the sample standard
-- deviation across runs of the final train, dev and test accuracy in percent,
-- and the generalisation gap, mean train minus mean test accuracy, in points.
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
--   sqlite3 -box tracker.db < queries/compare_regularization.sql
--   sqlite3 -box -cmd ".parameter set :experiment 'dropout'" tracker.db < queries/compare_regularization.sql
SELECT
    hidden AS architecture,
    regularization,
    count(*) AS runs,
    round(100 * avg(train_acc), 2) AS train_pct,
    round(100 * sqrt(max(0.0, (sum(train_acc * train_acc) - sum(train_acc) * avg(train_acc)) / (count(*) - 1))), 2) AS train_sd,
    round(100 * avg(dev_acc), 2) AS dev_pct,
    round(100 * sqrt(max(0.0, (sum(dev_acc * dev_acc) - sum(dev_acc) * avg(dev_acc)) / (count(*) - 1))), 2) AS dev_sd,
    round(100 * avg(test_acc), 2) AS test_pct,
    round(100 * sqrt(max(0.0, (sum(test_acc * test_acc) - sum(test_acc) * avg(test_acc)) / (count(*) - 1))), 2) AS test_sd,
    round(100 * (avg(train_acc) - avg(test_acc)), 2) AS gap_pct
FROM (
    -- Each trial (a configuration and seed: one config_hash) once, as tracker compare
    -- counts it: a trial trained in two experiments is one measurement made twice.
    SELECT *, min(id) FROM run_summary
    WHERE status = 'completed'
      AND (:experiment IS NULL OR experiment = :experiment)
    GROUP BY config_hash
)
GROUP BY hidden, regularization
ORDER BY min(depth), hidden,
    CASE regularization
        WHEN 'none' THEN 0 WHEN 'dropout' THEN 1 WHEN 'weight decay' THEN 2 ELSE 3
    END;
