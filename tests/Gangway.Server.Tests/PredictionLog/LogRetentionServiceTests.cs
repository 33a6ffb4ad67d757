using Gangway.PredictionLog;
using Gangway.Stores;

namespace Gangway.Server.Tests.PredictionLog;

/// <summary>The retention while serving: at start (and hourly) the store's log and feedback older than LogRetention are deleted, with the monitoring buckets.</summary>
public sealed class LogRetentionServiceTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Start_LogRetention_DeletesPredictionsFeedbackAndMonitoringBucketsOlderThanItAndKeepsTheRest()
    {
        var store = models.NewStore();
        var now = DateTimeOffset.UtcNow;
        await using (var opened = await TwoModels.OpenAsync(store))
        {
            var old = Logged(now.AddDays(-10));
            await opened.PredictionLog.AppendAsync([old, Logged(now.AddDays(-3)), Logged(now.AddHours(-1))], CancellationToken.None);
            await opened.Feedback.AppendAsync(
                [new FeedbackRecord(PredictionIds.New(TimeProvider.System), old.PredictionId, "1", null, now.AddDays(-10), "test")], CancellationToken.None);
            await opened.MonitoringWindows.SaveAsync([Bucket(now.AddDays(-10)), Bucket(now.AddDays(-3)), Bucket(now.AddHours(-1))], CancellationToken.None);
        }

        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "titanic.gwb"), new Dictionary<string, string?> { ["Gangway:Store"] = store, ["Gangway:LogRetention"] = "2d" });

        Assert.Equal(2, await server.WaitForAsync("gangway_prediction_log_pruned_total", 2, ("kind", "prediction")));
        Assert.Equal(1, await server.WaitForAsync("gangway_prediction_log_pruned_total", 1, ("kind", "feedback")));
        Assert.Equal(2, await server.WaitForAsync("gangway_prediction_log_pruned_total", 2, ("kind", "monitoring_bucket")));
        var kept = await LoggingServer.ReadLogAsync(store);
        Assert.Equal([now.AddHours(-1).ToUnixTimeMilliseconds()], kept.Select(r => r.Time.ToUnixTimeMilliseconds()));
        Assert.Equal(0, await server.MetricAsync("gangway_prediction_log_prune_failures_total"));
        await using var reopened = await TwoModels.OpenAsync(store);
        var buckets = await reopened.MonitoringWindows.ReadAsync("titanic", "drift", DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal([now.AddHours(-1).ToUnixTimeMilliseconds()], buckets.Select(b => b.Start.ToUnixTimeMilliseconds()));
    }

    private static MonitoringBucket Bucket(DateTimeOffset start) =>
        new("titanic", "drift", "champion", "replica-a", start, start.AddMinutes(1), 1, "{}", start.AddMinutes(1));

    private static PredictionRecord Logged(DateTimeOffset time)
    {
        var id = PredictionIds.Format(Guid.CreateVersion7(time));
        return new PredictionRecord
        {
            PredictionId = id,
            AnswerId = id,
            Time = time,
            Source = PredictionSources.Batch,
            Model = "titanic",
            BundleHash = "abc",
            Inputs = "{}",
            Prediction = "1",
        };
    }
}
