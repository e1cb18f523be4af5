-- Accuracy by architecture and activation function (the seed's Table 1).
--
-- One row per architecture (hidden layer sizes) and activation function, over
-- completed runs: the number of runs, then the mean and the sample standard
-- deviation across those runs (seeds) of the final train, dev and test
-- accuracy, in percent. A deviation is NULL for a group of one run.
--
-- Parameters (NULL, meaning all runs, when not set):
--   :experiment   only the runs of this experiment
--
-- Usage:
--   sqlite3 -box tracker.db < queries/compare_activation.sql
--   sqlite3 -box -cmd ".parameter set :experiment 'activation'" tracker.db < queries/compare_activation.sql
WITH chosen AS (
    SELECT hidden, depth, activation, train_acc, dev_acc, test_acc,
           train_acc - avg(train_acc) OVER grp AS train_dev,
           dev_acc - avg(dev_acc) OVER grp AS dev_dev,
           test_acc - avg(test_acc) OVER grp AS test_dev
    FROM run_summary
    WHERE status = 'completed'
      AND (:experiment IS NULL OR experiment = :experiment)
    WINDOW grp AS (PARTITION BY hidden, activation)
)
SELECT
    hidden AS architecture,
    activation,
    count(*) AS runs,
    round(100 * avg(train_acc), 2) AS train_pct,
    round(100 * sqrt(sum(train_dev * train_dev) / (count(*) - 1)), 2) AS train_sd,
    round(100 * avg(dev_acc), 2) AS dev_pct,
    round(100 * sqrt(sum(dev_dev * dev_dev) / (count(*) - 1)), 2) AS dev_sd,
    round(100 * avg(test_acc), 2) AS test_pct,
    round(100 * sqrt(sum(test_dev * test_dev) / (count(*) - 1)), 2) AS test_sd
FROM chosen
GROUP BY hidden, activation
ORDER BY depth, hidden, activation;
