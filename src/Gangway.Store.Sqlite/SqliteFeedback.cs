using Gangway.PredictionLog;
using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for feedback rows and for the join of the log with the latest feedback of each answer.</summary>
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

    // The latest label and the latest reward are taken separately: a label given once stays when a reward comes later.
    public static List<PredictionOutcome> OutcomesPage(SqliteTransaction transaction, string model, DateTimeOffset since, PredictionRecord? after, int limit) =>
        transaction.Query(
            $"SELECT {SqlitePredictions.Columns}, " +
            "(SELECT label FROM feedback f WHERE f.prediction_id = p.answer_id AND f.label IS NOT NULL ORDER BY f.seq DESC LIMIT 1), " +
            "(SELECT reward FROM feedback f WHERE f.prediction_id = p.answer_id AND f.reward IS NOT NULL ORDER BY f.seq DESC LIMIT 1) " +
            "FROM predictions p WHERE model = $model AND time >= $since " +
            (after is null ? "" : "AND (time, id) > ($afterTime, $afterId) ") +
            "ORDER BY time, id LIMIT $limit",
            reader => new PredictionOutcome(SqlitePredictions.Read(reader), reader.NullableString(15), reader.IsDBNull(16) ? null : reader.GetDouble(16)),
            ("$model", model), ("$since", SqliteTime.ToText(since)), ("$limit", limit),
            ("$afterTime", after is null ? null : SqliteTime.ToText(after.Time)), ("$afterId", after?.PredictionId));

    public static int DeleteOlderThan(SqliteTransaction transaction, DateTimeOffset cutoff, int limit) =>
        transaction.Execute(
            "DELETE FROM feedback WHERE seq IN (SELECT seq FROM feedback WHERE time < $cutoff ORDER BY time LIMIT $limit)",
            ("$cutoff", SqliteTime.ToText(cutoff)), ("$limit", limit));

    private static FeedbackRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.IsDBNull(3) ? null : reader.GetDouble(3),
        SqliteTime.Parse(reader.GetString(4)), reader.GetString(5));
}
