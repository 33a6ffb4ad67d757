using System.Runtime.CompilerServices;
using Gangway.PredictionLog;
using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>The prediction log and feedback of a SQLite store, on the store's own connection.</summary>
internal sealed class SqlitePredictionLogStore(SqliteDatabase database) : IPredictionLogStore, IFeedbackStore
{
    // Small enough that a delete or a page holds the file for milliseconds, large enough to move quickly.
    private const int PageSize = 2_000;
    private const int DeleteBatch = 5_000;

    public async Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await database.WriteAsync(
            transaction =>
            {
                SqlitePredictions.Insert(transaction, records, database.DisplayUri);
                SqlitePredictionCounts.Add(transaction, records);
                return 0;
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<PredictionRecord> ReadAsync(PredictionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var record in KeysetPages.ReadAsync<PredictionRecord, PredictionRecord>(
            async after => await database.ReadAsync(transaction => SqlitePredictions.Page(transaction, query, after, PageSize), cancellationToken),
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
        return await database.ReadAsync(transaction => SqlitePredictions.Find(transaction, predictionId.ToLowerInvariant()), cancellationToken);
    }

    public async Task<PredictionRecord?> FindLatestByKeyAsync(string model, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(key);
        return await database.ReadAsync(transaction => SqlitePredictions.LatestByKey(transaction, model, key), cancellationToken);
    }

    public async Task<IReadOnlyList<PredictionCount>> CountAsync(string model, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await database.ReadAsync(transaction => SqlitePredictionCounts.Count(transaction, model, since), cancellationToken);
    }

    async Task<long> IPredictionLogStore.DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await DeleteInBatchesAsync(transaction => SqlitePredictions.DeleteOlderThan(transaction, cutoff, DeleteBatch), cancellationToken);
        await database.WriteAsync(transaction => SqlitePredictionCounts.DeleteBefore(transaction, cutoff), cancellationToken);
        return deleted;
    }

    public async Task AppendAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.Count == 0)
        {
            return;
        }

        await database.WriteAsync(
            transaction =>
            {
                SqliteFeedback.Insert(transaction, feedback);
                return 0;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> HistoryAsync(string predictionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictionId);
        return await database.ReadAsync(transaction => SqliteFeedback.History(transaction, predictionId.ToLowerInvariant()), cancellationToken);
    }

    public async IAsyncEnumerable<PredictionOutcome> ReadOutcomesWithFeedbackAsync(string model, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        string? after = null;
        while (true)
        {
            var page = await database.ReadAsync(transaction => SqliteFeedback.OutcomesPage(transaction, model, since, after, PageSize), cancellationToken);
            foreach (var outcome in page.Outcomes)
            {
                yield return outcome;
            }

            if (page.LastAnswer is null)
            {
                yield break;
            }

            after = page.LastAnswer;
        }
    }

    Task<long> IFeedbackStore.DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteInBatchesAsync(transaction => SqliteFeedback.DeleteOlderThan(transaction, cutoff, DeleteBatch), cancellationToken);

    private async Task<long> DeleteInBatchesAsync(Func<Microsoft.Data.Sqlite.SqliteTransaction, int> deleteBatch, CancellationToken cancellationToken)
    {
        long deleted = 0;
        int batch;
        do
        {
            batch = await database.WriteAsync(deleteBatch, cancellationToken);
            deleted += batch;
        }
        while (batch == DeleteBatch);
        return deleted;
    }
}
