using System.Text.Json.Nodes;
using Gangway.Stores;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway deploy apply|show|history</c> on a SQLite store of the test's own with three registered versions.</summary>
public sealed class DeployCommandsTests : IAsyncLifetime, IDisposable
{
    private const string Deployment = """
        model: titanic
        variants:
          - { name: champion, model: titanic@champion, weight: 80 }
          - { name: challenger, model: "titanic:2", weight: 20 }
        shadow: [ { name: candidate, model: "titanic:3" } ]
        sticky: { field: PassengerId }
        """;

    private readonly ExampleWorkspace _workspace = new();

    public async Task InitializeAsync()
    {
        var trained = Invoke("train", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--json");
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var runId = JsonNode.Parse(trained.Output)!["run_id"]!.GetValue<string>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, Invoke("models", "register", "--run", runId, "--name", "titanic").ExitCode);
        }

        await using var store = await CliApp.Stores().OpenAsync(_workspace.Store, CancellationToken.None);
        foreach (var (alias, version) in new[] { ("champion", 1), ("challenger", 2), ("candidate", 3) })
        {
            await store.Registry.SetAliasAsync("titanic", alias, version, new Change("tests"), CancellationToken.None);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Apply_First_PrintsEveryPartAsAddedAndWhatServes()
    {
        var run = Invoke("deploy", "apply", Write("d.yaml", Deployment), "--actor", "alice");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "Applied deployment of 'titanic' as revision 1 (its first):\n"
            + "  + variants.champion: titanic@champion weight 80\n"
            + "  + variants.challenger: titanic:2 weight 20\n"
            + "  + shadow.candidate: titanic:3\n"
            + "  + sticky: field PassengerId\n"
            + "  + champion: champion\n"
            + "  + refresh: 5s\n"
            + "Serving now: champion = titanic:1, challenger = titanic:2, candidate = titanic:3 (shadow).\n",
            run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Apply_NewWeight_PrintsOnlyThatAndHistoryShowsBothRevisions()
    {
        Invoke("deploy", "apply", Write("d.yaml", Deployment), "--actor", "alice");

        var run = Invoke("deploy", "apply", Write("d2.yaml", Deployment.Replace("weight: 20", "weight: 40", StringComparison.Ordinal)), "--actor", "bob", "--reason", "more traffic");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("as revision 2 (was 1):\n  ~ variants.challenger.weight: 20 -> 40\nServing now:", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var history = JsonNode.Parse(Invoke("deploy", "history", "titanic", "--json").Output)!.AsArray();
        Assert.Equal([(2, "bob", "more traffic"), (1, "alice", null)], history.Select(r => (r!["revision"]!.GetValue<int>(), r["actor"]!.GetValue<string>(), r["reason"]?.GetValue<string>())));
        Assert.Equal(40, history[0]!["deployment"]!["variants"]![1]!["weight"]!.GetValue<double>());
    }

    [Fact]
    public void Apply_SameFileTwice_SaysUnchanged()
    {
        Invoke("deploy", "apply", Write("d.yaml", Deployment));

        var run = Invoke("deploy", "apply", _workspace["d.yaml"]);

        Assert.Equal("Deployment of 'titanic' unchanged: it is revision 1 already.", run.Output.Trim());
    }

    [Fact]
    public void Show_Json_GivesTheRevisionAndTheVersionEachVariantResolvesTo()
    {
        Invoke("deploy", "apply", Write("d.yaml", Deployment), "--actor", "alice");

        var shown = JsonNode.Parse(Invoke("deploy", "show", "titanic", "--json").Output)!;

        Assert.Equal((1, "alice"), (shown["revision"]!.GetValue<int>(), shown["actor"]!.GetValue<string>()));
        Assert.Equal(
            [("champion", 1, false), ("challenger", 2, false), ("candidate", 3, true)],
            shown["variants"]!.AsArray().Select(v => (v!["name"]!.GetValue<string>(), v["version"]!.GetValue<int>(), v["shadow"]!.GetValue<bool>())));
        Assert.Equal("PassengerId", shown["deployment"]!["sticky"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public void Show_Table_ListsVariantsWithSharesAndRoles()
    {
        Invoke("deploy", "apply", Write("d.yaml", Deployment));

        var run = Invoke("deploy", "show", "titanic");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"challenger\s*│\s*titanic:2\s*│\s*2\s*│\s*20\s*│\s*20\.0%\s*│\s*challenger", run.Output);
        Assert.Matches(@"candidate\s*│\s*titanic:3\s*│\s*3\s*│\s*-\s*│\s*-\s*│\s*shadow", run.Output);
        Assert.Contains("sticky: field PassengerId", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TitanicExample_IsAccepted()
    {
        var run = Invoke("deploy", "apply", _workspace["deployment.yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Serving now: champion = titanic:1, challenger = titanic:2, candidate = titanic:3 (shadow).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_UnknownAlias_ExitsNotFoundWithOneLineNamingTheVariant()
    {
        var run = Invoke("deploy", "apply", Write("d.yaml", Deployment.Replace("titanic:2", "titanic@staging", StringComparison.Ordinal)));

        Assert.Equal(4, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("variant 'challenger' (titanic@staging): Model 'titanic' has no alias 'staging'", run.Error, StringComparison.Ordinal);
        Assert.Equal(4, Invoke("deploy", "show", "titanic").ExitCode);
    }

    [Fact]
    public void Apply_MisspeltKey_ExitsInvalidConfigurationSuggestingTheKey()
    {
        var run = Invoke("deploy", "apply", Write("d.yaml", Deployment.Replace("sticky:", "stiky:", StringComparison.Ordinal)));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("d.yaml, 'stiky' (line 6): is not a known key", run.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'sticky'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowAndHistory_NoDeployment_ExitNotFoundSayingHowToApply()
    {
        var run = Invoke("deploy", "show", "titanic");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("Model 'titanic' has no deployment in store", run.Error, StringComparison.Ordinal);
        Assert.Contains("'gangway deploy apply FILE'", run.Error, StringComparison.Ordinal);
        Assert.Equal(4, Invoke("deploy", "history", "titanic").ExitCode);
    }

    private string Write(string name, string text)
    {
        File.WriteAllText(_workspace[name], text);
        return _workspace[name];
    }

    private CliRun Invoke(params string[] args) => CliRun.Invoke([.. args, "--store", _workspace.Store]);
}
