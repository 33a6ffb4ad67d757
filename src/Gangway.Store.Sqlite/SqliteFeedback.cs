using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for feedback rows and for the join of the latest feedback of each answer with its logged records.</summary>
internal static class SqliteFeedback
{
    private const string Columns = "id, prediction_id, label, reward, time, source";

    public static void Insert(SqliteTransaction transaction, IReadOnlyList<FeedbackRecord> rows)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO feedback ({Columns}) VALUES ($1, $2, $3, $4, $5, $6)";
        var parameters = Enumerable.Range(1, 6).Select(i => command.Parameters.Add(new SqliteParameter("$" + i, null))).ToArray();
        foreach (var row in rows)
        {
            object?[] values = [row.Id, row.PredictionId, row.Label, row.Reward, SqliteTime.ToText(row.Time), row.Source];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    public static List<FeedbackRecord> History(SqliteTransaction transaction, string predictionId) =>
        transaction.Query($"SELECT {Columns} FROM feedback WHERE prediction_id = $id ORDER BY seq", Read, ("$id", predictionId));

    /// <summary>
    /// The records with feedback among the next <paramref name="limit"/> answers with feedback after
    /// <paramref name="after"/> (answer id order), and the last of those answers when there may be more.
    /// </summary>
    public static (List<PredictionOutcome> Outcomes, string? LastAnswer) OutcomesPage(
        SqliteTransaction transaction, string model, DateTimeOffset since, string? after, int limit)
    {
        var afterCondition = after is null ? "" : "WHERE prediction_id > $after ";
        var (answers, last) = transaction.Query(
            $"SELECT count(*), max(prediction_id) FROM (SELECT DISTINCT prediction_id FROM feedback {afterCondition}ORDER BY prediction_id LIMIT $limit)",
            reader => (reader.GetInt64(0), reader.NullableString(1)),
            ("$after", after), ("$limit", limit)).Single();
        if (last is null)
        {
            return ([], null);
        }

        var outcomes = transaction.Query(
            OutcomesSql(after is null ? "" : "f.prediction_id > $after AND "),
            reader => new PredictionOutcome(
                reader.GetString(0), reader.GetString(1), SqliteTime.Parse(reader.GetString(2)), reader.GetString(3), reader.NullableString(4),
                reader.GetInt64(5) != 0, reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.NullableString(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9)),
            ("$model", model), ("$since", SqliteTime.ToText(since)), ("$after", after), ("$last", last));
        return (outcomes, answers == limit ? last : null);
    }

    // Driven by the feedback of a range of answers: the latest label and the latest reward of each are taken separately
    // (a label given once stays when a reward comes later), then joined to the served record by its primary key and to
    // the shadows' records through their partial index on answer_id. CROSS JOIN keeps the answers the outer loop and the
    // unary + keeps model and time from an index: otherwise SQLite may walk every record of the model since `since`.
    public static string OutcomesSql(string afterCondition) =>
        "WITH answers AS (SELECT f.prediction_id AS answer_id, " +
        "(SELECT label FROM feedback l WHERE l.prediction_id = f.prediction_id AND l.label IS NOT NULL ORDER BY l.seq DESC LIMIT 1) AS label, " +
        "(SELECT reward FROM feedback r WHERE r.prediction_id = f.prediction_id AND r.reward IS NOT NULL ORDER BY r.seq DESC LIMIT 1) AS reward " +
        $"FROM feedback f WHERE {afterCondition}f.prediction_id <= $last GROUP BY f.prediction_id) " +
        $"SELECT {OutcomeColumns} FROM answers a CROSS JOIN predictions p ON p.id = a.answer_id " +
        "WHERE +p.model = $model AND +p.time >= $since AND (a.label IS NOT NULL OR a.reward IS NOT NULL) " +
        "UNION ALL " +
        $"SELECT {OutcomeColumns} FROM answers a CROSS JOIN predictions p ON p.answer_id = a.answer_id AND p.is_shadow = 1 " +
        "WHERE +p.model = $model AND +p.time >= $since AND (a.label IS NOT NULL OR a.reward IS NOT NULL) " +
        "ORDER BY 2, 1";

    private const string OutcomeColumns = "p.id, p.answer_id, p.time, p.model, p.variant, p.is_shadow, p.prediction, p.probability, a.label, a.reward";

    public static int DeleteOlderThan(SqliteTransaction transaction, DateTimeOffset cutoff, int limit) =>
        transaction.Execute(
            "DELETE FROM feedback WHERE seq IN (SELECT seq FROM feedback WHERE time < $cutoff ORDER BY time LIMIT $limit)",
            ("$cutoff", SqliteTime.ToText(cutoff)), ("$limit", limit));

    private static FeedbackRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.IsDBNull(3) ? null : reader.GetDouble(3),
        SqliteTime.Parse(reader.GetString(4)), reader.GetString(5));
}
