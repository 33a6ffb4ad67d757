namespace Gangway.Stores;

/// <summary>
/// The monitoring windows of the service's replicas: per model, kind, variant and replica, the time buckets of a
/// sliding window (<see cref="MonitoringBucket"/>), saved again and again as they fill, read back by every replica so that
/// a restarted replica continues its window and replicas merge theirs, and pruned by age.
/// </summary>
public interface IMonitoringWindowStore
{
    /// <summary>
    /// Saves the buckets in one transaction, all of them or none: a bucket whose key is already stored replaces it (its
    /// end, count, state and save time). Of two buckets with one key in the batch, the later one is kept. Replicas may
    /// save at the same time, the same buckets or others, without failing.
    /// </summary>
    /// <exception cref="ArgumentException">A bucket has an empty model, kind or replica, ends before it starts or has a negative count.</exception>
    /// <exception cref="GangwayException">A bucket's state is larger than <see cref="MonitoringBucket.MaxStateBytes"/> (<see cref="ErrorKind.InvalidInput"/>).</exception>
    Task SaveAsync(IReadOnlyList<MonitoringBucket> buckets, CancellationToken cancellationToken);

    /// <summary>
    /// The buckets of <paramref name="model"/> and <paramref name="kind"/> that end after <paramref name="since"/>, of
    /// every variant and replica, ordered by start, then variant, then replica (ordinal).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> or <paramref name="kind"/> is empty.</exception>
    Task<IReadOnlyList<MonitoringBucket>> ReadAsync(string model, string kind, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes the buckets that end at or before <paramref name="cutoff"/>, of every model; returns how many.</summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
