namespace Gangway.Store.PostgreSql.Sql;

/// <summary>SQL for the prediction log and feedback. Batches go in with binary COPY; pages are keyset pages by (scored_at, id).</summary>
internal static class PredictionLogSql
{
    public const string Columns =
        "id, answer_id, request_id, scored_at, source, model, version, bundle_hash, variant, is_shadow, key, inputs, prediction, probability, latency_ms";

    public const string CopyPredictions = $"COPY predictions ({Columns}) FROM STDIN (FORMAT BINARY)";

    public const string SelectById = $"SELECT {Columns} FROM predictions WHERE id = $1";

    public const string SelectLatestByKey =
        $"SELECT {Columns} FROM predictions WHERE model = $1 AND key = $2 AND key IS NOT NULL AND NOT is_shadow ORDER BY scored_at DESC, id DESC LIMIT 1";

    public const string DeletePredictionsBefore =
        "DELETE FROM predictions WHERE id IN (SELECT id FROM predictions WHERE scored_at < $1 ORDER BY scored_at LIMIT $2)";

    private const string FeedbackColumns = "id, prediction_id, label, reward, given_at, source";

    public const string CopyFeedback = $"COPY feedback ({FeedbackColumns}) FROM STDIN (FORMAT BINARY)";

    public const string SelectFeedbackHistory = $"SELECT {FeedbackColumns} FROM feedback WHERE prediction_id = $1 ORDER BY seq";

    public const string DeleteFeedbackBefore =
        "DELETE FROM feedback WHERE seq IN (SELECT seq FROM feedback WHERE given_at < $1 ORDER BY given_at LIMIT $2)";

    // $1 the last answer id of the previous page ('' before the first), $2 the most answers a page holds.
    public const string SelectAnswersPage =
        "SELECT count(*), max(prediction_id) FROM (SELECT DISTINCT prediction_id FROM feedback WHERE prediction_id > $1 ORDER BY prediction_id LIMIT $2) a";

    private const string OutcomeColumns = "p.id, p.answer_id, p.scored_at, p.model, p.variant, p.is_shadow, p.prediction, p.probability, a.label, a.reward";

    // Driven by the feedback of the answers in ($3, $4]: the latest label and the latest reward of each are taken
    // separately (a label given once stays when a reward comes later), then joined to the served record by its primary
    // key and to the shadows' records through their partial index on answer_id. $1 model, $2 since.
    public const string SelectOutcomes =
        "WITH answers AS (SELECT f.prediction_id AS answer_id, " +
        "(SELECT label FROM feedback l WHERE l.prediction_id = f.prediction_id AND l.label IS NOT NULL ORDER BY l.seq DESC LIMIT 1) AS label, " +
        "(SELECT reward FROM feedback r WHERE r.prediction_id = f.prediction_id AND r.reward IS NOT NULL ORDER BY r.seq DESC LIMIT 1) AS reward " +
        "FROM feedback f WHERE f.prediction_id > $3 AND f.prediction_id <= $4 GROUP BY f.prediction_id) " +
        $"SELECT {OutcomeColumns} FROM answers a JOIN predictions p ON p.id = a.answer_id " +
        "WHERE p.model = $1 AND p.scored_at >= $2 AND (a.label IS NOT NULL OR a.reward IS NOT NULL) " +
        "UNION ALL " +
        $"SELECT {OutcomeColumns} FROM answers a JOIN predictions p ON p.answer_id = a.answer_id AND p.is_shadow " +
        "WHERE p.model = $1 AND p.scored_at >= $2 AND (a.label IS NOT NULL OR a.reward IS NOT NULL) " +
        "ORDER BY 2, 1";

    // Adds a batch's counts ($1..$5: model, minute, variant, is_shadow, n as arrays, one element per counter) in one
    // statement; two writers adding to the same counter serialise on its row, and take rows in the arrays' fixed order.
    public const string AddCounts =
        "INSERT INTO prediction_counts AS c (model, minute, variant, is_shadow, n) " +
        "SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::boolean[], $5::bigint[]) " +
        "ON CONFLICT (model, minute, variant, is_shadow) DO UPDATE SET n = c.n + excluded.n";

    // $1 model, $2 since rounded down to its minute.
    public const string SelectCounts =
        "SELECT variant, is_shadow, sum(n)::bigint FROM prediction_counts WHERE model = $1 AND minute >= $2 GROUP BY variant, is_shadow ORDER BY is_shadow, variant";

    public const string DeleteCountsBefore = "DELETE FROM prediction_counts WHERE minute < $1";
}
