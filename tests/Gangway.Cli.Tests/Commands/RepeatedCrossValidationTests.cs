using System.Text.Json.Nodes;
using Gangway.Store.Sqlite;
using Gangway.Stores;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>cv --repeats</c> and <c>tune --repeats/--select/--nested</c>.</summary>
public sealed class RepeatedCrossValidationTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    private string StoreUri => "sqlite:" + _workspace["s.db"];

    private string Grid(string text)
    {
        File.WriteAllText(_workspace["repeat-grid.yaml"], text);
        return _workspace["repeat-grid.yaml"];
    }

    [Fact]
    public async Task Cv_Repeats_ReportsRepeatsTimesFoldsWithIntervalsAndRecordsThem()
    {
        var run = CliRun.Invoke("cv", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--folds", "3", "--repeats", "2", "--store", StoreUri, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal((3, 2), ((int)report["folds"]!, (int)report["repeats"]!));
        Assert.Equal(6, report["per_fold"]!.AsArray().Count);
        Assert.Equal("nadeau_bengio_corrected_t", (string?)report["interval_method"]);
        var interval = report["summary"]!["roc_auc"]!["interval"]!.AsArray();
        await using var store = await new SqliteStoreProvider().OpenAsync(StoreUri, CancellationToken.None);
        var parent = (await store.Runs.FindRunAsync((string)report["run_id"]!, CancellationToken.None))!;
        Assert.Equal("2", parent.Params["repeats"]);
        Assert.Equal((double)interval[0]!, parent.Metrics["roc_auc_lower"], 12);
        Assert.Equal((double)interval[1]!, parent.Metrics["roc_auc_upper"], 12);
        var children = await store.Runs.ListRunsAsync(new RunQuery(ParentRunId: parent.Id), CancellationToken.None);
        Assert.Equal(6, children.Count);
        Assert.Contains(children, c => c.Name == "repeat 2 fold 3" && c.Params["repeat"] == "2" && c.Params["fold"] == "3");
    }

    [Fact]
    public void Cv_RepeatsInTheTable_ShowsTheIntervalAndItsMethod()
    {
        var run = CliRun.Invoke("cv", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--folds", "3", "--repeats", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3-fold cross-validation × 2 repeats", run.Output, StringComparison.Ordinal);
        Assert.Contains("95% interval", run.Output, StringComparison.Ordinal);
        Assert.Contains("Nadeau-Bengio corrected variance (1/6 + 1/2)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cv")]
    [InlineData("tune")]
    public void Repeats_Zero_ExitsInvalidConfigurationNamingTheOption(string command)
    {
        string[] extra = command == "tune" ? ["--grid", Grid("metric: f1\nfolds: 2\nparameters:\n  learner.trees: [5]\n")] : [];

        var run = CliRun.Invoke([command, "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--repeats", "0", "--store", StoreUri, .. extra]);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("error: --repeats must be at least 1; got 0.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace["s.db"]));
    }

    [Fact]
    public void Tune_SelectUnknownRule_IsAUsageErrorListingTheRules()
    {
        var run = CliRun.Invoke("tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", Grid("metric: f1\nparameters:\n  learner.trees: [5]\n"), "--select", "foo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("foo", run.Error, StringComparison.Ordinal);
        Assert.Contains("one_se", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--outer-folds must be at least 2; got 1.", "--nested", "--outer-folds", "1")]
    [InlineData("--outer-folds is only used with --nested", "--outer-folds", "3")]
    public void Tune_OuterFoldsThatDoNotFit_ExitInvalidConfigurationBeforeSearching(string message, params string[] options)
    {
        var run = CliRun.Invoke(["tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", Grid("metric: f1\nparameters:\n  learner.trees: [5]\n"), "--store", StoreUri, .. options]);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace["s.db"]));
    }

    [Fact]
    public async Task Tune_RepeatsOptionOverridesTheGridAndOneSeChoosesTheSimplestWithinOneStandardError()
    {
        // 2 trees is far worse than 20 or 40 on log loss; 20 and 40 are within noise of each other.
        var grid = Grid("metric: log_loss\nfolds: 3\nrepeats: 1\nparameters:\n  learner.trees: [40, 20, 2]\n");

        var run = CliRun.Invoke("tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", grid, "--repeats", "2", "--select", "one_se", "--store", StoreUri, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(2, (int)report["repeats"]!);
        Assert.All(report["candidates"]!.AsArray(), c => Assert.Equal(6, c!["cross_validation"]!["per_fold"]!.AsArray().Count));
        var candidates = report["candidates"]!.AsArray();
        var best = candidates[(int)report["best"]! - 1]!;
        var threshold = (double)report["selection"]!["threshold"]!;
        Assert.Equal((double)best["mean"]! + (double)best["std_error"]!, threshold, 12);
        var within = candidates.Where(c => (double)c!["mean"]! <= threshold).Select(c => int.Parse((string)c!["parameters"]!["learner.trees"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var chosen = candidates[(int)report["chosen"]! - 1]!;
        Assert.Equal(within.Min().ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)chosen["parameters"]!["learner.trees"]);
        Assert.Equal("one_se", (string?)report["selection"]!["rule"]);
        Assert.StartsWith($"candidate {(int)report["chosen"]!}: simplest within 1 SE of best", (string?)report["selection"]!["reason"], StringComparison.Ordinal);

        await using var store = await new SqliteStoreProvider().OpenAsync(StoreUri, CancellationToken.None);
        var parent = (await store.Runs.FindRunAsync((string)report["run_id"]!, CancellationToken.None))!;
        Assert.Equal(("2", "one_se"), (parent.Params["repeats"], parent.Params["select"]));
        Assert.Equal((string?)chosen["run_id"], parent.Tags["chosen_run_id"]);
        Assert.Equal("true", (await store.Runs.FindRunAsync((string)chosen["run_id"]!, CancellationToken.None))!.Tags["chosen"]);
    }

    [Fact]
    public async Task Tune_NestedWithRefit_ReportsTheNestedEstimateAndOptimismRecordsThemAndTrainsTheChosenCandidate()
    {
        var grid = Grid("metric: accuracy\nfolds: 2\nparameters:\n  learner.trees: [2, 20]\n");

        var run = CliRun.Invoke("tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", grid, "--nested", "--outer-folds", "3", "--refit", "--out-spec", _workspace["nested-chosen.yaml"], "--store", StoreUri, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        var nested = report["nested"]!;
        Assert.Equal(3, (int)nested["outer_folds"]!);
        Assert.Equal(3, nested["per_fold"]!.AsArray().Count);
        var outer = nested["per_fold"]!.AsArray().Select(f => (double)f!["outer"]!).ToList();
        Assert.Equal(outer.Average(), (double)nested["mean"]!, 12);
        var inner = (double)report["candidates"]![(int)report["chosen"]! - 1]!["mean"]!;
        Assert.Equal(inner, (double)nested["inner"]!, 12);
        Assert.Equal(inner - outer.Average(), (double)nested["optimism"]!, 12);

        await using var store = await new SqliteStoreProvider().OpenAsync(StoreUri, CancellationToken.None);
        var parent = (await store.Runs.FindRunAsync((string)report["run_id"]!, CancellationToken.None))!;
        Assert.Equal(("true", "3"), (parent.Params["nested"], parent.Params["outer_folds"]));
        Assert.Equal((double)nested["mean"]!, parent.Metrics["nested_accuracy"], 12);
        Assert.Equal((double)nested["optimism"]!, parent.Metrics["optimism"], 12);
        Assert.Equal(2, (await store.Runs.ListRunsAsync(new RunQuery(ParentRunId: parent.Id), CancellationToken.None)).Count);
        Assert.Equal((string?)report["refit"]!["run_id"], parent.Tags["refit_run_id"]);
        Assert.Contains($"candidate {(int)report["chosen"]!} ", File.ReadAllText(_workspace["nested-chosen.yaml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Tune_NestedTable_PrintsTheEstimateNextToTheSearchScore()
    {
        var grid = Grid("metric: accuracy\nfolds: 2\nparameters:\n  learner.trees: [2, 20]\n");

        var run = CliRun.Invoke("tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", grid, "--nested", "--no-track");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("nested cross-validation (5 outer folds): accuracy ", run.Output, StringComparison.Ordinal);
        Assert.Contains("optimism ", run.Output, StringComparison.Ordinal);
        Assert.Contains("outer fold 5: chose learner.trees=", run.Output, StringComparison.Ordinal);
        Assert.Contains("chosen (best): candidate ", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
