-- Held-out metrics of a run's bundle on one labelled data file, and of the registered version it was, when it was one.
CREATE TABLE evaluations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    run_id TEXT NOT NULL REFERENCES runs (id),
    model TEXT,
    version INTEGER,
    data_name TEXT NOT NULL,
    data_sha256 TEXT NOT NULL,
    metrics TEXT NOT NULL,
    evaluated_at TEXT NOT NULL,
    evaluated_by TEXT NOT NULL,
    FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
);
CREATE INDEX evaluations_by_run ON evaluations (run_id, seq);
