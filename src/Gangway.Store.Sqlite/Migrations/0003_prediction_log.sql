-- The prediction log: every scored record. Ids are version 7 GUIDs (time-ordered), so inserts append to the id index.
CREATE TABLE predictions (
    id TEXT NOT NULL PRIMARY KEY,
    answer_id TEXT NOT NULL,
    request_id TEXT,
    time TEXT NOT NULL,
    source TEXT NOT NULL,
    model TEXT NOT NULL,
    version INTEGER,
    bundle_hash TEXT NOT NULL,
    variant TEXT,
    is_shadow INTEGER NOT NULL,
    key TEXT,
    inputs TEXT NOT NULL,
    prediction TEXT NOT NULL,
    probability REAL,
    latency_ms REAL NOT NULL
);
CREATE INDEX predictions_by_time ON predictions (time, id);
CREATE INDEX predictions_by_model ON predictions (model, time, id);
-- Few records share a key, so the key alone finds them; the model and the order are checked on those few.
CREATE INDEX predictions_by_key ON predictions (key) WHERE key IS NOT NULL AND is_shadow = 0;

-- Feedback: append-only; the latest row (highest seq) for a prediction wins, the earlier ones are its history.
-- No foreign key: feedback names an answer id, and the log it points at may be pruned first.
CREATE TABLE feedback (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    prediction_id TEXT NOT NULL,
    label TEXT,
    reward REAL,
    time TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX feedback_by_prediction ON feedback (prediction_id, seq);
CREATE INDEX feedback_by_time ON feedback (time);
