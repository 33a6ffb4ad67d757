-- Every index on the prediction log costs each insert, and the log takes every record the service answers. The index
-- by (model, time, id) cost more than a third of the sink's CPU (bench/README.md, "Sink append rate"), while the log's
-- reads by model are exports that read the time range anyway: they use predictions_by_time and filter the model.
DROP INDEX IF EXISTS predictions_by_model;
