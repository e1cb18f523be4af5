-- Per-epoch loss and accuracy of chosen runs (the seed's loss curves).
--
-- One row per run and epoch, in order: the run's settings, then the train and
-- dev loss (NULL where the loss was not finite) and the train and dev accuracy
-- as fractions, unrounded, ready for plotting.
--
-- Parameters (NULL, meaning all runs, when not set):
--   :runs         run ids separated by commas, e.g. '3,7,12' (spaces are
--                 ignored; anything that is not an id matches no run)
--   :experiment   only the runs of this experiment
--
-- Usage:
--   sqlite3 -box -cmd ".parameter set :runs '3,7'" tracker.db < queries/curves.sql
--   sqlite3 -csv -header -cmd ".parameter set :experiment 'activation'" tracker.db < queries/curves.sql
SELECT
    run_id AS run,
    experiment,
    hidden AS architecture,
    activation,
    regularization,
    batch_size,
    seed,
    epoch,
    train_loss,
    dev_loss,
    train_acc,
    dev_acc
FROM epoch_curves
WHERE run_id IN (
    SELECT id FROM run_summary
    WHERE (:runs IS NULL OR instr(',' || replace(:runs, ' ', '') || ',', ',' || id || ',') > 0)
      AND (:experiment IS NULL OR experiment = :experiment)
)
ORDER BY run_id, epoch;
