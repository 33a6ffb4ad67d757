using System.Text.Json;
using Gangway.PredictionLog;
using Gangway.Tests.Bundles;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Tests.PredictionLog;

public sealed class JsonLinesPredictionLogSinkTests
{
    [Fact]
    public async Task Write_OneLinePerRecord_SnakeCaseWithTheInputsAsAnObject()
    {
        using var folder = new TempDirectory();
        var record = LoggedPredictions.Served(7, key: """{"PassengerId":"892"}""");
        await using (var sink = PredictionLogSinks.JsonLines(folder.Path, time: new SettableClock(LoggedPredictions.Start)))
        {
            await sink.WriteAsync([record, LoggedPredictions.ShadowOf(record) with { Probability = null }], CancellationToken.None);
        }

        var file = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.Equal("predictions-20261201-001.jsonl", Path.GetFileName(file));
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var json = first.RootElement;
        Assert.Equal(PredictionRecordJson.Names, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(record.PredictionId, json.GetProperty("prediction_id").GetString());
        Assert.Equal("2026-12-01T10:00:00.0070000Z", json.GetProperty("time").GetString());
        Assert.Equal(3, json.GetProperty("inputs").GetProperty("Pclass").GetInt32());
        Assert.Equal("***", json.GetProperty("inputs").GetProperty("Name").GetString());
        Assert.Equal(record.Probability, json.GetProperty("probability").GetDouble());
        Assert.False(json.GetProperty("is_shadow").GetBoolean());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.True(second.RootElement.GetProperty("is_shadow").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("probability").ValueKind);
    }

    [Fact]
    public async Task Write_PastTheSizeOrIntoANewDay_StartsANewFileAndKeepsOnlyTheNewest()
    {
        using var folder = new TempDirectory();
        var clock = new SettableClock(LoggedPredictions.Start);
        await using (var sink = PredictionLogSinks.JsonLines(folder.Path, new JsonLinesLogOptions { MaxFileBytes = 1, KeepFiles = 3 }, clock))
        {
            for (var i = 0; i < 4; i++)
            {
                await sink.WriteAsync([LoggedPredictions.Served(i)], CancellationToken.None);
            }

            clock.Now = clock.Now.AddDays(1);
            await sink.WriteAsync([LoggedPredictions.Served(9)], CancellationToken.None);
        }

        Assert.Equal(
            ["predictions-20261201-003.jsonl", "predictions-20261201-004.jsonl", "predictions-20261202-001.jsonl"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(folder.Path), file => Assert.Single(File.ReadAllLines(file)));
    }

    [Fact]
    public async Task Write_ReopenedOnTheSameDay_AppendsToTheLatestFile()
    {
        using var folder = new TempDirectory();
        var clock = new SettableClock(LoggedPredictions.Start);
        for (var run = 0; run < 2; run++)
        {
            await using var sink = PredictionLogSinks.JsonLines(folder.Path, time: clock);
            await sink.WriteAsync([LoggedPredictions.Served(run)], CancellationToken.None);
        }

        Assert.Equal(2, File.ReadAllLines(Assert.Single(Directory.GetFiles(folder.Path))).Length);
    }

    [Fact]
    public void JsonLines_BadOptions_FailWithTheRule() =>
        Assert.Equal(
            ErrorKind.InvalidConfiguration,
            Assert.Throws<GangwayException>(() => PredictionLogSinks.JsonLines("logs", new JsonLinesLogOptions { KeepFiles = 0 })).Kind);
}
