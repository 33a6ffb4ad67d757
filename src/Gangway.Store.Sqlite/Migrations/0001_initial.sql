-- Runs with their parameters, metrics, tags and artifacts (content kept in the database).
CREATE TABLE runs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    experiment TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_run_id TEXT REFERENCES runs (id),
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    created_by TEXT NOT NULL,
    lineage TEXT
);
CREATE INDEX runs_by_start ON runs (started_at, seq);
CREATE INDEX runs_by_experiment ON runs (experiment, started_at, seq);
CREATE INDEX runs_by_parent ON runs (parent_run_id);

CREATE TABLE run_params (
    run_id TEXT NOT NULL REFERENCES runs (id),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

CREATE TABLE run_metrics (
    run_id TEXT NOT NULL REFERENCES runs (id),
    name TEXT NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

CREATE TABLE run_tags (
    run_id TEXT NOT NULL REFERENCES runs (id),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

CREATE TABLE run_artifacts (
    run_id TEXT NOT NULL REFERENCES runs (id),
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (run_id, name)
);

-- The registry: models, their numbered versions, aliases and every alias change.
CREATE TABLE models (
    name TEXT NOT NULL PRIMARY KEY,
    created_at TEXT NOT NULL
);

CREATE TABLE model_versions (
    model TEXT NOT NULL REFERENCES models (name),
    version INTEGER NOT NULL,
    run_id TEXT NOT NULL,
    artifact TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (model, version),
    FOREIGN KEY (run_id, artifact) REFERENCES run_artifacts (run_id, name)
);

CREATE TABLE aliases (
    model TEXT NOT NULL,
    alias TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (model, alias),
    FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
);

CREATE TABLE alias_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    model TEXT NOT NULL,
    alias TEXT NOT NULL,
    version INTEGER NOT NULL,
    previous_version INTEGER,
    kind TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT,
    FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
);
CREATE INDEX alias_changes_by_alias ON alias_changes (model, alias, seq);

-- Every change: who, what, which thing, when and why.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    model TEXT,
    details TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX audit_log_by_model ON audit_log (model, id);
