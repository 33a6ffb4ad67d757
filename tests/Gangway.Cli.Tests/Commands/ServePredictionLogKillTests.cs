using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Gangway.Cli.Tests.Replicas;
using Gangway.PredictionLog;
using Gangway.Store.Sqlite;
using Gangway.Stores;

namespace Gangway.Cli.Tests.Commands;

/// <summary>
/// <c>gangway serve</c> with the prediction log in a SQLite store, killed outright (SIGKILL) while records are still
/// queued: what was written stays, every stored record is whole, and no more is lost than the documented bound
/// (LogQueueSize plus the batch in flight). The second phase answers three times that bound in 100-record requests, so
/// a log that held records anywhere else (an unbounded buffer, a batch never written until shutdown) fails the bound.
/// </summary>
public sealed class ServePredictionLogKillTests(ServeLoggingTests.TrainedBundle bundle) : IClassFixture<ServeLoggingTests.TrainedBundle>
{
    private const int LogQueueSize = 500;
    private const int MaxBatchSize = 1_000;
    private const int Before = 20;
    private const int BatchRequests = 165;
    private const int BatchSize = 100;

    [Fact]
    public async Task Serve_KilledWhileLogging_KeepsWhatWasWrittenAndEveryStoredRecordIsWhole()
    {
        var database = Path.Combine(Path.GetTempPath(), "gangway-kill-" + Guid.NewGuid().ToString("N") + ".db");
        var answered = new HashSet<string>(StringComparer.Ordinal);
        double dropped;
        await using (var serve = await ServeProcess.StartAsync(
            ["--model", bundle.Path, "--store", "sqlite:" + database, "--prediction-log", "store"],
            new Dictionary<string, string> { ["Gangway__LogQueueSize"] = LogQueueSize.ToString(CultureInfo.InvariantCulture) }))
        {
            using var client = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(60) };
            for (var i = 0; i < Before; i++)
            {
                answered.Add(await PredictAsync(client, i));
            }

            await WaitUntilWritten(client, Before);
            for (var i = 0; i < BatchRequests; i++)
            {
                answered.UnionWith(await PredictBatchAsync(client, Before + (i * BatchSize)));
            }

            dropped = await MetricAsync(client, "gangway_prediction_log_dropped_total");
            await serve.KillAsync();
        }

        try
        {
            await using var store = await new SqliteStoreProvider().OpenAsync("sqlite:" + database, CancellationToken.None);
            var stored = await store.PredictionLog.ReadAsync(new PredictionQuery(), CancellationToken.None).ToListAsync();
            Assert.True(stored.Count >= Before, $"{stored.Count} record(s) stored; {Before} were written before the kill.");
            Assert.Equal(stored.Count, stored.Select(r => r.PredictionId).Distinct(StringComparer.Ordinal).Count());
            Assert.All(stored, r =>
            {
                Assert.Contains(r.PredictionId, answered);
                Assert.Equal("titanic", r.Model);
                Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(r.Inputs).RootElement.ValueKind);
                Assert.NotEmpty(r.Prediction);
            });
            Assert.True(answered.Count > 3 * (LogQueueSize + MaxBatchSize), $"only {answered.Count} record(s) answered");
            var lost = answered.Count - stored.Count - (long)dropped;
            Assert.True(lost <= LogQueueSize + MaxBatchSize, $"{lost} record(s) lost to the kill ({answered.Count} answered, {stored.Count} stored, {dropped} dropped as overflow before it).");
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<string> PredictAsync(HttpClient client, int i)
    {
        var record = $$"""{"PassengerId": {{1000 + i}}, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}""";
        using var response = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(record, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("predictions")[0].GetProperty("prediction_id").GetString()!;
    }

    private static async Task<IReadOnlyList<string>> PredictBatchAsync(HttpClient client, int first)
    {
        var records = string.Join(",", Enumerable.Range(first, BatchSize).Select(i =>
            $$"""{"PassengerId": {{1000 + i}}, "Pclass": {{1 + (i % 3)}}, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}"""));
        using var response = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent($"[{records}]", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("prediction_id").GetString()!)];
    }

    private static async Task<double> MetricAsync(HttpClient client, string name)
    {
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilWritten(HttpClient client, int records)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await MetricAsync(client, "gangway_prediction_log_written_total") >= records)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The service did not write {records} records within 30 seconds.");
    }
}
