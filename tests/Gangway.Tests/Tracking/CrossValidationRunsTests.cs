using Gangway.Stores;
using Gangway.Tests.Stores;
using Gangway.Tests.Training;
using Gangway.Tracking;
using Gangway.Training;

namespace Gangway.Tests.Tracking;

/// <summary>The runs a cross-validation records, in a real SQLite store.</summary>
public sealed class CrossValidationRunsTests : IDisposable
{
    private readonly TempStore _temp = new();

    private IRunStore Runs => _temp.Store.Runs;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StartAsync_RecordsARunningParentWithFoldsRepeatsAndTheSpecsParameters()
    {
        var tracking = await CrossValidationRuns.StartAsync(Runs, TimeProvider.System, TitanicFiles.BaselineSpec, TitanicFiles.Train, 3, 2, null, CancellationToken.None);

        var parent = (await Runs.FindRunAsync(tracking.ParentRunId, CancellationToken.None))!;
        Assert.Equal((RunStatus.Running, "cv", (string?)null), (parent.Status, parent.Name, parent.ParentRunId));
        Assert.Equal(("3", "2"), (parent.Params["folds"], parent.Params["repeats"]));
        Assert.Equal(Path.GetFullPath(TitanicFiles.BaselineSpec), parent.Params["spec"]);
        Assert.Equal("cv", parent.Tags["command"]);
    }

    [Fact]
    public async Task FinishAsync_Report_OneFinishedChildPerFoldAndTheParentFinishedWithTheSummary()
    {
        var tracking = await CrossValidationRuns.StartAsync(Runs, TimeProvider.System, TitanicFiles.BaselineSpec, TitanicFiles.Train, 3, 1, null, CancellationToken.None);
        var report = CrossValidator.Run(TitanicFiles.BaselineSpec, TitanicFiles.Train, folds: 3);

        await tracking.FinishAsync(report, CancellationToken.None);

        var children = await Runs.ListRunsAsync(new RunQuery(ParentRunId: tracking.ParentRunId), CancellationToken.None);
        Assert.Equal(["fold 1", "fold 2", "fold 3"], children.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(children, child => Assert.Equal(RunStatus.Finished, child.Status));
        Assert.All(children, child => Assert.Contains("roc_auc", child.Metrics.Keys));
        var parent = (await Runs.FindRunAsync(tracking.ParentRunId, CancellationToken.None))!;
        Assert.Equal(RunStatus.Finished, parent.Status);
        Assert.Equal(TrainingRuns.Summary(report)["roc_auc"], parent.Metrics["roc_auc"]);
        Assert.Contains("roc_auc_std", parent.Metrics.Keys);
    }

    [Fact]
    public async Task FailAsync_Error_MarksTheParentFailedWithTheError()
    {
        var tracking = await CrossValidationRuns.StartAsync(Runs, TimeProvider.System, TitanicFiles.BaselineSpec, TitanicFiles.Train, 3, 1, null, CancellationToken.None);

        await tracking.FailAsync("cancelled", CancellationToken.None);

        var parent = (await Runs.FindRunAsync(tracking.ParentRunId, CancellationToken.None))!;
        Assert.Equal((RunStatus.Failed, "cancelled"), (parent.Status, parent.Tags["error"]));
        Assert.NotNull(parent.EndedAt);
    }
}
