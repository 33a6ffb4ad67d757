using System.Text.Json.Nodes;
using Gangway.PredictionLog;
using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway monitor online</c> on a SQLite store of the test's own holding logged predictions and feedback.</summary>
public sealed class MonitorOnlineCommandTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task MonitorOnline_Json_CountsAndAccuracyPerVariant()
    {
        await LogWithFeedback();

        var run = Invoke("monitor", "online", "titanic", "--since", "2026-12-01", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var variants = JsonNode.Parse(run.Output)!["variants"]!.AsArray().ToDictionary(v => v!["variant"]!.GetValue<string>());
        Assert.Equal(10, variants["champion"]!["predictions"]!.GetValue<long>());
        Assert.Equal(10, variants["champion"]!["labelled"]!.GetValue<long>());
        Assert.Equal(1.0, variants["champion"]!["accuracy"]!["value"]!.GetValue<double>());
        Assert.Equal(0.0, variants["candidate"]!["accuracy"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task MonitorOnline_Text_ATableNamingEveryVariant()
    {
        await LogWithFeedback();

        var run = Invoke("monitor", "online", "titanic", "--since", "2026-12-01");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("champion", run.Output, StringComparison.Ordinal);
        Assert.Contains("candidate", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitorOnline_LabelNotAClass_OneLineNamingTheValue()
    {
        await LogWithFeedback(label: "yes");

        var run = Invoke("monitor", "online", "titanic", "--since", "2026-12-01");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'yes'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MonitorOnline_BadSince_IsAUsageErrorNamingTheValue()
    {
        var run = Invoke("monitor", "online", "titanic", "--since", "yesterday");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--since must be a duration back from now", run.Error, StringComparison.Ordinal);
    }

    private async Task LogWithFeedback(string label = "1")
    {
        var served = Enumerable.Range(0, 10).Select(i => LoggedPredictions.Served(i)).ToList();
        await using var store = await CliApp.Stores().OpenAsync(_workspace.Store, default);
        await store.PredictionLog.AppendAsync([.. served, .. served.Select(s => LoggedPredictions.ShadowOf(s))], default);
        await store.Feedback.AppendAsync([.. served.Select(s => new FeedbackRecord(Guid.NewGuid().ToString("N"), s.AnswerId, label, null, LoggedPredictions.Start.AddMinutes(5), "test"))], default);
    }

    private CliRun Invoke(params string[] args) => CliRun.Invoke([.. args, "--store", _workspace.Store]);
}
