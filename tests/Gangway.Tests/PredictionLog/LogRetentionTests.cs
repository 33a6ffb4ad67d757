using Gangway.PredictionLog;
using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;
using Gangway.Tests.Stores;

namespace Gangway.Tests.PredictionLog;

public sealed class LogRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Cutoff = LoggedPredictions.Start.AddMinutes(10);

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task PruneAsync_PredictionsFeedbackAndMonitoringBuckets_DeletesWhatIsOlderThanTheCutoffAndCountsEach()
    {
        var store = _store.Store;
        var old = LoggedPredictions.Served(0);
        await store.PredictionLog.AppendAsync([old, LoggedPredictions.Served(20 * 60_000)], CancellationToken.None);
        await store.Feedback.AppendAsync([new FeedbackRecord("f1", old.PredictionId, "1", null, old.Time, "test")], CancellationToken.None);
        await store.MonitoringWindows.SaveAsync([Bucket(0), Bucket(9), Bucket(10), Bucket(11)], CancellationToken.None);

        var pruned = await LogRetention.PruneAsync(store, Cutoff, CancellationToken.None);

        Assert.Equal(new LogPruneResult(1, 1, 2), pruned);
        var kept = await store.MonitoringWindows.ReadAsync("titanic", "drift", DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal([10, 11], kept.Select(b => (int)(b.Start - LoggedPredictions.Start).TotalMinutes));
    }

    // A bucket of minute m ends at minute m + 1: minutes 0 and 9 end at or before the cutoff (minute 10).
    private static MonitoringBucket Bucket(int minute) => new(
        "titanic", "drift", "champion", "replica-a", LoggedPredictions.Start.AddMinutes(minute), LoggedPredictions.Start.AddMinutes(minute + 1), 1, "{}",
        LoggedPredictions.Start.AddMinutes(minute + 1));
}
