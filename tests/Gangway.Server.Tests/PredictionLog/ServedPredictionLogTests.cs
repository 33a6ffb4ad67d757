using System.Text.Json;
using Gangway.Bundles;
using Gangway.PredictionLog;
using Gangway.Scoring;

namespace Gangway.Server.Tests.PredictionLog;

/// <summary>What the service logs of its answers: one record per answered record, in a real SQLite store or JSON Lines files.</summary>
public sealed class ServedPredictionLogTests(TwoModels models) : IClassFixture<TwoModels>
{
    private const string Written = "gangway_prediction_log_written_total";

    // One plain record: the fast path's body.
    private const string OneRecord = """{"PassengerId": 900, "Pclass": 1, "Name": "Smith, Mrs. Jane", "Sex": "female", "Age": 30, "SibSp": 1, "Parch": 0, "Ticket": "1", "Fare": 80, "Cabin": null, "Embarked": "S"}""";

    [Fact]
    public async Task Predict_FastAndBatchPath_LogsEveryRecordWithItsAnswersIdMaskedInputsKeyAndVersion()
    {
        var store = models.NewStore();
        await using var server = LoggingServer.Start(Titanic(), new Dictionary<string, string?> { ["Gangway:Store"] = store, ["Gangway:PredictionLog"] = "store" });

        var one = Answers(await server.PostAsync("/predict", OneRecord, "log-one"));
        var three = Answers(await server.PostAsync("/predict", TwoModels.Records, "log-three"));
        await server.WaitForAsync(Written, 4);

        var logged = (await LoggingServer.ReadLogAsync(store)).ToDictionary(r => r.PredictionId);
        Assert.Equal(4, logged.Count);
        foreach (var (answer, requestId) in one.Select(a => (a, "log-one")).Concat(three.Select(a => (a, "log-three"))))
        {
            var record = logged[answer.GetProperty("prediction_id").GetString()!];
            Assert.Equal(record.PredictionId, record.AnswerId);
            Assert.Equal(requestId, record.RequestId);
            Assert.Equal(PredictionSources.Predict, record.Source);
            Assert.Equal("titanic", record.Model);
            Assert.Null(record.Version);
            Assert.Null(record.Variant);
            Assert.False(record.IsShadow);
            Assert.Equal(Hashing.Sha256(models.Titanic), record.BundleHash);
            Assert.Equal(PredictionKey.Canonical("PassengerId", answer.GetProperty("PassengerId").GetDouble()), record.Key);
            Assert.Equal(answer.GetProperty("probability").GetDouble(), record.Probability!.Value, 12);
            Assert.Equal(answer.GetProperty("prediction").ToString(), record.Prediction);
            var inputs = JsonDocument.Parse(record.Inputs).RootElement;
            Assert.Equal(PersonalDataMask.Hidden, inputs.GetProperty("Name").GetString());
            Assert.Equal(answer.GetProperty("PassengerId").GetDouble(), inputs.GetProperty("PassengerId").GetDouble());
            Assert.True(record.LatencyMs >= 0);
        }

        Assert.Equal(30, JsonDocument.Parse(logged[one[0].GetProperty("prediction_id").GetString()!].Inputs).RootElement.GetProperty("Age").GetDouble());
    }

    [Fact]
    public async Task Upsell_LogsEveryRecordWithTheIdsOfTheUpsellAnswer()
    {
        var store = models.NewStore();
        await using var server = LoggingServer.Start(Titanic(), new Dictionary<string, string?> { ["Gangway:Store"] = store });

        var results = JsonDocument.Parse(await server.PostAsync("/upsell", TwoModels.Records, "upsell-1")).RootElement.GetProperty("results").EnumerateArray().ToList();
        await server.WaitForAsync(Written, 3);

        var logged = (await LoggingServer.ReadLogAsync(store)).ToDictionary(r => r.PredictionId);
        Assert.Equal(3, logged.Count);
        foreach (var result in results)
        {
            var record = logged[result.GetProperty("prediction_id").GetString()!];
            Assert.Equal(PredictionSources.Upsell, record.Source);
            Assert.Equal("upsell-1", record.RequestId);
            Assert.Equal(PredictionKey.Canonical("PassengerId", result.GetProperty("PassengerId").GetDouble()), record.Key);
            var current = result.GetProperty("current_class").GetString()!;
            Assert.Equal(result.GetProperty("probabilities").GetProperty(current).GetDouble(), record.Probability!.Value, 9);
        }
    }

    [Fact]
    public async Task Predict_JsonLinesLog_WritesOneLinePerRecord()
    {
        var folder = models.NewPath("");
        await using var server = LoggingServer.Start(Titanic(), new Dictionary<string, string?> { ["Gangway:PredictionLog"] = "jsonl:" + folder });

        var three = Answers(await server.PostAsync("/predict", TwoModels.Records, "jsonl-1"));
        await server.WaitForAsync(Written, 3);

        var lines = Directory.GetFiles(folder, "*.jsonl").SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(three.Select(a => a.GetProperty("prediction_id").GetString()), lines.Select(l => l.GetProperty("prediction_id").GetString()));
        Assert.All(lines, l => Assert.Equal("jsonl-1", l.GetProperty("request_id").GetString()));
        Assert.All(lines, l => Assert.Equal(PersonalDataMask.Hidden, l.GetProperty("inputs").GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task Predict_SinkFails_AnswersStill200AndFailuresAreCounted()
    {
        // A folder that is a file: every write of the JSON Lines log fails.
        var file = models.NewPath(".txt");
        await File.WriteAllTextAsync(file, "not a folder");
        await using var server = LoggingServer.Start(Titanic(), new Dictionary<string, string?> { ["Gangway:PredictionLog"] = "jsonl:" + file });

        for (var i = 0; i < 3; i++)
        {
            await server.PostAsync("/predict", TwoModels.Records, $"failing-{i}");
        }

        await server.WaitForAsync("gangway_prediction_log_failed_total", 2);
        Assert.True(await server.MetricAsync("gangway_prediction_log_retries_total") >= 1);
        Assert.Equal(0, await server.MetricAsync(Written));
    }

    [Fact]
    public async Task Predict_QueueFull_DropsAndCountsRatherThanWaiting()
    {
        var store = models.NewStore();
        await using var server = LoggingServer.Start(Titanic(), new Dictionary<string, string?> { ["Gangway:Store"] = store, ["Gangway:LogQueueSize"] = "2" });

        // Three records cannot wait in a queue of two: the answer is given, its records dropped.
        await server.PostAsync("/predict", TwoModels.Records, "too-many");
        await server.PostAsync("/predict", OneRecord, "fits");

        Assert.Equal(3, await server.WaitForAsync("gangway_prediction_log_dropped_total", 3));
        await server.WaitForAsync(Written, 1);
        Assert.Equal("fits", Assert.Single(await LoggingServer.ReadLogAsync(store)).RequestId);
    }

    [Fact]
    public async Task Serve_PredictionLogUnset_IsTheStoreOfTheService()
    {
        var store = models.NewStore();
        await using var server = LoggingServer.Start(Titanic(), new Dictionary<string, string?> { ["Gangway:Store"] = store, ["Gangway:PredictionLog"] = null });

        await server.PostAsync("/predict", OneRecord, "default-sink");
        await server.WaitForAsync(Written, 1);

        Assert.Equal("default-sink", Assert.Single(await LoggingServer.ReadLogAsync(store)).RequestId);
    }

    [Fact]
    public async Task Predict_PredictionLogNone_HandsNothingOver()
    {
        await using var server = LoggingServer.Start(Titanic(), new Dictionary<string, string?> { ["Gangway:PredictionLog"] = "none" });

        await server.PostAsync("/predict", TwoModels.Records, "not-logged");
        // Longer than the writer's batch window: a record handed over would have reached the (null) sink by now.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(0, await server.MetricAsync(Written));
        Assert.Equal(0, await server.MetricAsync("gangway_prediction_log_dropped_total"));
    }

    private string Titanic() => Path.Combine(models.Folder, "titanic.gwb");

    private static List<JsonElement> Answers(string answer) =>
        [.. JsonDocument.Parse(answer).RootElement.GetProperty("predictions").EnumerateArray()];
}
