using System.Text.Json.Nodes;
using Gangway.Bundles;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway evaluate</c> records held-out metrics against the run and version, and the registry shows them.</summary>
public sealed class EvaluationRecordingTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Evaluate_RegistryReference_RecordsAgainstRunAndVersion_ModelsShowAndRunsCompareShowThem()
    {
        var good = Train("titanic.yaml");
        var weak = Train("baseline.yaml");
        Invoke("models", "register", "--run", good, "--name", "titanic");
        Invoke("models", "promote", "titanic", "--version", "1", "--alias", "champion");

        var evaluated = Invoke("evaluate", "--model", "titanic@champion", "--data", _workspace["validation.csv"], "--json");

        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        var report = JsonNode.Parse(evaluated.Output)!;
        Assert.Equal(good, report["run_id"]!.GetValue<string>());
        Assert.Equal("titanic:1", report["version"]!.GetValue<string>());
        var version = JsonNode.Parse(Invoke("models", "show", "titanic", "--json").Output)!["versions"]![0]!;
        var recorded = Assert.Single(version["evaluations"]!.AsArray())!;
        Assert.Equal("titanic:1", recorded["version"]!.GetValue<string>());
        Assert.Equal("validation.csv", recorded["data"]!.GetValue<string>());
        Assert.Equal(Hashing.Sha256File(_workspace["validation.csv"]), recorded["data_sha256"]!.GetValue<string>());
        Assert.Equal(report["roc_auc"]!.GetValue<double>(), recorded["metrics"]!["roc_auc"]!.GetValue<double>());
        var table = Invoke("models", "show", "titanic").Output;
        Assert.Contains("held-out roc_auc", table, StringComparison.Ordinal);
        Assert.Contains(report["roc_auc"]!.GetValue<double>().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), table, StringComparison.Ordinal);

        var compared = JsonNode.Parse(Invoke("runs", "compare", good, weak, "--json").Output)!;
        Assert.Equal(report["roc_auc"]!.GetValue<double>(), compared["held_out_metrics"]!["roc_auc"]![0]!.GetValue<double>());
        Assert.Null(compared["held_out_metrics"]!["roc_auc"]![1]);
        Assert.NotNull(compared["metrics"]!["training_roc_auc"]![0]);
        Assert.Contains("held-out roc_auc", Invoke("runs", "compare", good, weak).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BundleFileOfATrackedRun_RecordsAgainstThatRunOnly()
    {
        var bundle = _workspace["m.gwb"];
        var run = JsonNode.Parse(Invoke("train", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--out", bundle, "--json").Output)!["run_id"]!.GetValue<string>();

        var evaluated = Invoke("evaluate", "--model", bundle, "--data", _workspace["validation.csv"]);

        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        var shown = JsonNode.Parse(Invoke("runs", "show", run, "--json").Output)!;
        var recorded = Assert.Single(shown["evaluations"]!.AsArray())!;
        Assert.Null(recorded["version"]);
        Assert.Equal("validation.csv", recorded["data"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_NoTrack_RecordsNothing()
    {
        var run = Train("baseline.yaml");
        Invoke("models", "register", "--run", run, "--name", "titanic");

        var evaluated = Invoke("evaluate", "--model", "titanic:1", "--data", _workspace["validation.csv"], "--no-track", "--json");

        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.Null(JsonNode.Parse(evaluated.Output)!["run_id"]);
        Assert.Empty(JsonNode.Parse(Invoke("runs", "show", run, "--json").Output)!["evaluations"]!.AsArray());
    }

    private string Train(string spec) =>
        JsonNode.Parse(Invoke("train", "--spec", _workspace[spec], "--data", _workspace["train.csv"], "--json").Output)!["run_id"]!.GetValue<string>();

    private CliRun Invoke(params string[] args) => CliRun.Invoke([.. args, "--store", _workspace.Store]);
}
