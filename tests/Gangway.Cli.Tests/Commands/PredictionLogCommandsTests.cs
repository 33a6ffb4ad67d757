using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.PredictionLog;
using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway log export</c>, <c>log prune</c> and <c>feedback import</c> on a SQLite store of the test's own.</summary>
public sealed class PredictionLogCommandsTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task LogExport_Csv_EveryPredictionOfTheModelOldestFirstWithTheInputsAsOneField()
    {
        var records = new[] { LoggedPredictions.Served(30), LoggedPredictions.Served(10), LoggedPredictions.Served(20, model: "upsell") };
        await Log(records);
        var output = _workspace["log.csv"];

        var run = Invoke("log", "export", "--model", "titanic", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Exported 2 prediction(s) of model 'titanic'", run.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal(string.Join(',', PredictionRecordJson.Names), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(records[1].PredictionId + "," + records[1].AnswerId + ",req-10,2026-12-01T10:00:00.0100000Z,predict,titanic,3,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"{\"\"Pclass\"\":3,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(records[0].PredictionId, lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogExport_JsonLinesSinceAndUntil_OnlyThatWindowAsJsonObjects()
    {
        await Log([LoggedPredictions.Served(0), LoggedPredictions.Served(60_000), LoggedPredictions.Served(120_000)]);
        var output = _workspace["log.jsonl"];

        var run = Invoke("log", "export", "--model", "titanic", "--since", "2026-12-01T10:01:00Z", "--until", "2026-12-01T10:02:00Z", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(output)));
        Assert.Equal("2026-12-01T10:01:00.0000000Z", line.RootElement.GetProperty("time").GetString());
        Assert.Equal("male", line.RootElement.GetProperty("inputs").GetProperty("Sex").GetString());
    }

    [Theory]
    [InlineData("log.txt", "--since", "24h", "--out 'LOG' must end with .csv or .jsonl")]
    [InlineData("log.csv", "--since", "yesterday", "--since must be a duration back from now (24h, 30d) or a date (2026-12-01, 2026-12-01T08:00:00Z); it is 'yesterday'.")]
    public void LogExport_BadOption_OneLineNamingItAndNoFile(string file, string option, string value, string message)
    {
        var output = _workspace[file];

        var run = Invoke("log", "export", "--model", "titanic", "--out", output, option, value);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(message.Replace("LOG", output, StringComparison.Ordinal), run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task LogPrune_OlderThan30Days_DeletesOnlyThoseAndTheirFeedback()
    {
        var now = DateTimeOffset.UtcNow;
        var old = LoggedPredictions.Served(0) with { Time = now.AddDays(-40) };
        var recent = LoggedPredictions.Served(1) with { Time = now.AddDays(-1) };
        await Log([old, recent]);
        await using (var store = await CliApp.Stores().OpenAsync(_workspace.Store, default))
        {
            await store.Feedback.AppendAsync([new FeedbackRecord(PredictionIds.New(TimeProvider.System), old.PredictionId, "1", null, now.AddDays(-39), "tester")], default);
            await store.MonitoringWindows.SaveAsync([Bucket(now.AddDays(-40)), Bucket(now.AddHours(-1))], default);
        }

        var run = Invoke("log", "prune", "--older-than", "30d");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Deleted 1 prediction(s), 1 feedback row(s) and 1 monitoring bucket(s)", run.Output, StringComparison.Ordinal);
        await using var reopened = await CliApp.Stores().OpenAsync(_workspace.Store, default);
        Assert.Null(await reopened.PredictionLog.FindAsync(old.PredictionId, default));
        Assert.NotNull(await reopened.PredictionLog.FindAsync(recent.PredictionId, default));
        Assert.Equal(
            now.AddHours(-1).ToUnixTimeMilliseconds(),
            Assert.Single(await reopened.MonitoringWindows.ReadAsync("titanic", "drift", DateTimeOffset.MinValue, default)).Start.ToUnixTimeMilliseconds());
        Assert.Equal(3, Invoke("log", "prune", "--older-than", "30x").ExitCode);
    }

    [Fact]
    public async Task FeedbackImport_ByKey_MatchesLoggedPredictionsAndCountsTheUnknown()
    {
        await Log([Keyed(892, 1), Keyed(893, 2), Keyed(894, 3)]);
        File.WriteAllText(_workspace["outcomes.csv"], "PassengerId,Survived,Upgraded\n892,1,true\n893,0,\n894.0,1.0,0\n999,1,1\n");

        var run = Invoke(
            "feedback", "import", "--model", "titanic", "--data", _workspace["outcomes.csv"], "--key", "PassengerId", "--label", "Survived",
            "--reward", "Upgraded", "--classes", "0,1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonNode.Parse(run.Output)!;
        Assert.Equal((3, 1, 0, 0), (summary["accepted"]!.GetValue<int>(), summary["unknown"]!.GetValue<int>(), summary["duplicate"]!.GetValue<int>(), summary["invalid"]!.GetValue<int>()));
        var outcomes = await Outcomes();
        Assert.Equal([("1", (double?)1), ("0", null), ("1", 0)], outcomes.Select(o => (o.Label, o.Reward)));
    }

    [Fact]
    public async Task FeedbackImport_BadRows_EachNamedWithItsFieldAndTheGoodOnesRecorded()
    {
        await Log([Keyed(892, 1), Keyed(893, 2), Keyed(894, 3)]);
        File.WriteAllText(_workspace["outcomes.csv"], "PassengerId,Survived,Upgraded\n892,maybe,1\n893,1,lots\n894,1,1\n");

        var run = Invoke(
            "feedback", "import", "--model", "titanic", "--data", _workspace["outcomes.csv"], "--key", "PassengerId", "--label", "Survived",
            "--reward", "Upgraded", "--classes", "0,1");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("1 accepted (0 duplicate), 0 unknown, 0 late, 2 invalid", run.Output, StringComparison.Ordinal);
        Assert.Contains("error: row 2: column 'Upgraded' (the reward) must be a number or true/false; it is 'lots'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("error: row 1: field 'label' must be one of 0, 1 for model 'titanic'; it is 'maybe'.", run.Error, StringComparison.Ordinal);
        Assert.Single(await Outcomes(), o => o.Label is not null);
    }

    [Fact]
    public async Task FeedbackImport_NoKeyMatches_SaysSoClearlyAndFailsNotFound()
    {
        await Log([Keyed(892, 1)]);
        File.WriteAllText(_workspace["outcomes.csv"], "PassengerId,Survived\n1,1\n2,0\n");

        var run = Invoke("feedback", "import", "--model", "titanic", "--data", _workspace["outcomes.csv"], "--key", "PassengerId", "--label", "Survived");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("None of the 2 key(s) in outcomes.csv matches a logged prediction of model 'titanic'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedbackImport_MissingColumn_NamesItAndTheColumnsPresent()
    {
        File.WriteAllText(_workspace["outcomes.csv"], "PassengerId,Survived\n1,1\n");

        var run = Invoke("feedback", "import", "--model", "titanic", "--data", _workspace["outcomes.csv"], "--key", "PassengerId", "--label", "Outcome");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Outcome", run.Error, StringComparison.Ordinal);
        Assert.Contains("Survived", run.Error, StringComparison.Ordinal);
    }

    private static PredictionRecord Keyed(int passengerId, int millisecond) =>
        LoggedPredictions.Served(millisecond, key: PredictionKey.Canonical("PassengerId", passengerId));

    private async Task Log(IReadOnlyList<PredictionRecord> records)
    {
        await using var store = await CliApp.Stores().OpenAsync(_workspace.Store, default);
        await store.PredictionLog.AppendAsync(records, default);
    }

    private async Task<List<PredictionOutcome>> Outcomes()
    {
        await using var store = await CliApp.Stores().OpenAsync(_workspace.Store, default);
        var outcomes = new List<PredictionOutcome>();
        await foreach (var outcome in store.Feedback.ReadOutcomesWithFeedbackAsync("titanic", LoggedPredictions.Start, default))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    private CliRun Invoke(params string[] args) => CliRun.Invoke([.. args, "--store", _workspace.Store]);

    private static MonitoringBucket Bucket(DateTimeOffset start) =>
        new("titanic", "drift", "champion", "replica-a", start, start.AddMinutes(1), 1, "{}", start.AddMinutes(1));
}
