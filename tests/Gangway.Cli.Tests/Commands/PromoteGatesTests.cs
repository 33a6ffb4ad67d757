using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Commands;

/// <summary>
/// <c>gangway models promote</c> with gates judged at a confidence level and a <c>beats</c> gate: the Titanic example
/// specs with their promotion section replaced, registered as versions 1 (titanic.yaml) and 2 (baseline.yaml) of one model.
/// </summary>
public sealed class PromoteGatesTests : IDisposable
{
    private const string Gates = """
        promotion:
          data: data/validation.csv
          confidence: 0.95
          minimum: { roc_auc: 0.80 }
          no_regression: { metric: roc_auc, tolerance: 0.01 }
          beats: [women_survive, champion]

        """;

    private readonly ExampleWorkspace _workspace = new();

    public PromoteGatesTests()
    {
        foreach (var spec in new[] { "titanic.yaml", "baseline.yaml" })
        {
            var text = File.ReadAllText(_workspace[spec]);
            File.WriteAllText(_workspace["gated-" + spec], text[..text.IndexOf("\npromotion:", StringComparison.Ordinal)] + "\n" + Gates);
            var trained = Invoke("train", "--spec", _workspace["gated-" + spec], "--data", _workspace["train.csv"], "--json");
            Assert.True(trained.ExitCode == 0, trained.ToString());
            var registered = Invoke("models", "register", "--run", JsonNode.Parse(trained.Output)!["run_id"]!.GetValue<string>(), "--name", "titanic");
            Assert.True(registered.ExitCode == 0, registered.ToString());
        }
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Promote_FirstVersion_PrintsTheIntervalAndTestOfEveryGateAndSkipsTheMissingChampion()
    {
        var run = Invoke("models", "promote", "titanic", "--version", "1", "--alias", "champion");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Matches(@"^✓ minimum roc_auc: 0\.\d{4}, 95% interval \[0\.\d{4}, 0\.\d{4}\] \(needs 95% lower bound ≥ 0\.8000; bootstrap\)$", Assert.Single(lines, l => l.Contains("minimum roc_auc", StringComparison.Ordinal)));
        Assert.Matches(@"^✓ beats women_survive roc_auc: 0\.\d{4} vs 0\.\d{4}, difference \+0\.\d{4}, 95% interval \[\+0\.\d{4}, \+0\.\d{4}\], delong p [=<] ", Assert.Single(lines, l => l.Contains("beats women_survive", StringComparison.Ordinal)));
        Assert.EndsWith("; skipped: no current version", Assert.Single(lines, l => l.Contains("beats champion", StringComparison.Ordinal)), StringComparison.Ordinal);
        var history = JsonNode.Parse(Invoke("models", "history", "titanic", "--json").Output)!.AsArray();
        var report = history[0]!["details"]!["notes"]!["gate_report"]!.GetValue<string>();
        Assert.StartsWith("Promotion gates: passed (4 checks)\n✓ minimum roc_auc: ", report, StringComparison.Ordinal);
        Assert.Contains("delong p ", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_NotebookModelOverTheChampion_FailsBeatsChampionAndTheJsonGivesIntervalsAndTests()
    {
        Assert.Equal(0, Invoke("models", "promote", "titanic", "--version", "1", "--alias", "champion").ExitCode);

        var run = Invoke("models", "promote", "titanic", "--version", "2", "--alias", "champion", "--json");

        Assert.Equal(8, run.ExitCode);
        var results = JsonNode.Parse(run.Output)!["gates"]!["results"]!.AsArray();
        var champion = Assert.Single(results, r => r!["kind"]!.GetValue<string>() == "beats" && r["reference"]!.GetValue<string>() == "champion")!;
        Assert.False(champion["passed"]!.GetValue<bool>());
        Assert.Equal("delong", champion["test"]!.GetValue<string>());
        Assert.InRange(champion["p_value"]!.GetValue<double>(), 0, 1);
        Assert.True(champion["difference"]!.GetValue<double>() < 0);
        Assert.Equal(0.95, champion["confidence"]!.GetValue<double>());
        var interval = champion["interval"]!.AsArray();
        Assert.True(interval[0]!.GetValue<double>() < interval[1]!.GetValue<double>());
        var noRegression = Assert.Single(results, r => r!["kind"]!.GetValue<string>() == "no_regression")!;
        Assert.Equal("paired bootstrap", noRegression["test"]!.GetValue<string>());
        Assert.Equal(2, noRegression["interval"]!.AsArray().Count);
        Assert.Equal(1, JsonNode.Parse(Invoke("models", "list", "--json").Output)!.AsArray()[0]!["aliases"]!["champion"]!.GetValue<int>());
    }

    private CliRun Invoke(params string[] args) => CliRun.Invoke([.. args, "--store", _workspace.Store]);
}
