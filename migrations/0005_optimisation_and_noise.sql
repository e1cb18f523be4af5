-- 0005_optimisation_and_noise: the settings that make a network over-fit or cure it
-- (Adam, learning-rate schedules, early stopping, label and input noise, balanced
-- training subsets), the learning rate of every epoch, and what decides a run's
-- rounding (the BLAS kernel and the CPU), each in a column so that plain SQL can
-- group on it. Runs recorded before have the defaults, which is how they trained.

ALTER TABLE runs ADD COLUMN beta1 REAL NOT NULL DEFAULT 0.9 CHECK (beta1 >= 0 AND beta1 < 1);
ALTER TABLE runs ADD COLUMN beta2 REAL NOT NULL DEFAULT 0.999 CHECK (beta2 >= 0 AND beta2 < 1);
ALTER TABLE runs ADD COLUMN eps REAL NOT NULL DEFAULT 1e-8 CHECK (eps > 0);
-- 'constant', 'step' (StepLR) or 'cosine' (CosineAnnealingLR).
ALTER TABLE runs ADD COLUMN lr_schedule TEXT NOT NULL DEFAULT 'constant';
ALTER TABLE runs ADD COLUMN lr_step_epochs INTEGER NOT NULL DEFAULT 10 CHECK (lr_step_epochs >= 1);
ALTER TABLE runs ADD COLUMN lr_gamma REAL NOT NULL DEFAULT 0.1 CHECK (lr_gamma > 0);
ALTER TABLE runs ADD COLUMN warmup_epochs INTEGER NOT NULL DEFAULT 0 CHECK (warmup_epochs >= 0);
-- Patience in epochs; NULL: no early stopping.
ALTER TABLE runs ADD COLUMN early_stop INTEGER CHECK (early_stop >= 1);
ALTER TABLE runs ADD COLUMN early_stop_metric TEXT NOT NULL DEFAULT 'dev-loss';
-- The last epoch trained when early stopping ended the run before its epochs; NULL
-- when it trained them all.
ALTER TABLE runs ADD COLUMN stopped_epoch INTEGER CHECK (stopped_epoch >= 1);
ALTER TABLE runs ADD COLUMN label_noise REAL NOT NULL DEFAULT 0 CHECK (label_noise >= 0 AND label_noise < 1);
-- Training labels that label noise replaced.
ALTER TABLE runs ADD COLUMN labels_changed INTEGER NOT NULL DEFAULT 0 CHECK (labels_changed >= 0);
ALTER TABLE runs ADD COLUMN input_noise REAL NOT NULL DEFAULT 0 CHECK (input_noise >= 0);
-- 'first' (the first train_limit images) or 'balanced' (as many of each class).
ALTER TABLE runs ADD COLUMN train_subset TEXT NOT NULL DEFAULT 'first';
-- What the run's rounding depends on besides its settings: the kernel OpenBLAS chose
-- and the CPU ('model name' of /proc/cpuinfo). NULL for runs recorded before.
ALTER TABLE runs ADD COLUMN blas_core TEXT;
ALTER TABLE runs ADD COLUMN cpu_model TEXT;

-- The learning rate of the epoch's steps; NULL for epochs recorded before.
ALTER TABLE epochs ADD COLUMN learning_rate REAL;
