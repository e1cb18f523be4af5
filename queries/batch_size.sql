-- Dev accuracy and training time by batch size (the seed's Figure 4).
--
-- One row per architecture and batch size, over completed runs: the number of
-- runs, the mean and sample standard deviation of the final dev accuracy in
-- percent, the mean training time of a run in seconds (all epochs, evaluation
-- excluded) and the mean training throughput in examples per second.
-- A deviation is NULL for a group of one run.
--
-- Parameters (NULL, meaning all runs, when not set):
--   :experiment   only the runs of this experiment
--
-- Usage:
--   sqlite3 -box tracker.db < queries/batch_size.sql
--   sqlite3 -box -cmd ".parameter set :experiment 'batch-size'" tracker.db < queries/batch_size.sql
WITH chosen AS (
    SELECT hidden, depth, batch_size, dev_acc, train_seconds, samples_per_second,
           dev_acc - avg(dev_acc) OVER grp AS dev_dev
    FROM run_summary
    WHERE status = 'completed'
      AND (:experiment IS NULL OR experiment = :experiment)
    WINDOW grp AS (PARTITION BY hidden, batch_size)
)
SELECT
    hidden AS architecture,
    batch_size,
    count(*) AS runs,
    round(100 * avg(dev_acc), 2) AS dev_pct,
    round(100 * sqrt(sum(dev_dev * dev_dev) / (count(*) - 1)), 2) AS dev_sd,
    round(avg(train_seconds), 2) AS train_seconds,
    round(avg(samples_per_second), 0) AS samples_per_second
FROM chosen
GROUP BY hidden, batch_size
ORDER BY depth, hidden, batch_size;
