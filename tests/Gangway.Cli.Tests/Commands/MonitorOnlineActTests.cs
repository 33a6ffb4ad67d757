using System.Text.Json.Nodes;
using Gangway.Stores;
using Gangway.Tests.OnlineEvaluation;

namespace Gangway.Cli.Tests.Commands;

/// <summary>
/// <c>gangway monitor online --act</c> on a SQLite store with two registered versions of the baseline model and logged
/// predictions where the challenger clearly wins: the move goes through the promotion gates, which the baseline fails.
/// </summary>
public sealed class MonitorOnlineActTests : IAsyncLifetime, IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    public async Task InitializeAsync()
    {
        var trained = Invoke("train", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--json");
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var runId = JsonNode.Parse(trained.Output)!["run_id"]!.GetValue<string>();
        Assert.Equal(0, Invoke("models", "register", "--run", runId, "--name", "titanic").ExitCode);
        Assert.Equal(0, Invoke("models", "register", "--run", runId, "--name", "titanic").ExitCode);
        await using var store = await CliApp.Stores().OpenAsync(_workspace.Store, CancellationToken.None);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, new Change("tests"), CancellationToken.None);
        await store.Registry.SetAliasAsync("titanic", "challenger", 2, new Change("tests"), CancellationToken.None);
        await store.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "auto"), new Change("tests"), CancellationToken.None);
        await OnlineEvidence.SeedAsync(store, DateTimeOffset.UtcNow.AddSeconds(1), 200, championRight: 12, challengerRight: 19);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Act_AutoPromoteFires_GoesThroughThePromotionGatesAndSaysWhatHappened()
    {
        var run = Invoke("monitor", "online", "titanic", "--act", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var move = Assert.Single(JsonNode.Parse(run.Output)!["moves"]!.AsArray())!;
        Assert.Equal(("challenger", "promote"), (move["variant"]!.GetValue<string>(), move["decision"]!.GetValue<string>()));
        // The baseline fails its own spec's roc_auc gate, so the gates refuse it as they would refuse a person.
        Assert.Equal("refused", move["result"]!.GetValue<string>());
        Assert.StartsWith("Refused: titanic:2 did not pass the promotion gates for titanic@champion", move["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var store = await CliApp.Stores().OpenAsync(_workspace.Store, CancellationToken.None);
        Assert.Equal(1, await store.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
    }

    [Fact]
    public void Report_WithoutAct_MovesNothingAndPrintsNoMoves()
    {
        var run = Invoke("monitor", "online", "titanic", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Null(JsonNode.Parse(run.Output)!["moves"]);
    }

    private CliRun Invoke(params string[] args) => CliRun.Invoke([.. args, "--store", _workspace.Store]);
}
