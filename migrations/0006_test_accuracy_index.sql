-- 0006_test_accuracy_index: runs by their final test accuracy.
--
-- The dashboard's Runs page and `tracker runs --sort test_acc --limit N` read the best
-- (or worst) runs in order from it instead of sorting every run; NULLs (runs without
-- final results) stay where they were, last when descending.

CREATE INDEX runs_by_test_acc ON runs(test_acc);
