using Gangway.PredictionLog;
using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for the prediction log: batched inserts, keyset pages by (time, id), lookups and batched deletes.</summary>
internal static class SqlitePredictions
{
    public const string Columns =
        "id, answer_id, request_id, time, source, model, version, bundle_hash, variant, is_shadow, key, inputs, prediction, probability, latency_ms";

    private const int SqliteConstraint = 19;

    public static void Insert(SqliteTransaction transaction, IReadOnlyList<PredictionRecord> records, string displayUri)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO predictions ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
        var parameters = Enumerable.Range(1, 15).Select(i => command.Parameters.Add(new SqliteParameter("$" + i, null))).ToArray();
        command.Prepare();
        foreach (var record in records)
        {
            object?[] values =
            [
                record.PredictionId, record.AnswerId, record.RequestId, SqliteTime.ToText(record.Time), record.Source, record.Model,
                record.Version, record.BundleHash, record.Variant, record.IsShadow ? 1 : 0, record.Key, record.Inputs, record.Prediction,
                record.Probability, record.LatencyMs,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint)
            {
                throw new GangwayException(
                    ErrorKind.Conflict, $"Prediction '{record.PredictionId}' is already in the log of store '{displayUri}'; nothing of the batch was written.", exception);
            }
        }
    }

    public static List<PredictionRecord> Page(SqliteTransaction transaction, PredictionQuery query, PredictionRecord? after, int limit)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)> { ("$limit", limit) };
        void Add(string condition, params (string, object?)[] values)
        {
            conditions.Add(condition);
            parameters.AddRange(values);
        }

        if (query.Model is { } model)
        {
            Add("model = $model", ("$model", model));
        }

        if (query.Variant is { } variant)
        {
            Add("variant = $variant", ("$variant", variant));
        }

        if (query.Since is { } since)
        {
            Add("time >= $since", ("$since", SqliteTime.ToText(since)));
        }

        if (query.Until is { } until)
        {
            Add("time < $until", ("$until", SqliteTime.ToText(until)));
        }

        if (after is not null)
        {
            Add("(time, id) > ($afterTime, $afterId)", ("$afterTime", SqliteTime.ToText(after.Time)), ("$afterId", after.PredictionId));
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return transaction.Query($"SELECT {Columns} FROM predictions {where} ORDER BY time, id LIMIT $limit", Read, [.. parameters]);
    }

    public static PredictionRecord? Find(SqliteTransaction transaction, string id) =>
        transaction.Query($"SELECT {Columns} FROM predictions WHERE id = $id", Read, ("$id", id)).SingleOrDefault();

    public static PredictionRecord? LatestByKey(SqliteTransaction transaction, string model, string key) =>
        transaction.Query(
            $"SELECT {Columns} FROM predictions WHERE model = $model AND key = $key AND key IS NOT NULL AND is_shadow = 0 ORDER BY time DESC, id DESC LIMIT 1",
            Read, ("$model", model), ("$key", key)).SingleOrDefault();

    public static int DeleteOlderThan(SqliteTransaction transaction, DateTimeOffset cutoff, int limit) =>
        transaction.Execute(
            "DELETE FROM predictions WHERE id IN (SELECT id FROM predictions WHERE time < $cutoff ORDER BY time LIMIT $limit)",
            ("$cutoff", SqliteTime.ToText(cutoff)), ("$limit", limit));

    /// <summary>Reads the record from the first 15 columns (in <see cref="Columns"/> order).</summary>
    public static PredictionRecord Read(SqliteDataReader reader) => new()
    {
        PredictionId = reader.GetString(0),
        AnswerId = reader.GetString(1),
        RequestId = reader.NullableString(2),
        Time = SqliteTime.Parse(reader.GetString(3)),
        Source = reader.GetString(4),
        Model = reader.GetString(5),
        Version = reader.NullableInt32(6),
        BundleHash = reader.GetString(7),
        Variant = reader.NullableString(8),
        IsShadow = reader.GetInt64(9) != 0,
        Key = reader.NullableString(10),
        Inputs = reader.GetString(11),
        Prediction = reader.GetString(12),
        Probability = reader.IsDBNull(13) ? null : reader.GetDouble(13),
        LatencyMs = reader.GetDouble(14),
    };
}
