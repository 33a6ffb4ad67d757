-- Deployments: every revision applied to a model, with the deployment's YAML; the newest is the current one.
CREATE TABLE deployment_revisions (
    model TEXT NOT NULL,
    revision INTEGER NOT NULL,
    applied_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT,
    yaml TEXT NOT NULL,
    PRIMARY KEY (model, revision)
);
