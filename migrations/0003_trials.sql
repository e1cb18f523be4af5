-- 0003_trials: the runs of one trial, found in one lookup.
--
-- A trial is a configuration with its seed, named by config_hash. Two experiments
-- may train the same trial: the unregularized baseline of a weight-decay study and
-- of a dropout study are one configuration. Training is deterministic, so such runs
-- are one measurement made twice, and comparisons count each trial once per group.
-- This index serves that, and finding a database's repeated trials by hand:
--
--   SELECT config_hash, count(*) FROM runs GROUP BY config_hash HAVING count(*) > 1;

CREATE INDEX runs_by_trial ON runs(config_hash, status, id);
