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

    // Rows per multi-row INSERT: one step and one reset per 64 records instead of per record (64 x 15 = 960
    // parameters, far below SQLite's limit of 32,766).
    internal const int RowsPerStatement = 64;

    private const int Fields = 15;

    public static void Insert(SqliteTransaction transaction, IReadOnlyList<PredictionRecord> records, string displayUri)
    {
        // Statements prepared once per batch and bound by position through SQLite's own API: the driver's command API
        // looks every parameter up by name on every execution, which costs more than SQLite's insert itself. Text goes
        // through one reused UTF-8 buffer (SQLite copies what is bound), not a new byte array per value. Full groups of
        // RowsPerStatement records go in one statement each, the rest one record at a time.
        var database = transaction.Connection!.Handle!;
        var full = records.Count / RowsPerStatement * RowsPerStatement;
        if (full > 0)
        {
            using var many = Prepare(database, RowsPerStatement);
            var binder = new Utf8Binder(many);
            for (var first = 0; first < full; first += RowsPerStatement)
            {
                for (var row = 0; row < RowsPerStatement; row++)
                {
                    Bind(many, binder, row * Fields, records[first + row]);
                }

                var result = raw.sqlite3_step(many);
                ThrowUnlessDone(result, database, displayUri, null);
                raw.sqlite3_reset(many);
                if (result != raw.SQLITE_DONE)
                {
                    // SQLite undid the failed statement only; inserting its records one by one names the one that conflicts.
                    InsertOneByOne(database, records, first, first + RowsPerStatement, displayUri);
                }
            }
        }

        InsertOneByOne(database, records, full, records.Count, displayUri);
    }

    private static void InsertOneByOne(sqlite3 database, IReadOnlyList<PredictionRecord> records, int from, int to, string displayUri)
    {
        if (from >= to)
        {
            return;
        }

        using var one = Prepare(database, 1);
        var binder = new Utf8Binder(one);
        for (var i = from; i < to; i++)
        {
            Bind(one, binder, 0, records[i]);
            ThrowUnlessDone(raw.sqlite3_step(one), database, displayUri, records[i]);
            raw.sqlite3_reset(one);
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 database, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(row =>
            "(" + string.Join(", ", Enumerable.Range(row * Fields + 1, Fields).Select(i => $"?{i}")) + ")"));
        Check(raw.sqlite3_prepare_v2(database, $"INSERT INTO predictions ({Columns}) VALUES {values}", out var statement), database);
        return statement;
    }

    private static void Bind(sqlite3_stmt statement, Utf8Binder text, int offset, PredictionRecord record)
    {
        text.Bind(offset + 1, record.PredictionId);
        text.Bind(offset + 2, record.AnswerId);
        text.Bind(offset + 3, record.RequestId);
        text.Bind(offset + 4, record.Time);
        text.Bind(offset + 5, record.Source);
        text.Bind(offset + 6, record.Model);
        _ = record.Version is { } version ? raw.sqlite3_bind_int64(statement, offset + 7, version) : raw.sqlite3_bind_null(statement, offset + 7);
        text.Bind(offset + 8, record.BundleHash);
        text.Bind(offset + 9, record.Variant);
        raw.sqlite3_bind_int64(statement, offset + 10, record.IsShadow ? 1 : 0);
        text.Bind(offset + 11, record.Key);
        text.Bind(offset + 12, record.Inputs);
        text.Bind(offset + 13, record.Prediction);
        _ = record.Probability is { } probability ? raw.sqlite3_bind_double(statement, offset + 14, probability) : raw.sqlite3_bind_null(statement, offset + 14);
        raw.sqlite3_bind_double(statement, offset + 15, record.LatencyMs);
    }

    // A constraint failure is a conflict: for one record it names the record; for a group (record null) the caller
    // finds the record by inserting the group one by one. Any other failure is thrown as SQLite reports it.
    private static void ThrowUnlessDone(int result, sqlite3 database, string displayUri, PredictionRecord? record)
    {
        if (result == raw.SQLITE_DONE)
        {
            return;
        }

        if ((result & 0xff) != SqliteConstraint)
        {
            Check(result, database);
        }
        else if (record is not null)
        {
            throw new GangwayException(
                ErrorKind.Conflict, $"Prediction '{record.PredictionId}' is already in the log of store '{displayUri}'; nothing of the batch was written.");
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
