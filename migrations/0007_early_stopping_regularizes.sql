-- 0007_early_stopping_regularizes: early stopping counts as a regularization.
--
-- run_summary.regularization names every regularizer a run used, joined by ' + ' in
-- the order dropout, weight decay, early stopping ('none' for none), as `tracker
-- compare --group regularization` does; runs without early stopping keep the value
-- they had. The views that read run_summary resolve it by name, so they follow.

DROP VIEW run_summary;

CREATE VIEW run_summary AS
SELECT
    r.*,
    e.name AS experiment,
    CASE
        WHEN r.dropout > 0 OR r.weight_decay > 0 OR r.early_stop IS NOT NULL THEN substr(
            CASE WHEN r.dropout > 0 THEN ' + dropout' ELSE '' END
            || CASE WHEN r.weight_decay > 0 THEN ' + weight decay' ELSE '' END
            || CASE WHEN r.early_stop IS NOT NULL THEN ' + early stopping' ELSE '' END, 4)
        ELSE 'none'
    END AS regularization,
    (julianday(r.finished_at) - julianday(r.started_at)) * 86400.0 AS wall_seconds
FROM runs AS r
JOIN experiments AS e ON e.id = r.experiment_id;

-- The comparison by regularization reads early_stop too: keep it answerable from the index.
DROP INDEX runs_by_regularization;
CREATE INDEX runs_by_regularization
    ON runs(status, hidden, dropout, weight_decay, early_stop, experiment_id, depth, train_acc, dev_acc, test_acc);
