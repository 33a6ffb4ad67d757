using System.Text.Json;
using Gangway.Bundles;

namespace Gangway.Server.Tests.PredictionLog;

/// <summary>Shadow models: they score every answered input off the request path; what they say is logged, never returned.</summary>
public sealed class ShadowScoringTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Predict_WithShadow_LogsTheShadowsRecordsAsPartOfTheSameAnswer()
    {
        var store = models.NewStore();
        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "titanic.gwb"), new Dictionary<string, string?> { ["Gangway:Store"] = store }, ("candidate", Path.Combine(models.Folder, "baseline.gwb")));

        var answer = JsonDocument.Parse(await server.PostAsync("/predict", TwoModels.Records, "shadowed")).RootElement;
        await server.WaitForAsync("gangway_prediction_log_written_total", 6);

        Assert.Equal("titanic", answer.GetProperty("model").GetProperty("name").GetString());
        var logged = await LoggingServer.ReadLogAsync(store);
        var served = logged.Where(r => !r.IsShadow).ToDictionary(r => r.PredictionId);
        var shadow = logged.Where(r => r.IsShadow).ToList();
        Assert.Equal(answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("prediction_id").GetString()!).Order(), served.Keys.Order());
        Assert.Equal(3, shadow.Count);
        Assert.Equal(served.Keys.Order(), shadow.Select(r => r.AnswerId).Order());
        Assert.All(shadow, r =>
        {
            Assert.Equal("candidate", r.Variant);
            Assert.Equal("titanic-baseline", r.Model);
            Assert.Equal(Hashing.Sha256(models.Baseline), r.BundleHash);
            Assert.Equal("shadowed", r.RequestId);
            Assert.DoesNotContain(r.PredictionId, served.Keys);
            Assert.Equal(served[r.AnswerId].Key, r.Key);
        });
        Assert.Equal(6, logged.Select(r => r.PredictionId).Distinct().Count());
        Assert.Equal(0, await server.MetricAsync("gangway_shadow_failures_total", ("shadow", "candidate")));
    }

    [Fact]
    public async Task Predict_ShadowQueueOfOne_EveryAnsweredRecordIsScoredByTheShadowOrCountedAsSkipped()
    {
        var store = models.NewStore();
        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "titanic.gwb"),
            new Dictionary<string, string?> { ["Gangway:Store"] = store, ["Gangway:ShadowQueueSize"] = "1" },
            ("candidate", Path.Combine(models.Folder, "baseline.gwb")));

        // Many answers at once for a queue of one: some are likely skipped, and none may vanish uncounted.
        const int Requests = 40;
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => server.PostAsync("/predict", TwoModels.Records, $"burst-{i}")));
        const int Served = Requests * 3;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        double written, skipped;
        while ((written = await server.MetricAsync("gangway_prediction_log_written_total")) + (skipped = await server.MetricAsync("gangway_shadow_skipped_total", ("shadow", "candidate"))) < 2 * Served)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{written} written and {skipped} skipped of {Served} answered records.");
            await Task.Delay(50);
        }

        var logged = await LoggingServer.ReadLogAsync(store);
        Assert.Equal(Served, logged.Count(r => !r.IsShadow));
        Assert.Equal(Served - skipped, logged.Count(r => r.IsShadow));
    }

    [Fact]
    public async Task Predict_ShadowCannotScoreTheInput_CountsFailureAndAnswersAndLogsAsUsual()
    {
        // The baseline reads only class and sex; the full model needs columns the baseline's requests never carry.
        var store = models.NewStore();
        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "baseline.gwb"), new Dictionary<string, string?> { ["Gangway:Store"] = store }, ("broken", Path.Combine(models.Folder, "titanic.gwb")));

        var answer = JsonDocument.Parse(await server.PostAsync("/predict", TwoModels.Records, "shadow-fails")).RootElement;

        Assert.Equal(3, await server.WaitForAsync("gangway_shadow_failures_total", 3, ("shadow", "broken")));
        await server.WaitForAsync("gangway_prediction_log_written_total", 3);
        Assert.Equal(3, answer.GetProperty("predictions").GetArrayLength());
        Assert.All(await LoggingServer.ReadLogAsync(store), r => Assert.False(r.IsShadow));
    }
}
