using Gangway.PredictionLog;
using Gangway.Stores;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for the prediction log: batched inserts, keyset pages by (time, id), lookups and batched deletes.</summary>
internal static class SqlitePredictions
{
    public const string Columns =
        "id, answer_id, request_id, time, source, model, version, bundle_hash, variant, is_shadow, key, inputs, prediction, probability, latency_ms";

    private const int SqliteConstraint = 19;

    public static void Insert(SqliteTransaction transaction, IReadOnlyList<PredictionRecord> records, string displayUri)
    {
        // One statement prepared once and bound by position through SQLite's own API: the driver's command API looks
        // every parameter up by name on every execution, which costs more than SQLite's insert itself. Text goes
        // through one reused UTF-8 buffer (SQLite copies what is bound), not a new byte array per value.
        var database = transaction.Connection!.Handle!;
        Check(raw.sqlite3_prepare_v2(database, $"INSERT INTO predictions ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", out var statement), database);
        var text = new Utf8Binder(statement);
        using (statement)
        {
            foreach (var record in records)
            {
                text.Bind(1, record.PredictionId);
                text.Bind(2, record.AnswerId);
                text.Bind(3, record.RequestId);
                text.Bind(4, record.Time);
                text.Bind(5, record.Source);
                text.Bind(6, record.Model);
                _ = record.Version is { } version ? raw.sqlite3_bind_int64(statement, 7, version) : raw.sqlite3_bind_null(statement, 7);
                text.Bind(8, record.BundleHash);
                text.Bind(9, record.Variant);
                raw.sqlite3_bind_int64(statement, 10, record.IsShadow ? 1 : 0);
                text.Bind(11, record.Key);
                text.Bind(12, record.Inputs);
                text.Bind(13, record.Prediction);
                _ = record.Probability is { } probability ? raw.sqlite3_bind_double(statement, 14, probability) : raw.sqlite3_bind_null(statement, 14);
                raw.sqlite3_bind_double(statement, 15, record.LatencyMs);
                var result = raw.sqlite3_step(statement);
                if (result != raw.SQLITE_DONE)
                {
                    if ((result & 0xff) == SqliteConstraint)
                    {
                        throw new GangwayException(
                            ErrorKind.Conflict, $"Prediction '{record.PredictionId}' is already in the log of store '{displayUri}'; nothing of the batch was written.");
                    }

                    Check(result, database);
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    private static void Check(int result, sqlite3 database)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(result, database);
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
