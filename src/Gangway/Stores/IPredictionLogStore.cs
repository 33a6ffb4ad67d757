using Gangway.PredictionLog;

namespace Gangway.Stores;

/// <summary>
/// The prediction log: every scored record, appended in batches by a <see cref="PredictionLogWriter"/>, read back for
/// export, feedback lookup and online metrics, and pruned by age.
/// </summary>
public interface IPredictionLogStore
{
    /// <summary>
    /// Appends the records in one transaction, all of them or none, and adds them to the counters
    /// <see cref="CountAsync"/> reads in the same transaction.
    /// </summary>
    /// <exception cref="GangwayException">A record's id is already in the log (<see cref="ErrorKind.Conflict"/>).</exception>
    Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// The records the query selects, ordered by time then id, read page by page so that a log of any size streams in
    /// bounded memory. Records appended while reading may or may not be included.
    /// </summary>
    IAsyncEnumerable<PredictionRecord> ReadAsync(PredictionQuery query, CancellationToken cancellationToken);

    /// <summary>The record with this id, or null.</summary>
    Task<PredictionRecord?> FindAsync(string predictionId, CancellationToken cancellationToken);

    /// <summary>The latest served (not shadow) record of <paramref name="model"/> with this canonical key, or null.</summary>
    Task<PredictionRecord?> FindLatestByKeyAsync(string model, string key, CancellationToken cancellationToken);

    /// <summary>
    /// The number of records of <paramref name="model"/> per variant and shadow flag, read from per-minute counters
    /// kept with every append, not from the records. Counts are per whole minute: <paramref name="since"/> is rounded
    /// down to its UTC minute, so records earlier in that minute are counted too.
    /// </summary>
    Task<IReadOnlyList<PredictionCount>> CountAsync(string model, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the records older than <paramref name="cutoff"/> in small transactions, so that writers never wait long,
    /// and the counters of the minutes entirely before it; returns how many records it deleted.
    /// </summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
