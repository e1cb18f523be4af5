-- Accuracy by architecture and regularization (the seed's Tables 3 and 4).
--
-- One row per architecture and regularization (none, dropout, weight decay,
-- dropout + weight decay: derived from the dropout and weight_decay columns),
-- over completed runs: the number of runs, the mean and the sample standard
-- deviation across runs of the final train, dev and test accuracy in percent,
-- and the generalisation gap, mean train minus mean test accuracy, in points.
-- A deviation is NULL for a group of one run.
--
-- Parameters (NULL, meaning all runs, when not set):
--   :experiment   only the runs of this experiment
--
-- Usage:
--   sqlite3 -box tracker.db < queries/compare_regularization.sql
--   sqlite3 -box -cmd ".parameter set :experiment 'dropout'" tracker.db < queries/compare_regularization.sql
WITH chosen AS (
    SELECT hidden, depth, regularization, train_acc, dev_acc, test_acc,
           train_acc - avg(train_acc) OVER grp AS train_dev,
           dev_acc - avg(dev_acc) OVER grp AS dev_dev,
           test_acc - avg(test_acc) OVER grp AS test_dev
    FROM run_summary
    WHERE status = 'completed'
      AND (:experiment IS NULL OR experiment = :experiment)
    WINDOW grp AS (PARTITION BY hidden, regularization)
)
SELECT
    hidden AS architecture,
    regularization,
    count(*) AS runs,
    round(100 * avg(train_acc), 2) AS train_pct,
    round(100 * sqrt(sum(train_dev * train_dev) / (count(*) - 1)), 2) AS train_sd,
    round(100 * avg(dev_acc), 2) AS dev_pct,
    round(100 * sqrt(sum(dev_dev * dev_dev) / (count(*) - 1)), 2) AS dev_sd,
    round(100 * avg(test_acc), 2) AS test_pct,
    round(100 * sqrt(sum(test_dev * test_dev) / (count(*) - 1)), 2) AS test_sd,
    round(100 * (avg(train_acc) - avg(test_acc)), 2) AS gap_pct
FROM chosen
GROUP BY hidden, regularization
ORDER BY depth, hidden,
    CASE regularization
        WHEN 'none' THEN 0 WHEN 'dropout' THEN 1 WHEN 'weight decay' THEN 2 ELSE 3
    END;
