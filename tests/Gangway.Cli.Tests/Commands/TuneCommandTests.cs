using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Store.Sqlite;
using Gangway.Stores;

namespace Gangway.Cli.Tests.Commands;

public sealed class TuneCommandTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    private string StoreUri => "sqlite:" + _workspace["s.db"];

    // Two quick candidates on the baseline spec, for the tests that are not about the example grid.
    private string SmallGrid()
    {
        File.WriteAllText(_workspace["small.yaml"], "metric: log_loss\nfolds: 2\nparameters:\n  learner.trees: [5, 20]\n");
        return _workspace["small.yaml"];
    }

    [Fact]
    public async Task Tune_TwoByTwoGridWithSqliteStore_RecordsAParentOneChildPerCandidateAndTagsTheBest()
    {
        // Four candidates on three folds, so the test stays quick; the example's own grid.yaml is checked in the core tests.
        File.WriteAllText(_workspace["four-grid.yaml"], "metric: roc_auc\nfolds: 3\nparameters:\n  learner.trees: [50, 150]\n  learner.learning_rate: [0.05, 0.2]\n");
        var run = CliRun.Invoke("tune", "--spec", _workspace["titanic.yaml"], "--data", _workspace["train.csv"], "--grid", _workspace["four-grid.yaml"], "--store", StoreUri, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        await using var store = await new SqliteStoreProvider().OpenAsync(StoreUri, CancellationToken.None);
        var parent = await store.Runs.FindRunAsync((string)report["run_id"]!, CancellationToken.None);
        Assert.NotNull(parent);
        Assert.Equal(("titanic", "tune", RunStatus.Finished), (parent.Experiment, parent.Name, parent.Status));
        Assert.Equal(Hashing.Sha256File(_workspace["four-grid.yaml"]), parent.Params["grid_sha256"]);
        Assert.Equal(Hashing.Sha256File(_workspace["train.csv"]), parent.Params["data_sha256"]);
        Assert.Equal(_workspace["titanic.yaml"], parent.Params["spec"]);
        Assert.Equal("grid", parent.Params["search"]);

        var children = await store.Runs.ListRunsAsync(new RunQuery(ParentRunId: parent.Id), CancellationToken.None);
        Assert.Equal(4, children.Count);
        Assert.Equal(["candidate 1", "candidate 2", "candidate 3", "candidate 4"], children.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(children, c => Assert.Equal(RunStatus.Finished, c.Status));
        Assert.All(children, c => Assert.Equal(["learner.learning_rate", "learner.trees"], c.Params.Keys.Order(StringComparer.Ordinal)));
        Assert.All(children, c => Assert.Contains("roc_auc_std", c.Metrics.Keys));
        Assert.Equal(4, children.Select(c => (c.Params["learner.trees"], c.Params["learner.learning_rate"])).Distinct().Count());
        var best = Assert.Single(children, c => c.Tags.TryGetValue("best", out var tag) && tag == "true");
        Assert.Equal(children.Max(c => c.Metrics["roc_auc"]), best.Metrics["roc_auc"]);
        Assert.Equal(best.Id, parent.Tags["best_run_id"]);
        Assert.Equal(best.Metrics["roc_auc"], parent.Metrics["roc_auc"]);
        Assert.Equal(best.Id, (string?)report["candidates"]![(int)report["best"]! - 1]!["run_id"]);
    }

    [Fact]
    public void Tune_NoTrack_PrintsTheTableWithTheBestAndRecordsNothing()
    {
        var reportPath = _workspace["tune.json"];

        var run = CliRun.Invoke("tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", SmallGrid(), "--store", StoreUri, "--no-track", "--out", reportPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 candidates, 2-fold cross-validation, log_loss (lower is better)", run.Output, StringComparison.Ordinal);
        Assert.Contains("best: candidate ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("tuning run:", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace["s.db"]));
        var report = JsonNode.Parse(File.ReadAllText(reportPath))!;
        var means = report["candidates"]!.AsArray().Select(c => (double)c!["mean"]!).ToList();
        Assert.Equal(means.IndexOf(means.Min()) + 1, (int)report["best"]!);
        Assert.Null(report["run_id"]);
    }

    [Fact]
    public void Tune_GridPathNotInSpec_ExitsInvalidConfigurationBeforeRecordingARun()
    {
        File.WriteAllText(_workspace["bad-grid.yaml"], "metric: f1\nparameters:\n  features.scale.with_mean: [true]\n");

        var run = CliRun.Invoke("tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", _workspace["bad-grid.yaml"], "--store", StoreUri);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("error: Grid parameter 'features.scale.with_mean' names feature step 'scale', which the spec does not have. Steps present in spec 'titanic-baseline': features[0] one_hot, learner fast_forest.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace["s.db"]));
    }

    [Fact]
    public async Task Tune_DataWithoutTheTarget_MarksTheTuningRunFailed()
    {
        var run = CliRun.Invoke("tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["predict.csv"], "--grid", SmallGrid(), "--store", StoreUri);

        Assert.Equal(3, run.ExitCode);
        await using var store = await new SqliteStoreProvider().OpenAsync(StoreUri, CancellationToken.None);
        var parent = Assert.Single(await store.Runs.ListRunsAsync(new RunQuery(), CancellationToken.None));
        Assert.Equal(("tune", RunStatus.Failed), (parent.Name, parent.Status));
        Assert.Contains("'Survived'", parent.Tags["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tune_Refit_WritesTheBestSpecBesideTheOriginalAndTrainsItAsARunOfTheSearch()
    {
        var run = CliRun.Invoke("tune", "--spec", _workspace["titanic.yaml"], "--data", _workspace["train.csv"], "--grid", SmallGrid(), "--store", StoreUri, "--refit", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        var bestTrees = (string)report["candidates"]![(int)report["best"]! - 1]!["parameters"]!["learner.trees"]!;
        var specPath = _workspace["titanic.tuned.yaml"];
        Assert.Equal(specPath, (string)report["refit"]!["spec"]!);
        var tuned = Gangway.Specs.ModelSpecReader.ReadFile(specPath);
        Assert.Equal(bestTrees, Convert.ToString(tuned.Learner.Arguments["trees"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(tuned.Contract);
        await using var store = await new SqliteStoreProvider().OpenAsync(StoreUri, CancellationToken.None);
        var refit = await store.Runs.FindRunAsync((string)report["refit"]!["run_id"]!, CancellationToken.None);
        Assert.NotNull(refit);
        Assert.Equal((string)report["run_id"]!, refit.Tags["tuning_run_id"]);
        Assert.Equal(Hashing.Sha256File(specPath), refit.Params["spec_sha256"]);
        Assert.Contains(refit.Artifacts, a => a.Name == RunArtifact.ModelBundle);
        Assert.Equal(refit.Id, (await store.Runs.FindRunAsync((string)report["run_id"]!, CancellationToken.None))!.Tags["refit_run_id"]);
    }

    [Fact]
    public void Tune_RefitUntrackedToAnotherFolder_WritesSpecAndBundleWithPathsThatStillResolve()
    {
        var specPath = _workspace["out/best.yaml"];
        var bundlePath = _workspace["out/best.gwb"];
        Directory.CreateDirectory(_workspace["out"]);

        var run = CliRun.Invoke("tune", "--spec", _workspace["titanic.yaml"], "--data", _workspace["train.csv"], "--grid", SmallGrid(), "--store", StoreUri, "--no-track", "--refit", "--out-spec", specPath, "--out-bundle", bundlePath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("refit: best spec in", run.Output, StringComparison.Ordinal);
        Assert.NotNull(Gangway.Specs.ModelSpecReader.ReadFile(specPath).Contract);
        Assert.Equal("titanic", BundleReader.Read(bundlePath).Name);
        Assert.False(File.Exists(_workspace["s.db"]));
    }

    [Theory]
    [InlineData("--out-spec", "best.yaml")]
    [InlineData("--refit", "--no-track")]
    public void Tune_RefitOptionsThatDoNotFit_ExitInvalidConfigurationBeforeSearching(params string[] options)
    {
        var run = CliRun.Invoke(["tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", SmallGrid(), "--store", StoreUri, .. options]);

        Assert.Equal(6, run.ExitCode);
        Assert.False(File.Exists(_workspace["s.db"]));
    }

    public void Dispose() => _workspace.Dispose();
}
