-- The service's monitoring windows: per model, kind ('drift', 'quality'), variant ('' for none), replica and bucket
-- start (SqliteTime text), the bucket's end, record count and opaque JSON state, replaced each time a replica saves it.
-- A rowid table rather than WITHOUT ROWID: states are sketches of kilobytes to megabytes, and SQLite advises WITHOUT
-- ROWID only for rows under about a twentieth of a page. The key's order serves the reads: one model and kind, by start.
CREATE TABLE monitoring_buckets (
    model TEXT NOT NULL,
    kind TEXT NOT NULL,
    start TEXT NOT NULL,
    variant TEXT NOT NULL,
    replica TEXT NOT NULL,
    end_at TEXT NOT NULL,
    n INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (model, kind, start, variant, replica)
);

-- The retention deletes by end across every model, without reading the states.
CREATE INDEX monitoring_buckets_by_end ON monitoring_buckets (end_at);
