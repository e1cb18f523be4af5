-- The best runs, ranked by their best dev accuracy.
--
-- Runs are ranked by the highest dev accuracy of any of their epochs (model
-- selection on dev; ties go to the older run). Each row gives the run's id and
-- settings, the epoch of that best dev accuracy, the dev accuracy and the test
-- accuracy at that epoch, and the final dev and test accuracy, all in percent.
-- Runs of any status that recorded at least one epoch take part.
--
-- Parameters (NULL when not set):
--   :experiment   only the runs of this experiment (all when NULL)
--   :limit        how many rows (20 when NULL)
--
-- Usage:
--   sqlite3 -box tracker.db < queries/leaderboard.sql
--   sqlite3 -box -cmd ".parameter set :limit 5" tracker.db < queries/leaderboard.sql
SELECT
    row_number() OVER (ORDER BY best_dev_acc DESC, id) AS rank,
    id AS run,
    experiment,
    status,
    hidden AS architecture,
    activation,
    regularization,
    batch_size,
    learning_rate,
    seed,
    best_epoch,
    round(round(10000 * best_dev_acc, 6)) / 100 AS best_dev_pct,
    round(round(10000 * best_test_acc, 6)) / 100 AS test_at_best_pct,
    round(round(10000 * dev_acc, 6)) / 100 AS final_dev_pct,
    round(round(10000 * test_acc, 6)) / 100 AS final_test_pct
FROM run_summary
WHERE best_dev_acc IS NOT NULL
  AND (:experiment IS NULL OR experiment = :experiment)
ORDER BY best_dev_acc DESC, id
LIMIT coalesce(:limit, 20);
