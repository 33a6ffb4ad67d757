using System.Text.Json;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.PredictionLog;

namespace Gangway.Server.Tests.PredictionLog;

/// <summary>Shadow models: they score every answered input off the request path; what they say is logged, never returned.</summary>
public sealed class ShadowScoringTests(TwoModels models, ReorderedShadow reordered) : IClassFixture<TwoModels>, IClassFixture<ReorderedShadow>
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
    public async Task Predict_LogHasNoRoomForTheShadowsRecords_ShadowSkipsAndCountsInsteadOfScoring()
    {
        // A sink that fails every write (its folder is a file) holds the records while it retries, in a queue of three,
        // so a shadow's three records cannot fit: scoring them would be work for records the log drops.
        var file = models.NewPath(".txt");
        await File.WriteAllTextAsync(file, "not a folder");
        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "titanic.gwb"),
            new Dictionary<string, string?> { ["Gangway:PredictionLog"] = "jsonl:" + file, ["Gangway:LogQueueSize"] = "3" },
            ("candidate", Path.Combine(models.Folder, "baseline.gwb")));

        // The first answer's records may all be taken into the writer's batch at once, leaving the queue empty; the
        // writer then retries that batch for seconds (100 ms doubling, five times), so the later answers find it full.
        for (var i = 0; i < 3; i++)
        {
            await server.PostAsync("/predict", TwoModels.Records, $"no-room-{i}");
        }

        Assert.True(await server.WaitForAsync("gangway_shadow_skipped_total", 3, ("shadow", "candidate")) >= 3);
        Assert.Equal(0, await server.MetricAsync("gangway_shadow_failures_total", ("shadow", "candidate")));
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

    [Fact]
    public async Task Predict_OneRecordWithShadows_LogsWhatEachShadowsTablePathGives()
    {
        // The baseline reads a subset of titanic's inputs; the reordered model reads them in another order.
        const string Record = """{"PassengerId": 900, "Pclass": 1, "Name": "Smith, Mrs. Jane", "Sex": "female", "Age": 30, "SibSp": 1, "Parch": 0, "Ticket": "1", "Fare": 80, "Cabin": null, "Embarked": "S"}""";
        var store = models.NewStore();
        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "titanic.gwb"),
            new Dictionary<string, string?> { ["Gangway:Store"] = store },
            ("candidate", Path.Combine(models.Folder, "baseline.gwb")),
            ("reordered", reordered.Path));

        var answer = JsonDocument.Parse(await server.PostAsync("/predict", Record, "one-shadowed")).RootElement;
        await server.WaitForAsync("gangway_prediction_log_written_total", 3);

        var logged = await LoggingServer.ReadLogAsync(store);
        var answerId = answer.GetProperty("predictions")[0].GetProperty("prediction_id").GetString();
        AssertLoggedAsTheTablePath(logged.Single(r => r.Variant == "candidate"), Path.Combine(models.Folder, "baseline.gwb"), Record, answerId);
        AssertLoggedAsTheTablePath(logged.Single(r => r.Variant == "reordered"), reordered.Path, Record, answerId);
        Assert.Equal(0, await server.MetricAsync("gangway_shadow_failures_total"));
    }

    [Fact]
    public async Task Predict_OneRecordTheShadowsRowScorerRefuses_IsScoredAsATableAndLogged()
    {
        // Titanic answers an age of 70 on its fast path; the reordered shadow's contract warns above 60, so its row
        // scorer refuses the record and the table path, which does not check the contract, scores it as it always did.
        const string Record = """{"PassengerId": 7, "Pclass": 1, "Name": "Old, Mr. Al", "Sex": "male", "Age": 70, "SibSp": 0, "Parch": 0, "Fare": 30, "Embarked": "S"}""";
        var store = models.NewStore();
        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "titanic.gwb"), new Dictionary<string, string?> { ["Gangway:Store"] = store }, ("reordered", reordered.Path));

        var answer = JsonDocument.Parse(await server.PostAsync("/predict", Record, "one-refused")).RootElement;
        await server.WaitForAsync("gangway_prediction_log_written_total", 2);

        var shadow = (await LoggingServer.ReadLogAsync(store)).Single(r => r.IsShadow);
        AssertLoggedAsTheTablePath(shadow, reordered.Path, Record, answer.GetProperty("predictions")[0].GetProperty("prediction_id").GetString());
        Assert.Equal(0, await server.MetricAsync("gangway_shadow_failures_total", ("shadow", "reordered")));
    }

    [Fact]
    public async Task Predict_OneRecordShadowReadsColumnsTheAnswerLacks_CountsTheFailureAsATableWould()
    {
        var store = models.NewStore();
        await using var server = LoggingServer.Start(
            Path.Combine(models.Folder, "baseline.gwb"), new Dictionary<string, string?> { ["Gangway:Store"] = store }, ("broken", Path.Combine(models.Folder, "titanic.gwb")));

        await server.PostAsync("/predict", """{"PassengerId": 892, "Pclass": 3, "Sex": "male"}""", "one-shadow-fails");

        Assert.Equal(1, await server.WaitForAsync("gangway_shadow_failures_total", 1, ("shadow", "broken")));
        await server.WaitForAsync("gangway_prediction_log_written_total", 1);
        Assert.All(await LoggingServer.ReadLogAsync(store), r => Assert.False(r.IsShadow));
    }

    // The record the table path logs today: the shadow's Transform of the answered input (titanic's input columns, as
    // the request gave them), made into records by the core's ScoredTableRecords.
    private void AssertLoggedAsTheTablePath(PredictionRecord logged, string shadowPath, string record, string? answerId)
    {
        var shadow = BundleReader.Read(shadowPath);
        var values = JsonDocument.Parse(record).RootElement;
        var input = new Table(BundleReader.Read(Path.Combine(models.Folder, "titanic.gwb")).Schema.Columns.Select(c => c.Type == ColumnType.Numeric
            ? (Column)new NumericColumn(c.Name, [values.GetProperty(c.Name).GetDouble()])
            : new TextColumn(c.Name, [values.GetProperty(c.Name).GetString()])));
        var expected = new ScoredTableRecords(shadow, Hashing.Sha256File(shadowPath), null, PredictionSources.Predict)
            .Of(input, shadow.Model.Transform(input), logged.Time)[0];

        Assert.True(logged.IsShadow);
        Assert.Equal(answerId, logged.AnswerId);
        Assert.Equal(shadow.Name, logged.Model);
        Assert.Equal(expected.Prediction, logged.Prediction);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Probability!.Value), BitConverter.DoubleToInt64Bits(logged.Probability!.Value));
        Assert.Equal(expected.Inputs, logged.Inputs);
        Assert.Equal(expected.Key, logged.Key);
    }
}
