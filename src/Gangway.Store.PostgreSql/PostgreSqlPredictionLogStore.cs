using System.Runtime.CompilerServices;
using Gangway.PredictionLog;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;
using NpgsqlTypes;

namespace Gangway.Store.PostgreSql;

/// <summary>
/// The prediction log and feedback of a PostgreSQL store. Batches are written with binary COPY in one transaction (all
/// or nothing); reads are keyset pages, each on a pooled connection of its own, so a long export holds no connection
/// between pages.
/// </summary>
internal sealed class PostgreSqlPredictionLogStore(NpgsqlDataSource dataSource, string displayUri) : IPredictionLogStore, IFeedbackStore
{
    private const int PageSize = 2_000;
    private const int DeleteBatch = 5_000;

    public async Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(
                async connection =>
                {
                    await CopyAsync(connection, records, cancellationToken);
                    await AddCountsAsync(connection, records, cancellationToken);
                    return 0;
                },
                cancellationToken);
        }
        catch (GangwayException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new GangwayException(
                ErrorKind.Conflict, $"A prediction of the batch is already in the log of store '{displayUri}'; nothing of the batch was written.", exception);
        }
    }

    public async IAsyncEnumerable<PredictionRecord> ReadAsync(PredictionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var record in KeysetPages.ReadAsync<PredictionRecord, PredictionRecord>(
            async after =>
            {
                var (sql, values) = PageQuery(query, after);
                return await ReadAsync(session => session.QueryAsync(sql, ReadRecord, values), cancellationToken);
            },
            record => record,
            PageSize,
            cancellationToken))
        {
            yield return record;
        }
    }

    public async Task<PredictionRecord?> FindAsync(string predictionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictionId);
        return (await ReadAsync(session => session.QueryAsync(PredictionLogSql.SelectById, ReadRecord, predictionId.ToLowerInvariant()), cancellationToken))
            .SingleOrDefault();
    }

    public async Task<PredictionRecord?> FindLatestByKeyAsync(string model, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(key);
        return (await ReadAsync(session => session.QueryAsync(PredictionLogSql.SelectLatestByKey, ReadRecord, model, key), cancellationToken))
            .SingleOrDefault();
    }

    public async Task<IReadOnlyList<PredictionCount>> CountAsync(string model, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ReadAsync(
            session => session.QueryAsync(
                PredictionLogSql.SelectCounts,
                r => new PredictionCount(r.GetString(0) is { Length: > 0 } variant ? variant : null, r.GetBoolean(1), r.GetInt64(2)),
                model, MinutePredictionCount.MinuteOf(since).UtcDateTime),
            cancellationToken);
    }

    async Task<long> IPredictionLogStore.DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await DeleteInBatchesAsync(PredictionLogSql.DeletePredictionsBefore, cutoff, cancellationToken);
        await WriteAsync(
            connection => new PostgreSqlSession(connection, cancellationToken).ExecuteAsync(
                PredictionLogSql.DeleteCountsBefore, MinutePredictionCount.MinuteOf(cutoff).UtcDateTime),
            cancellationToken);
        return deleted;
    }

    public async Task AppendAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.Count == 0)
        {
            return;
        }

        await WriteAsync(
            async connection =>
            {
                await using var copy = await connection.BeginBinaryImportAsync(PredictionLogSql.CopyFeedback, cancellationToken);
                foreach (var row in feedback)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(row.Id, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(row.PredictionId, NpgsqlDbType.Text, cancellationToken);
                    await WriteOrNull(copy, row.Label, NpgsqlDbType.Text, cancellationToken);
                    await WriteOrNull(copy, row.Reward, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(row.Time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(row.Source, NpgsqlDbType.Text, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
                return 0;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> HistoryAsync(string predictionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictionId);
        return await ReadAsync(
            session => session.QueryAsync(
                PredictionLogSql.SelectFeedbackHistory,
                r => new FeedbackRecord(r.GetString(0), r.GetString(1), r.StringOrNull(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.Timestamp(4), r.GetString(5)),
                predictionId.ToLowerInvariant()),
            cancellationToken);
    }

    public async IAsyncEnumerable<PredictionOutcome> ReadOutcomesWithFeedbackAsync(string model, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var after = "";
        while (true)
        {
            var (answers, last) = (await ReadAsync(
                session => session.QueryAsync(PredictionLogSql.SelectAnswersPage, r => (r.GetInt64(0), r.StringOrNull(1)), after, PageSize),
                cancellationToken)).Single();
            if (last is null)
            {
                yield break;
            }

            var page = await ReadAsync(
                session => session.QueryAsync(
                    PredictionLogSql.SelectOutcomes,
                    r => new PredictionOutcome(
                        r.GetString(0), r.GetString(1), r.Timestamp(2), r.GetString(3), r.StringOrNull(4), r.GetBoolean(5), r.GetString(6),
                        r.IsDBNull(7) ? null : r.GetDouble(7), r.StringOrNull(8), r.IsDBNull(9) ? null : r.GetDouble(9)),
                    model, since.ToUniversalTime(), after, last),
                cancellationToken);
            foreach (var outcome in page)
            {
                yield return outcome;
            }

            if (answers < PageSize)
            {
                yield break;
            }

            after = last;
        }
    }

    Task<long> IFeedbackStore.DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteInBatchesAsync(PredictionLogSql.DeleteFeedbackBefore, cutoff, cancellationToken);

    private static (string Sql, object?[] Values) PageQuery(PredictionQuery query, PredictionRecord? after)
    {
        var conditions = new List<string>();
        var values = new List<object?> { PageSize };
        void Add(string condition, params object?[] added)
        {
            var numbers = added.Select((_, i) => (object)$"${values.Count + 1 + i}").ToArray();
            conditions.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, numbers));
            values.AddRange(added);
        }

        if (query.Model is { } model)
        {
            Add("model = {0}", model);
        }

        if (query.Variant is { } variant)
        {
            Add("variant = {0}", variant);
        }

        if (query.Since is { } since)
        {
            Add("scored_at >= {0}", since.ToUniversalTime());
        }

        if (query.Until is { } until)
        {
            Add("scored_at < {0}", until.ToUniversalTime());
        }

        if (after is not null)
        {
            Add("(scored_at, id) > ({0}, {1})", after.Time.ToUniversalTime(), after.PredictionId);
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return ($"SELECT {PredictionLogSql.Columns} FROM predictions {where} ORDER BY scored_at, id LIMIT $1", [.. values]);
    }

    private static PredictionRecord ReadRecord(NpgsqlDataReader r) => new()
    {
        PredictionId = r.GetString(0),
        AnswerId = r.GetString(1),
        RequestId = r.StringOrNull(2),
        Time = r.Timestamp(3),
        Source = r.GetString(4),
        Model = r.GetString(5),
        Version = r.Int32OrNull(6),
        BundleHash = r.GetString(7),
        Variant = r.StringOrNull(8),
        IsShadow = r.GetBoolean(9),
        Key = r.StringOrNull(10),
        Inputs = r.GetString(11),
        Prediction = r.GetString(12),
        Probability = r.IsDBNull(13) ? null : r.GetDouble(13),
        LatencyMs = r.GetDouble(14),
    };

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(PredictionLogSql.CopyPredictions, cancellationToken);
        foreach (var record in records)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(record.PredictionId, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.AnswerId, NpgsqlDbType.Text, cancellationToken);
            await WriteOrNull(copy, record.RequestId, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.Time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(record.Source, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.Model, NpgsqlDbType.Text, cancellationToken);
            await WriteOrNull(copy, record.Version, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(record.BundleHash, NpgsqlDbType.Text, cancellationToken);
            await WriteOrNull(copy, record.Variant, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.IsShadow, NpgsqlDbType.Boolean, cancellationToken);
            await WriteOrNull(copy, record.Key, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.Inputs, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.Prediction, NpgsqlDbType.Text, cancellationToken);
            await WriteOrNull(copy, record.Probability, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(record.LatencyMs, NpgsqlDbType.Double, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task AddCountsAsync(NpgsqlConnection connection, IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        var counts = MinutePredictionCount.Of(records);
        await new PostgreSqlSession(connection, cancellationToken).ExecuteAsync(
            PredictionLogSql.AddCounts,
            counts.Select(c => c.Model).ToArray(),
            counts.Select(c => c.Minute.UtcDateTime).ToArray(),
            counts.Select(c => c.Variant).ToArray(),
            counts.Select(c => c.IsShadow).ToArray(),
            counts.Select(c => c.Count).ToArray());
    }

    private static async Task WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }

    private async Task<long> DeleteInBatchesAsync(string sql, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long deleted = 0;
        int batch;
        do
        {
            batch = await WriteAsync(connection => new PostgreSqlSession(connection, cancellationToken).ExecuteAsync(sql, cutoff.ToUniversalTime(), DeleteBatch), cancellationToken);
            deleted += batch;
        }
        while (batch == DeleteBatch);
        return deleted;
    }

    private async Task<T> ReadAsync<T>(Func<PostgreSqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await read(new PostgreSqlSession(connection, cancellationToken));
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.Failed(displayUri, e);
        }
    }

    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.Failed(displayUri, e);
        }
    }
}
