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

    // The latest label and the latest reward are taken separately: a label given once stays when a reward comes later.
    // $1 model, $2 since, $3 limit, and for later pages $4, $5 the last (scored_at, id) read.
    public static string SelectOutcomes(bool afterKey) =>
        $"SELECT {Columns}, " +
        "(SELECT label FROM feedback f WHERE f.prediction_id = p.answer_id AND f.label IS NOT NULL ORDER BY f.seq DESC LIMIT 1), " +
        "(SELECT reward FROM feedback f WHERE f.prediction_id = p.answer_id AND f.reward IS NOT NULL ORDER BY f.seq DESC LIMIT 1) " +
        "FROM predictions p WHERE model = $1 AND scored_at >= $2 " +
        (afterKey ? "AND (scored_at, id) > ($4, $5) " : "") +
        "ORDER BY scored_at, id LIMIT $3";
}
