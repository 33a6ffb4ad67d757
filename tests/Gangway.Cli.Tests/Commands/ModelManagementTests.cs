using System.Text.Json.Nodes;
using Gangway.Stores;

namespace Gangway.Cli.Tests.Commands;

/// <summary>Tracking, runs and the registry through the CLI, on a SQLite store of the test's own.</summary>
public sealed class ModelManagementTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Train_Tracked_RecordsTheRunWithParamsMetricsLineageAndTheBundle()
    {
        var bundle = _workspace["m.gwb"];

        var run = Invoke("train", "--spec", _workspace["titanic.yaml"], "--data", _workspace["train.csv"], "--out", bundle, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonNode.Parse(run.Output)!;
        var id = result["run_id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal("titanic", result["model"]!.GetValue<string>());
        var shown = JsonNode.Parse(Invoke("runs", "show", id[..8], "--json").Output)!;
        Assert.Equal(id, shown["run_id"]!.GetValue<string>());
        Assert.Equal("finished", shown["status"]!.GetValue<string>());
        Assert.Equal(Path.GetFullPath(_workspace["titanic.yaml"]), shown["params"]!["spec"]!.GetValue<string>());
        Assert.Equal(Gangway.Bundles.Hashing.Sha256File(_workspace["train.csv"]), shown["params"]!["data_sha256"]!.GetValue<string>());
        Assert.Equal(result["metrics"]!["roc_auc"]!.GetValue<double>(), shown["metrics"]!["training_roc_auc"]!.GetValue<double>());
        Assert.Equal(Gangway.Bundles.Hashing.Sha256File(bundle), shown["artifacts"]![0]!["sha256"]!.GetValue<string>());
        Assert.Equal(shown["params"]!["data_sha256"]!.GetValue<string>(), shown["lineage"]!["data_sha256"]!.GetValue<string>());
    }

    [Fact]
    public void Train_WithoutJson_PrintsTheRunId()
    {
        var run = Invoke("train", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var listed = JsonNode.Parse(Invoke("runs", "list", "--json").Output)!.AsArray();
        Assert.Contains(listed[0]!["run_id"]!.GetValue<string>(), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoTrackWithoutOut_IsRefusedBeforeTraining()
    {
        var run = Invoke("train", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"]);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("Nothing would be kept", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RunsCompare_TwoSpecs_ShowsMetricsSideBySideAndOnlyTheParametersThatDiffer()
    {
        var first = Train("titanic.yaml");
        var second = Train("baseline.yaml");

        var compared = JsonNode.Parse(Invoke("runs", "compare", first, second, "--json").Output)!;

        var auc = compared["metrics"]!["training_roc_auc"]!.AsArray();
        Assert.Equal(2, auc.Count);
        Assert.True(auc[0]!.GetValue<double>() > auc[1]!.GetValue<double>());
        var differing = compared["differing_params"]!.AsObject();
        Assert.True(differing.ContainsKey("learner"));
        Assert.True(differing.ContainsKey("spec_sha256"));
        Assert.False(differing.ContainsKey("data_sha256"));
        Assert.False(differing.ContainsKey("seed"));
    }

    [Fact]
    public void CrossValidate_Tracked_RecordsAParentRunAndOneRunPerFold()
    {
        var run = Invoke("cv", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--folds", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        var parent = JsonNode.Parse(Invoke("runs", "list", "--json").Output)!.AsArray().Single(r => r!["parent_run_id"] is null)!;
        Assert.Equal("finished", parent["status"]!.GetValue<string>());
        var folds = JsonNode.Parse(Invoke("runs", "list", "--parent", parent["run_id"]!.GetValue<string>(), "--json").Output)!.AsArray();
        Assert.Equal(3, folds.Count);
        var mean = folds.Average(f => f!["metrics"]!["roc_auc"]!.GetValue<double>());
        Assert.Equal(mean, parent["metrics"]!["roc_auc"]!.GetValue<double>(), 9);
    }

    [Fact]
    public void CrossValidate_DataWithoutLabels_LeavesTheParentRunFailedWithTheError()
    {
        var run = Invoke("cv", "--spec", _workspace["baseline.yaml"], "--data", _workspace["predict.csv"], "--folds", "3");

        Assert.NotEqual(0, run.ExitCode);
        var parent = JsonNode.Parse(Invoke("runs", "list", "--json").Output)!.AsArray().Single()!;
        var shown = JsonNode.Parse(Invoke("runs", "show", parent["run_id"]!.GetValue<string>(), "--json").Output)!;
        Assert.Equal("failed", shown["status"]!.GetValue<string>());
        Assert.Contains("Survived", shown["tags"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Models_RegisterPromoteRefuseForceRollback_RecordsEveryStepInTheHistory()
    {
        var good = Train("titanic.yaml");
        var weak = Train("baseline.yaml");

        var first = JsonNode.Parse(Invoke("models", "register", "--run", good, "--name", "titanic", "--json").Output)!;
        var second = JsonNode.Parse(Invoke("models", "register", "--run", weak[..10], "--name", "titanic", "--json").Output)!;
        var promoted = Invoke("models", "promote", "titanic", "--version", "1", "--alias", "champion");
        var refused = Invoke("models", "promote", "titanic", "--version", "2", "--alias", "champion");
        var unexplained = Invoke("models", "promote", "titanic", "--version", "2", "--alias", "champion", "--force");
        var aliasAfterRefusal = Aliases()["champion"]!.GetValue<int>();
        var forced = Invoke("models", "promote", "titanic", "--version", "2", "--alias", "champion", "--force", "--reason", "accepting the weaker model for a test");
        var aliasAfterForce = Aliases()["champion"]!.GetValue<int>();
        var rolledBack = Invoke("models", "rollback", "titanic", "--alias", "champion", "--reason", "back to the better one");

        Assert.Equal(1, first["version"]!.GetValue<int>());
        Assert.Equal("titanic", first["name"]!.GetValue<string>());
        Assert.Equal(2, second["version"]!.GetValue<int>());
        Assert.True(promoted.ExitCode == 0, promoted.ToString());
        Assert.Contains("✓ minimum roc_auc", promoted.Output, StringComparison.Ordinal);
        Assert.Equal(8, refused.ExitCode);
        Assert.Contains("✗ minimum roc_auc: 0.8482", refused.Output, StringComparison.Ordinal);
        Assert.Contains("nothing changed", refused.Error, StringComparison.Ordinal);
        Assert.Equal(6, unexplained.ExitCode);
        Assert.Equal(1, aliasAfterRefusal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(2, aliasAfterForce);
        Assert.True(rolledBack.ExitCode == 0, rolledBack.ToString());
        Assert.Equal(1, Aliases()["champion"]!.GetValue<int>());
        var history = JsonNode.Parse(Invoke("models", "history", "titanic", "--json").Output)!.AsArray();
        Assert.Equal(
            [AuditActions.AliasRolledBack, AuditActions.AliasSet, AuditActions.AliasSet, AuditActions.VersionRegistered, AuditActions.VersionRegistered],
            history.Select(h => h!["action"]!.GetValue<string>()));
        Assert.Equal("accepting the weaker model for a test", history[1]!["reason"]!.GetValue<string>());
        Assert.Equal("true", history[1]!["details"]!["notes"]!["forced"]!.GetValue<string>());
        Assert.Equal("back to the better one", history[0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public void RegistryReference_InPredictAndInspect_UsesTheRegisteredBundle()
    {
        var bundle = _workspace["m.gwb"];
        var run = JsonNode.Parse(Invoke("train", "--spec", _workspace["titanic.yaml"], "--data", _workspace["train.csv"], "--out", bundle, "--json").Output)!["run_id"]!.GetValue<string>();
        Invoke("models", "register", "--run", run, "--name", "titanic");
        Invoke("models", "promote", "titanic", "--version", "1", "--alias", "champion");

        var fromFile = Invoke("predict", "--model", bundle, "--data", _workspace["predict.csv"], "--out", _workspace["file.csv"]);
        var fromAlias = Invoke("predict", "--model", "titanic@champion", "--data", _workspace["predict.csv"], "--out", _workspace["alias.csv"]);
        var fromVersion = Invoke("inspect", "titanic:1", "--json");
        var unknown = Invoke("predict", "--model", "titanic@challenger", "--data", _workspace["predict.csv"], "--out", _workspace["none.csv"]);

        Assert.True(fromAlias.ExitCode == 0, fromAlias.ToString());
        Assert.Equal(File.ReadAllText(_workspace["file.csv"]), File.ReadAllText(_workspace["alias.csv"]));
        Assert.True(fromVersion.ExitCode == 0, fromVersion.ToString());
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("no alias 'challenger'", unknown.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace["none.csv"]));
    }

    [Fact]
    public void Store_UnknownScheme_IsAOneLineErrorListingTheForms()
    {
        var run = CliRun.Invoke("runs", "list", "--store", "mongodb://x");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("sqlite:<path>", run.Error, StringComparison.Ordinal);
        Assert.Contains("postgresql://", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void ModelsRegister_ArtifactChangedInTheStore_ExitsCorruptArtifactAndRegistersNothing()
    {
        var run = Train("baseline.yaml");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _workspace.Store["sqlite:".Length..] + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE run_artifacts SET content = zeroblob(size) WHERE run_id = $run";
            command.Parameters.AddWithValue("$run", run);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var registered = Invoke("models", "register", "--run", run, "--name", "titanic");

        Assert.Equal(5, registered.ExitCode);
        Assert.Contains("does not match the SHA-256 recorded with the run", registered.Error, StringComparison.Ordinal);
        Assert.Single(registered.Error.Trim().Split('\n'));
        Assert.Equal("[]", Invoke("models", "list", "--json").Output.Trim());
    }

    private CliRun Invoke(params string[] args) => CliRun.Invoke([.. args, "--store", _workspace.Store]);

    private string Train(string spec)
    {
        var run = Invoke("train", "--spec", _workspace[spec], "--data", _workspace["train.csv"], "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Output)!["run_id"]!.GetValue<string>();
    }

    private JsonObject Aliases() => JsonNode.Parse(Invoke("models", "list", "--json").Output)!.AsArray()[0]!["aliases"]!.AsObject();
}
