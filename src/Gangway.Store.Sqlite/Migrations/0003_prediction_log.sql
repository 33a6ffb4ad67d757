-- PLACEHOLDER on branch i14-deploy only, so that migration numbers stay contiguous here: the prediction-log branch
-- owns migration 3, and its 0003_prediction_log.sql replaces this file when the branches are merged (take theirs).
CREATE TABLE IF NOT EXISTS migration_0003_placeholder (id INTEGER);
