using Gangway.Stores;

namespace Gangway.PredictionLog;

/// <summary>
/// The log's retention: deletes logged predictions, feedback and monitoring window buckets older than a cutoff from a
/// store, in the store's small transactions so a running service keeps logging meanwhile. What <c>gangway log prune</c>
/// and the service's hourly retention both call.
/// </summary>
public static class LogRetention
{
    /// <summary>
    /// Deletes what is older than <paramref name="cutoff"/>: predictions first, then feedback, then the monitoring
    /// buckets that end at or before it.
    /// </summary>
    /// <returns>How many predictions, feedback rows and monitoring buckets were deleted.</returns>
    public static async Task<LogPruneResult> PruneAsync(IStore store, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var predictions = await store.PredictionLog.DeleteOlderThanAsync(cutoff, cancellationToken);
        var feedback = await store.Feedback.DeleteOlderThanAsync(cutoff, cancellationToken);
        var buckets = await store.MonitoringWindows.DeleteOlderThanAsync(cutoff, cancellationToken);
        return new LogPruneResult(predictions, feedback, buckets);
    }
}
