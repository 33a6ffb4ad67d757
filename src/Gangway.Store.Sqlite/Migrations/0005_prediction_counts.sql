-- Prediction counts per model, UTC minute ('yyyy-MM-ddTHH:mm', the prefix of predictions.time), variant ('' for none)
-- and shadow flag, added to in the transaction of every appended batch, so that a report counts predictions without
-- reading them. Back-filled here from the records already logged.
CREATE TABLE prediction_counts (
    model TEXT NOT NULL,
    minute TEXT NOT NULL,
    variant TEXT NOT NULL,
    is_shadow INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (model, minute, variant, is_shadow)
) WITHOUT ROWID;
INSERT INTO prediction_counts (model, minute, variant, is_shadow, n)
SELECT model, substr(time, 1, 16), coalesce(variant, ''), is_shadow, count(*) FROM predictions GROUP BY 1, 2, 3, 4;

-- The shadow records of an answer, to join its feedback to them; served records are found by their primary key.
CREATE INDEX predictions_shadows_by_answer ON predictions (answer_id) WHERE is_shadow = 1;
